import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import {
  ActionFormFrame,
  Field,
  MailStep,
  useFieldError,
  type ActionFormProps,
  type Recorded,
} from './FormParts';
import {
  validateChangePriority,
  validateComment,
  validateExtend,
  validateReopen,
  validateScheduleFix,
} from './action-forms';
import { fixDateMail, type MailDraft } from './mail-template';
import { useActionSubmit } from './useActionSubmit';
import { useNowEvery } from '../../lib/useNow';
import { correctedNowMs } from '../../lib/window-clock';
import { prefilledText, redoDraft } from '../sync/redo-request';
import { earliestReleaseDate } from '@shared/domain/command-rules';
import { useFormDraft } from '../drafts/useFormDraft';
import {
  EMPTY_COMMENT,
  EMPTY_EXTEND,
  EMPTY_REOPEN,
  commentDraft,
  extendDraft,
  reopenDraft,
} from './form-drafts';

interface TicketFormProps extends ActionFormProps {
  ticket: Ticket;
}

/**
 * P4: the answer naming the release date of the fixing update (stops the resolution clock), then
 * the e-mail that gives the customer that answer. The date is today or later on the customer's
 * calendar: a past date would promise nothing.
 */
export function ScheduleFixForm({ ticket, zone, onClose }: TicketFormProps & { zone: string }) {
  const { t } = useTranslation();
  const id = useId();
  const now = useNowEvery(60_000);
  const [releaseDate, setReleaseDate] = useState(
    () => prefilledText(ticket.id, 'schedule_fix', 'releaseDate') || (ticket.releaseDate ?? ''),
  );
  const [done, setDone] = useState<{ mail: MailDraft; recorded: Recorded } | null>(null);
  const input = validateScheduleFix(
    { releaseDate },
    { createdAt: ticket.createdAt, timeZone: zone, now },
  );
  const { submit, busy, errors, refusal } = useActionSubmit(ticket.id, 'schedule_fix', input);
  const errorOf = useFieldError(errors, zone);
  if (done) {
    return (
      <MailStep
        message={t('ticket.forms.scheduleFixDone')}
        mail={done.mail}
        onClose={() => onClose(done.recorded)}
      />
    );
  }

  const hint = `${t('ticket.forms.scheduleFixHint')} ${t('ticket.forms.scheduleFixMailHint', { email: ticket.reporterEmail })}`;
  const onSubmit = async () => {
    // The moment the answer is recorded, as the ERP stamps it (the e-mail quotes it).
    const at = new Date(correctedNowMs()).toISOString();
    const recorded = await submit();
    if (!recorded || !input.ok) return;
    setDone({
      mail: fixDateMail(ticket, { releaseDate: input.payload.releaseDate, at }, zone),
      recorded,
    });
  };
  return (
    <ActionFormFrame
      title={t('ticket.forms.scheduleFixTitle')}
      submitLabel={t('ticket.forms.scheduleFixSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
    >
      <Field
        id={`${id}-date`}
        label={t('ticket.forms.scheduleFixDate')}
        error={errorOf('releaseDate')}
        hint={hint}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            min={earliestReleaseDate(Date.parse(ticket.createdAt), now, zone)}
            value={releaseDate}
            autoFocus
            onChange={(event) => setReleaseDate(event.target.value)}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}

/** P3: extra working hours agreed with the customer (rule 7). */
export function ExtendForm({ ticket, onClose }: TicketFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useFormDraft(
    'extend',
    ticket.id,
    extendDraft,
    EMPTY_EXTEND,
    redoDraft(ticket.id, 'extend', (text) => ({ hours: text('hours'), note: text('note') })),
  );
  const { hours, note } = draft.value;
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'extend',
    validateExtend({ hours, note }),
    draft.record,
  );
  const submitAndClose = () => void submit().then((done) => done && onClose(done));
  const errorOf = useFieldError(errors);
  if (!draft.loaded) return null;
  return (
    <ActionFormFrame
      draft={draft}
      title={t('ticket.forms.extendTitle')}
      submitLabel={t('ticket.forms.extendSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={submitAndClose}
      onClose={onClose}
    >
      <Field id={`${id}-hours`} label={t('ticket.forms.extendHours')} error={errorOf('hours')}>
        {(control) => (
          <input
            {...control}
            className="input input--short"
            type="number"
            inputMode="decimal"
            min="0.5"
            step="0.5"
            value={hours}
            autoFocus
            onChange={(event) => draft.set({ ...draft.value, hours: event.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-note`} label={t('ticket.forms.extendNote')} error={errorOf('note')} wide>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={note}
            onChange={(event) => draft.set({ ...draft.value, note: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}

export function ChangePriorityForm({ ticket, onClose }: TicketFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [to, setTo] = useState(() => prefilledText(ticket.id, 'change_priority', 'to'));
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'change_priority',
    validateChangePriority({ to, current: ticket.priority }),
  );
  const submitAndClose = () => void submit().then((done) => done && onClose(done));
  const errorOf = useFieldError(errors);
  const hint = t('ticket.forms.priorityHint');
  return (
    <ActionFormFrame
      title={t('ticket.forms.priorityTitle')}
      submitLabel={t('ticket.forms.prioritySubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={submitAndClose}
      onClose={onClose}
    >
      <Field id={`${id}-to`} label={t('ticket.forms.priorityTo')} error={errorOf('to')} hint={hint}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={to}
            autoFocus
            onChange={(event) => setTo(event.target.value)}
          >
            <option value="">{t('ticket.forms.priorityPlaceholder')}</option>
            {([1, 2, 3, 4] as const).map((p) => (
              <option key={p} value={p} disabled={p === ticket.priority}>
                {t(`ticket.priorityNames.p${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionFormFrame>
  );
}

export function CommentForm({ ticket, onClose }: TicketFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useFormDraft(
    'comment',
    ticket.id,
    commentDraft,
    EMPTY_COMMENT,
    redoDraft(ticket.id, 'comment', (text) => ({ text: text('text') })),
  );
  const { text } = draft.value;
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'comment',
    validateComment({ text }),
    draft.record,
  );
  const submitAndClose = () => void submit().then((done) => done && onClose(done));
  const errorOf = useFieldError(errors);
  if (!draft.loaded) return null;
  return (
    <ActionFormFrame
      draft={draft}
      title={t('ticket.forms.commentTitle')}
      submitLabel={t('ticket.forms.commentSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={submitAndClose}
      onClose={onClose}
    >
      <Field id={`${id}-text`} label={t('ticket.forms.commentText')} error={errorOf('text')} wide>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={text}
            autoFocus
            onChange={(event) => draft.set({ text: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}

export function ReopenForm({ ticket, onClose }: TicketFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useFormDraft(
    'reopen',
    ticket.id,
    reopenDraft,
    EMPTY_REOPEN,
    redoDraft(ticket.id, 'reopen', (text) => ({ reason: text('reason') })),
  );
  const { reason } = draft.value;
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'reopen',
    validateReopen({ reason }),
    draft.record,
  );
  const submitAndClose = () => void submit().then((done) => done && onClose(done));
  const errorOf = useFieldError(errors);
  if (!draft.loaded) return null;
  return (
    <ActionFormFrame
      draft={draft}
      title={t('ticket.forms.reopenTitle')}
      submitLabel={t('ticket.forms.reopenSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={submitAndClose}
      onClose={onClose}
    >
      <Field
        id={`${id}-reason`}
        label={t('ticket.forms.reopenReason')}
        error={errorOf('reason')}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={reason}
            autoFocus
            onChange={(event) => draft.set({ reason: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
