import { useTranslation } from 'react-i18next';
import { controlId, errorId, errorText } from './intake-errors';
import type { FieldError, IntakeField } from './intake-form';

interface ConfirmBoxProps {
  field: IntakeField;
  label: string;
  checked: boolean;
  error: FieldError | undefined;
  onChange: (checked: boolean) => void;
}

/** A confirmation the engineer must tick, with what is wrong under it after a submit. */
export function ConfirmBox({ field, label, checked, error, onChange }: ConfirmBoxProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`intake-confirm intake-field--wide${error ? ' intake-field--invalid' : ''}`}>
      <label className="intake-confirm__label">
        <input
          id={controlId(field)}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId(field) : undefined}
        />
        {label}
      </label>
      {error && (
        <p className="intake-field__error" id={errorId(field)}>
          {errorText(t, i18n.language, field, error)}
        </p>
      )}
    </div>
  );
}
