import { useTranslation } from 'react-i18next';
import { LATE_REGISTRATION_DAYS } from '@shared/domain/command-rules';
import type { Organization } from '@shared/domain/ticket';
import { useNowEvery } from '../../lib/useNow';
import { ConfirmBox } from './ConfirmBox';
import { Field } from './Field';
import { registeredLate, type FieldErrors, type IntakeForm } from './intake-form';

interface LateRegistrationFieldsProps {
  form: IntakeForm;
  organization: Organization | undefined;
  errors: FieldErrors;
  onChange: (patch: Partial<IntakeForm>) => void;
}

/**
 * Shown only while the reported time lies more than `LATE_REGISTRATION_DAYS` back. Registering
 * such a request is legitimate (an old e-mail found late), but never by accident: the engineer
 * confirms it and says why, and the reason travels with the request to the ERP.
 */
export function LateRegistrationFields(props: LateRegistrationFieldsProps) {
  const { form, organization, errors, onChange } = props;
  const { t } = useTranslation();
  const now = useNowEvery(60_000);
  if (!registeredLate(form, organization, now)) return null;
  return (
    <div className="intake-late intake-field--wide" data-testid="intake-late">
      <p className="intake-field__note intake-field__note--warn">
        {t('intake.late.notice', { count: LATE_REGISTRATION_DAYS })}
      </p>
      <ConfirmBox
        field="lateRegistration"
        label={t('intake.late.confirm')}
        checked={form.lateConfirmed}
        error={errors.lateRegistration}
        onChange={(lateConfirmed) => onChange({ lateConfirmed })}
      />
      {form.lateConfirmed && (
        <Field
          field="lateRegistrationReason"
          hint={t('intake.hints.lateRegistrationReason')}
          error={errors.lateRegistrationReason}
        >
          {(control) => (
            <textarea
              {...control}
              className="intake-input intake-input--text"
              rows={2}
              value={form.lateReason}
              onChange={(event) => onChange({ lateReason: event.target.value })}
            />
          )}
        </Field>
      )}
    </div>
  );
}
