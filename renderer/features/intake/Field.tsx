import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, IntakeField } from './intake-form';
import { controlId, errorId, errorText, hintId } from './intake-errors';

/** What a control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

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
  const describedBy = [hint ? hintId(field) : null, error ? errorId(field) : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`intake-field${error ? ' intake-field--invalid' : ''} ${className ?? ''}`}>
      <label className="intake-field__label" htmlFor={controlId(field)}>
        {t(`intake.labels.${field}`)}
      </label>
      {children({
        id: controlId(field),
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
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
