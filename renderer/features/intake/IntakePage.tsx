import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, navigate } from '../../app/route';
import { redoRecorded } from '../sync/redo-request';
import { getTicketActions } from '../sync/ticket-actions-runtime';
import { CreatedAtField } from './CreatedAtField';
import { CustomerFields } from './CustomerFields';
import { DescriptionFields } from './DescriptionFields';
import { ErrorSummary } from './ErrorSummary';
import { validateIntake, withOrganization, type FieldErrors, type IntakeForm } from './intake-form';
import { LateRegistrationFields } from './LateRegistrationFields';
import { PriorityField } from './PriorityField';
import { useOrganizations } from './useOrganizations';
import './intake.css';
import { correctedNowMs } from '../../lib/window-clock';
import { useDeviceZone } from '../../lib/device-zone';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DiscardDraftDialog } from '../drafts/DiscardDraftDialog';
import { useDiscardGuard } from '../drafts/useDiscardGuard';
import { useFormDraft, type FormDraft } from '../drafts/useFormDraft';
import { keepLetterTime } from './eml/prefill-from-letter';
import { LetterPanel } from './eml/LetterPanel';
import { EMPTY_INTAKE_DRAFT, intakeDraftSchema, type IntakeDraft } from './intake-draft';
import { useLetterIntake } from './useLetterIntake';
import { IntakeFiles } from '../attachments/IntakeFiles';
import { useAttachHandoff } from '../attachments/attach-handoff';
import { useIntakeFiles } from '../attachments/useIntakeFiles';
import { usePastedFiles } from '../attachments/usePageFiles';

/**
 * Registers a request on behalf of a customer. It only writes to this computer's database (the
 * optimistic ticket and its outbox row), so it works the same with or without a connection.
 * What is typed is kept as a draft in that database until the request is registered.
 */
export function IntakePage() {
  const draft = useFormDraft('intake', null, intakeDraftSchema, EMPTY_INTAKE_DRAFT);
  // The form mounts with its draft, so nothing typed in the first milliseconds is overwritten.
  return draft.loaded ? <IntakeFormPage draft={draft} /> : null;
}

function IntakeFormPage({ draft }: { draft: FormDraft<IntakeDraft> }) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const engineerZone = useDeviceZone();
  const form = draft.value;
  // null until a submit was tried; from then on the errors follow the typing.
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const set = (next: IntakeDraft, nextErrors: FieldErrors | null) => {
    draft.set(next);
    setErrors(nextErrors);
  };
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
  const change = (next: IntakeDraft) => {
    const result = errors === null ? null : validate(next);
    set(next, result === null ? null : result.ok ? {} : result.errors);
  };
  const update = (patch: Partial<IntakeForm>) => change({ ...form, ...patch });
  const chooseOrganization = (id: string) => {
    const next = organizations?.find((o) => o.id === id);
    const chosen = withOrganization(form, next, organization);
    change({
      ...keepLetterTime(
        chosen,
        form.letter?.sentAt ?? null,
        organization?.timeZone ?? engineerZone,
        next?.timeZone ?? engineerZone,
      ),
      letter: form.letter,
    });
  };
  const applyLetter = useCallback(
    (next: IntakeDraft) => {
      draft.set(next);
      setErrors(null);
      setRefusal(null);
    },
    [draft],
  );
  const intakeFiles = useIntakeFiles();
  const { add: addFiles, takeLetterFiles } = intakeFiles;
  usePastedFiles(useCallback((files: File[]) => void addFiles(files, 'paste'), [addFiles]));
  const letterIntake = useLetterIntake({
    blank: draft.blank,
    organizations: organizations ?? [],
    engineerZone,
    apply: applyLetter,
    applyFiles: useCallback((files: File[]) => void takeLetterFiles(files), [takeLetterFiles]),
    dropOther: useCallback((files: File[]) => void addFiles(files, 'drop'), [addFiles]),
  });
  const leave = useCallback(() => navigate({ name: 'queue' }), []);
  // Files count as much as typed text: a form with only files asks too, and discarding drops them.
  const { clear: clearFiles } = intakeFiles;
  const hasFiles = intakeFiles.files.length > 0;
  const guarded = useMemo(
    () => ({
      blank: draft.blank && !hasFiles,
      discard: async () => {
        await draft.discard();
        await clearFiles();
      },
    }),
    [draft, hasFiles, clearFiles],
  );
  const guard = useDiscardGuard(guarded, leave);

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
      const outcome = await draft.record(() => getTicketActions().create(result.input));
      if (outcome.ok) {
        // A corrected registration the ERP had refused: the refused one is done with.
        await redoRecorded(null, 'create');
        const refused = await intakeFiles.attachTo(outcome.ticketId);
        if (refused.length > 0) useAttachHandoff.getState().handOver(outcome.ticketId, refused);
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

  const shown = errors ?? {};
  return (
    <div className="intake" {...letterIntake.dropTarget}>
      <header className="intake__bar">
        <a className="button button--quiet intake__back" href={hrefOf({ name: 'queue' })}>
          <span aria-hidden="true">←</span> {t('intake.back')}
        </a>
        <h1 className="intake__title" id="intake-heading">
          {t('intake.title')}
        </h1>
        <p className="intake__lead">{t('intake.lead')}</p>
      </header>
      {draft.restored && (
        <p className="draft-restored intake__restored" data-testid="draft-restored">
          {t('drafts.restored')}
        </p>
      )}
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
            <LetterPanel
              letter={form.letter}
              problem={letterIntake.problem}
              reading={letterIntake.reading}
              dragging={letterIntake.dragging}
              organizations={organizations ?? []}
              zone={organization?.timeZone ?? engineerZone}
              onFile={(files) => void letterIntake.take(files)}
            />
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
            <IntakeFiles
              files={intakeFiles.files}
              problems={intakeFiles.problems}
              onPick={(files) => void addFiles(files, 'pick')}
              onRemove={intakeFiles.remove}
              onDismiss={intakeFiles.dismiss}
            />
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
          <button type="button" className="button button--quiet" onClick={guard.requestClose}>
            {t('intake.cancel')}
          </button>
          <p className="intake__note">{t('intake.offlineNote')}</p>
        </div>
      </form>
      {guard.asking && <DiscardDraftDialog onKeep={guard.keep} onDiscard={guard.discard} />}
      {letterIntake.pending && (
        <ConfirmDialog
          title={t('intake.letter.replaceTitle')}
          body={t('intake.letter.replaceBody')}
          keepLabel={t('intake.letter.replaceKeep')}
          confirmLabel={t('intake.letter.replaceConfirm')}
          onKeep={letterIntake.keepForm}
          onConfirm={letterIntake.confirmReplace}
          testId="intake-letter-replace"
        />
      )}
    </div>
  );
}
