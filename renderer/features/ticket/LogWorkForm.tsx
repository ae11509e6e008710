import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { ActionFormFrame, Field, useFieldError, type ActionFormProps } from './FormParts';
import { instantToLocal, validateLogWork } from './action-forms';
import { offsetLabel } from './sla-format';
import { useActionSubmit } from './useActionSubmit';

interface LogWorkFormProps extends ActionFormProps {
  ticket: Ticket;
  zone: string;
  /** When the form was opened: the visit is prefilled as the hour before it. */
  openedAt: string;
}

const FIVE_MINUTES = 5 * 60_000;

/** An on-site visit, in the customer's wall-clock time (the engineer was there). */
export function LogWorkForm({ ticket, zone, openedAt, onClose }: LogWorkFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const end = Math.floor(Date.parse(openedAt) / FIVE_MINUTES) * FIVE_MINUTES;
  const [startedLocal, setStarted] = useState(() =>
    instantToLocal(new Date(end - 3_600_000).toISOString(), zone),
  );
  const [endedLocal, setEnded] = useState(() => instantToLocal(new Date(end).toISOString(), zone));
  const [note, setNote] = useState('');
  const input = validateLogWork({ startedLocal, endedLocal, note, timeZone: zone });
  const { submit, busy, errors, refusal } = useActionSubmit(ticket.id, 'log_work', input);
  const errorOf = useFieldError(errors);
  const zoneHint = t('ticket.forms.logWorkZone', { offset: offsetLabel(openedAt, zone) });
  const onSubmit = async () => {
    if (await submit()) onClose();
  };

  return (
    <ActionFormFrame
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
            value={startedLocal}
            autoFocus
            onChange={(event) => setStarted(event.target.value)}
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
            value={endedLocal}
            onChange={(event) => setEnded(event.target.value)}
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
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
