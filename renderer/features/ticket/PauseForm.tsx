import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { PAUSE_REASONS, type PauseReason } from '@shared/sla';
import { ActionFormFrame, Field, MailStep, useFieldError, type ActionFormProps } from './FormParts';
import { validatePause } from './action-forms';
import { pauseIsRequest, pauseMail, pauseNeedsMail, type MailDraft } from './mail-template';
import { useActionSubmit } from './useActionSubmit';
import { correctedNowMs } from '../../lib/window-clock';
import { prefilledText } from '../sync/redo-request';

interface PauseFormProps extends ActionFormProps {
  ticket: Ticket;
  zone: string;
}

/**
 * Pause with one of the eight reasons of §5; for three of them, the e-mail the user must get, and
 * for the two that wait on information, the request itself.
 */
export function PauseForm({ ticket, zone, onClose }: PauseFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState(() => prefilledText(ticket.id, 'pause', 'reason'));
  const [note, setNote] = useState(() => prefilledText(ticket.id, 'pause', 'note'));
  const [mail, setMail] = useState<MailDraft | null>(null);
  const input = validatePause({ reason, note });
  const { submit, busy, errors, refusal } = useActionSubmit(ticket.id, 'pause', input);
  const errorOf = useFieldError(errors);

  const known = (PAUSE_REASONS as readonly string[]).includes(reason);
  const isRequest = known && pauseIsRequest(reason as PauseReason);
  if (mail) {
    const done = isRequest ? t('ticket.forms.pauseRequestDone') : t('ticket.forms.pauseDone');
    return <MailStep message={done} mail={mail} onClose={onClose} />;
  }

  const needsMail = known && pauseNeedsMail(reason as PauseReason);
  const mailHint = isRequest
    ? t('ticket.forms.pauseRequestHint')
    : needsMail
      ? t('ticket.forms.pauseMailHint')
      : undefined;
  const onSubmit = async () => {
    // The moment the pause is recorded, as the ERP stamps it (the e-mail quotes it).
    const at = new Date(correctedNowMs()).toISOString();
    if (!(await submit()) || !input.ok) return;
    const draft = pauseMail(ticket, { ...input.payload, at }, zone);
    if (draft) setMail(draft);
    else onClose();
  };

  return (
    <ActionFormFrame
      title={t('ticket.forms.pauseTitle')}
      submitLabel={t('ticket.forms.pauseSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
    >
      <Field
        id={`${id}-reason`}
        label={t('ticket.forms.pauseReason')}
        error={errorOf('reason')}
        wide
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={reason}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          >
            <option value="">{t('ticket.forms.pauseReasonPlaceholder')}</option>
            {PAUSE_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`ticket.pauseReasons.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-note`}
        label={
          reason === 'other' ? t('ticket.forms.pauseNoteRequired') : t('ticket.forms.pauseNote')
        }
        error={errorOf('note')}
        hint={mailHint}
        wide
      >
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
