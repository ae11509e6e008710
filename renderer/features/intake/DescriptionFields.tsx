import { useTranslation } from 'react-i18next';
import { ConfirmBox } from './ConfirmBox';
import { Field } from './Field';
import type { FieldErrors, IntakeForm } from './intake-form';

type TextField = 'steps' | 'expected' | 'actual' | 'diagnostics';
const TEXTS: TextField[] = ['steps', 'expected', 'actual', 'diagnostics'];

interface DescriptionFieldsProps {
  form: IntakeForm;
  errors: FieldErrors;
  onChange: (patch: Partial<IntakeForm>) => void;
}

/** What happened, as §4 asks for it, and the user's confirmation that it is not on their side. */
export function DescriptionFields({ form, errors, onChange }: DescriptionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        field="title"
        hint={t('intake.hints.title')}
        error={errors.title}
        className="intake-field--wide"
      >
        {(control) => (
          <input
            {...control}
            className="intake-input"
            value={form.title}
            onChange={(event) => onChange({ title: event.target.value })}
          />
        )}
      </Field>
      {TEXTS.map((field) => (
        <Field key={field} field={field} hint={t(`intake.hints.${field}`)} error={errors[field]}>
          {(control) => (
            <textarea
              {...control}
              className="intake-input intake-input--text"
              rows={4}
              value={form[field]}
              onChange={(event) => onChange({ [field]: event.target.value })}
            />
          )}
        </Field>
      ))}
      <ConfirmBox
        field="notUserSideConfirmed"
        label={t('intake.confirmLabel')}
        checked={form.notUserSideConfirmed}
        error={errors.notUserSideConfirmed}
        onChange={(notUserSideConfirmed) => onChange({ notUserSideConfirmed })}
      />
    </>
  );
}
