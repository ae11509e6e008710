import { useId } from 'react';
import { useFormDraft } from '../drafts/useFormDraft';
import { EMPTY_LOG_WORK, logWorkDraft } from './form-drafts';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { ActionFormFrame, Field, useFieldError, type ActionFormProps } from './FormParts';
import { useNowEvery } from '../../lib/useNow';
import { instantToLocal, validateLogWork } from './action-forms';
import { offsetLabel } from './sla-format';
import { useActionSubmit } from './useActionSubmit';
import { redoDraft } from '../sync/redo-request';

interface LogWorkFormProps extends ActionFormProps {
  ticket: Ticket;
  zone: string;
  /** When the form was opened: the zone's offset shown in the hints is the one at that moment. */
  openedAt: string;
}

/**
 * An on-site visit, in the customer's wall-clock time (the engineer was there). Nothing is
 * guessed: a prefilled start and end would let one click record a visit nobody entered, so the
 * engineer types both times and what was done (or redoes a refused visit with what they typed);
 * the pickers offer only the ticket's lifetime.
 */
export function LogWorkForm({ ticket, zone, openedAt, onClose }: LogWorkFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const now = useNowEvery(60_000);
  // Redoing a refused visit: the times the engineer typed then, on the customer's wall clock.
  const draft = useFormDraft(
    'log_work',
    ticket.id,
    logWorkDraft,
    EMPTY_LOG_WORK,
    redoDraft(ticket.id, 'log_work', (text) => {
      const local = (iso: string) => (iso === '' ? '' : instantToLocal(iso, zone));
      return {
        startedLocal: local(text('startedAt')),
        endedLocal: local(text('endedAt')),
        note: text('note'),
      };
    }),
  );
  const { startedLocal, endedLocal, note } = draft.value;
  const update = (patch: Partial<typeof draft.value>) => draft.set({ ...draft.value, ...patch });
  const input = validateLogWork(
    { startedLocal, endedLocal, note },
    { createdAt: ticket.createdAt, timeZone: zone, now },
  );
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'log_work',
    input,
    draft.record,
  );
  const errorOf = useFieldError(errors, zone);
  const earliest = instantToLocal(ticket.createdAt, zone);
  const latest = instantToLocal(new Date(now).toISOString(), zone);
  const zoneHint = t('ticket.forms.logWorkZone', {
    offset: offsetLabel(openedAt, zone, i18n.language),
  });
  const onSubmit = async () => {
    const recorded = await submit();
    if (recorded) onClose(recorded);
  };
  if (!draft.loaded) return null;

  return (
    <ActionFormFrame
      draft={draft}
      title={t('ticket.forms.logWorkTitle')}
      submitLabel={t('ticket.forms.logWorkSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
    >
      <Field
        id={`${id}-start`}
        label={t('ticket.forms.logWorkStart')}
        error={errorOf('startedAt')}
        hint={zoneHint}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="datetime-local"
            min={earliest}
            max={latest}
            value={startedLocal}
            autoFocus
            onChange={(event) => update({ startedLocal: event.target.value })}
          />
        )}
      </Field>
      <Field
        id={`${id}-end`}
        label={t('ticket.forms.logWorkEnd')}
        error={errorOf('endedAt')}
        hint={zoneHint}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="datetime-local"
            min={earliest}
            max={latest}
            value={endedLocal}
            onChange={(event) => update({ endedLocal: event.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-note`} label={t('ticket.forms.logWorkNote')} error={errorOf('note')} wide>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={note}
            onChange={(event) => update({ note: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
