import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { useNow } from '../../lib/useNow';
import { utcOffsetLabel } from './created-at';
import { Field } from './Field';
import type { FieldErrors, IntakeForm } from './intake-form';

interface CustomerFieldsProps {
  form: IntakeForm;
  errors: FieldErrors;
  organizations: Organization[] | undefined;
  organization: Organization | undefined;
  onOrganization: (id: string) => void;
  onChange: (patch: Partial<IntakeForm>) => void;
}

/** Who reported it: the organization, the account, and where the answer goes. */
export function CustomerFields(props: CustomerFieldsProps) {
  const { form, errors, organizations, organization, onOrganization, onChange } = props;
  const { t } = useTranslation();
  const loading = organizations === undefined;
  const none = organizations?.length === 0;
  return (
    <>
      <Field
        field="organizationId"
        hint={t('intake.hints.organizationId')}
        error={errors.organizationId}
        className="intake-field--wide"
        note={
          none ? (
            <p className="intake-field__note intake-field__note--warn">
              {t('intake.organization.noneYet')}
            </p>
          ) : (
            organization && <OrganizationFacts organization={organization} />
          )
        }
      >
        {(control) => (
          <select
            {...control}
            className="intake-input"
            value={form.organizationId}
            disabled={loading || none}
            onChange={(event) => onOrganization(event.target.value)}
          >
            <option value="">
              {loading ? t('intake.organization.loading') : t('intake.organization.choose')}
            </option>
            {organizations?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field field="account" hint={t('intake.hints.account')} error={errors.account}>
        {(control) => (
          <>
            <input
              {...control}
              className="intake-input"
              list="intake-accounts"
              autoComplete="off"
              spellCheck={false}
              value={form.account}
              onChange={(event) => onChange({ account: event.target.value })}
            />
            <datalist id="intake-accounts">
              {organization?.accounts.map((account) => (
                <option key={account} value={account} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field
        field="reporterEmail"
        hint={t('intake.hints.reporterEmail')}
        error={errors.reporterEmail}
      >
        {(control) => (
          <>
            {/* Not type="email": Chromium hands its value over as punycode (xn--…), and the address
                is stored as typed. */}
            <input
              {...control}
              className="intake-input"
              type="text"
              inputMode="email"
              list="intake-emails"
              autoComplete="off"
              spellCheck={false}
              value={form.reporterEmail}
              onChange={(event) => onChange({ reporterEmail: event.target.value })}
            />
            <datalist id="intake-emails">
              {organization?.contactEmails.map((email) => (
                <option key={email} value={email} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </>
  );
}

/** The zone and calendar the organization's SLA clocks are counted in. */
function OrganizationFacts({ organization }: { organization: Organization }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const { timeZone, calendar } = organization;
  const calendarName =
    calendar === 'RU' || calendar === 'none'
      ? t(`intake.organization.calendars.${calendar}`)
      : calendar;
  return (
    <dl className="intake-facts" data-testid="intake-organization-facts">
      <dt>{t('intake.organization.zone')}</dt>
      <dd>
        {timeZone}{' '}
        <span className="intake-facts__muted">{utcOffsetLabel(timeZone, now, i18n.language)}</span>
      </dd>
      <dt>{t('intake.organization.calendar')}</dt>
      <dd>{calendarName}</dd>
    </dl>
  );
}
