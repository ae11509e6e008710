import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, type ControlProps } from '../../components/control-props';
import type { FieldError, IntakeField } from './intake-form';
import { controlId, errorId, errorText, hintId } from './intake-errors';

interface FieldProps {
  field: IntakeField;
  hint?: string;
  error: FieldError | undefined;
  /** Shown under the control, before the error: facts the choice implies. */
  note?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, after a submit, what is wrong with it. */
export function Field({ field, hint, error, note, className, children }: FieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`intake-field${error ? ' intake-field--invalid' : ''} ${className ?? ''}`}>
      <label className="intake-field__label" htmlFor={controlId(field)}>
        {t(`intake.labels.${field}`)}
      </label>
      {children(
        controlProps(controlId(field), {
          hintId: hint ? hintId(field) : null,
          errorId: error ? errorId(field) : null,
        }),
      )}
      {hint && (
        <p className="intake-field__hint" id={hintId(field)}>
          {hint}
        </p>
      )}
      {note}
      {error && (
        <p className="intake-field__error" id={errorId(field)}>
          {errorText(t, i18n.language, field, error)}
        </p>
      )}
    </div>
  );
}
