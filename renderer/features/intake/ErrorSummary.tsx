import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { controlId, errorText } from './intake-errors';
import { INTAKE_FIELDS, type FieldErrors, type IntakeField } from './intake-form';

function focusField(field: IntakeField): void {
  // The priority's radios share one name; the checked one (else the first) takes the focus.
  const checked = document.querySelector<HTMLInputElement>('input[name="priority"]:checked');
  const target =
    field === 'priority' && checked ? checked : document.getElementById(controlId(field));
  target?.focus();
}

/**
 * Everything still wrong, in the order of the form, each a jump to its field. Links would change
 * the hash, which is the app's route, so these are buttons.
 */
export function ErrorSummary({ errors, ref }: { errors: FieldErrors; ref: Ref<HTMLDivElement> }) {
  const { t, i18n } = useTranslation();
  const fields = INTAKE_FIELDS.filter((field) => errors[field]);
  return (
    <div
      className="intake-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="intake-summary"
    >
      <p className="intake-summary__title">
        {t('intake.errors.summary', { count: fields.length })}
      </p>
      <ul className="intake-summary__list">
        {fields.map((field) => (
          <li key={field}>
            <button
              type="button"
              className="intake-summary__field"
              onClick={() => focusField(field)}
            >
              {t(`intake.labels.${field}`)}
            </button>
            {' — '}
            {errorText(t, i18n.language, field, errors[field]!)}
          </li>
        ))}
      </ul>
    </div>
  );
}
