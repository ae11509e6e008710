import { useId, useState } from 'react';
import { useFormDraft } from '../drafts/useFormDraft';
import { EMPTY_PAUSE, pauseDraft } from './form-drafts';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { PAUSE_REASONS, type PauseReason } from '@shared/sla';
import {
  ActionFormFrame,
  Field,
  MailStep,
  useFieldError,
  type ActionFormProps,
  type Recorded,
} from './FormParts';
import { validatePause } from './action-forms';
import { pauseIsRequest, pauseMail, pauseNeedsMail, type MailDraft } from './mail-template';
import { useActionSubmit } from './useActionSubmit';
import { correctedNowMs } from '../../lib/window-clock';
import { redoDraft } from '../sync/redo-request';

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
  const draft = useFormDraft(
    'pause',
    ticket.id,
    pauseDraft,
    EMPTY_PAUSE,
    redoDraft(ticket.id, 'pause', (text) => ({ reason: text('reason'), note: text('note') })),
  );
  const { reason, note } = draft.value;
  const [done, setDone] = useState<{ mail: MailDraft; recorded: Recorded } | null>(null);
  const input = validatePause({ reason, note });
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'pause',
    input,
    draft.record,
  );
  const errorOf = useFieldError(errors);

  const known = (PAUSE_REASONS as readonly string[]).includes(reason);
  const isRequest = known && pauseIsRequest(reason as PauseReason);
  if (done) {
    return (
      <MailStep
        message={isRequest ? t('ticket.forms.pauseRequestDone') : t('ticket.forms.pauseDone')}
        mail={done.mail}
        onClose={() => onClose(done.recorded)}
      />
    );
  }
  if (!draft.loaded) return null;

  const needsMail = known && pauseNeedsMail(reason as PauseReason);
  const mailHint = isRequest
    ? t('ticket.forms.pauseRequestHint')
    : needsMail
      ? t('ticket.forms.pauseMailHint')
      : undefined;
  const onSubmit = async () => {
    // The moment the pause is recorded, as the ERP stamps it (the e-mail quotes it).
    const at = new Date(correctedNowMs()).toISOString();
    const recorded = await submit();
    if (!recorded || !input.ok) return;
    const mail = pauseMail(ticket, { ...input.payload, at }, zone);
    if (mail) setDone({ mail, recorded });
    else onClose(recorded);
  };

  return (
    <ActionFormFrame
      draft={draft}
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
            onChange={(event) => draft.set({ ...draft.value, reason: event.target.value })}
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
            onChange={(event) => draft.set({ ...draft.value, note: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
