import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, navigate } from '../../app/route';
import { redoRecorded } from '../sync/redo-request';
import { getTicketActions } from '../sync/ticket-actions-runtime';
import { CreatedAtField } from './CreatedAtField';
import { CustomerFields } from './CustomerFields';
import { DescriptionFields } from './DescriptionFields';
import { ErrorSummary } from './ErrorSummary';
import { validateIntake, withOrganization, type IntakeForm } from './intake-form';
import { LateRegistrationFields } from './LateRegistrationFields';
import { PriorityField } from './PriorityField';
import { useIntakeDraft } from './useIntakeDraft';
import { useOrganizations } from './useOrganizations';
import './intake.css';
import { correctedNowMs } from '../../lib/window-clock';

/**
 * Registers a request on behalf of a customer. It only writes to this computer's database (the
 * optimistic ticket and its outbox row), so it works the same with or without a connection.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const { form, errors, set, clear } = useIntakeDraft();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const organization = organizations?.find((o) => o.id === form.organizationId);

  useEffect(() => {
    if (failedSubmits > 0) summaryRef.current?.focus();
  }, [failedSubmits]);

  const validate = (next: IntakeForm) =>
    validateIntake(next, { now: correctedNowMs(), organizations: organizations ?? [] });
  const change = (next: IntakeForm) => {
    const result = errors === null ? null : validate(next);
    set(next, result === null ? null : result.ok ? {} : result.errors);
  };
  const update = (patch: Partial<IntakeForm>) => change({ ...form, ...patch });
  const chooseOrganization = (id: string) =>
    change(
      withOrganization(
        form,
        organizations?.find((o) => o.id === id),
        organization,
      ),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = validate(form);
    if (!result.ok) {
      set(form, result.errors);
      setFailedSubmits((n) => n + 1);
      return;
    }
    set(form, {});
    setSaving(true);
    setRefusal(null);
    try {
      const outcome = await getTicketActions().create(result.input);
      if (outcome.ok) {
        // A corrected registration the ERP had refused: the refused one is done with.
        await redoRecorded(null, 'create');
        clear();
        navigate({ name: 'ticket', ticketId: outcome.ticketId });
      } else {
        setRefusal(outcome.error);
      }
    } catch (error) {
      setRefusal({
        code: 'local',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    clear();
    navigate({ name: 'queue' });
  }

  const shown = errors ?? {};
  return (
    <div className="intake">
      <header className="intake__bar">
        <a className="button button--quiet intake__back" href={hrefOf({ name: 'queue' })}>
          <span aria-hidden="true">←</span> {t('intake.back')}
        </a>
        <h1 className="intake__title" id="intake-heading">
          {t('intake.title')}
        </h1>
        <p className="intake__lead">{t('intake.lead')}</p>
      </header>
      {Object.keys(shown).length > 0 && <ErrorSummary errors={shown} ref={summaryRef} />}
      {refusal && (
        <div className="intake-refusal" role="alert" data-testid="intake-refusal">
          {t('intake.errors.refused', { message: refusal.message })}{' '}
          <code className="intake-refusal__code">{refusal.code}</code>
        </div>
      )}
      <form
        className="intake__form"
        aria-labelledby="intake-heading"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <div className="intake__columns">
          <div className="intake__main">
            <section className="intake-card" aria-labelledby="intake-section-customer">
              <h2 className="intake-card__title" id="intake-section-customer">
                {t('intake.sections.customer')}
              </h2>
              <div className="intake-grid">
                <CustomerFields
                  form={form}
                  errors={shown}
                  organizations={organizations}
                  organization={organization}
                  onOrganization={chooseOrganization}
                  onChange={update}
                />
                <CreatedAtField
                  value={form.createdAtLocal}
                  organization={organization}
                  error={shown.createdAt}
                  onChange={(createdAtLocal) => update({ createdAtLocal })}
                />
                <LateRegistrationFields
                  form={form}
                  organization={organization}
                  errors={shown}
                  onChange={update}
                />
              </div>
            </section>
            <section className="intake-card" aria-labelledby="intake-section-description">
              <h2 className="intake-card__title" id="intake-section-description">
                {t('intake.sections.description')}
              </h2>
              <div className="intake-grid">
                <DescriptionFields form={form} errors={shown} onChange={update} />
              </div>
            </section>
          </div>
          <PriorityField
            value={form.priority}
            error={shown.priority}
            onChange={(priority) => update({ priority })}
          />
        </div>
        <div className="intake__actions">
          <button type="submit" className="button intake__submit" disabled={saving}>
            {saving ? t('intake.saving') : t('intake.submit')}
          </button>
          <button type="button" className="button button--quiet" onClick={cancel}>
            {t('intake.cancel')}
          </button>
          <p className="intake__note">{t('intake.offlineNote')}</p>
        </div>
      </form>
    </div>
  );
}
