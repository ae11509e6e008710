import { useId, useState } from 'react';
import { useFormDraft } from '../drafts/useFormDraft';
import { EMPTY_RESOLVE, resolveDraft } from './form-drafts';
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
import { validateResolve } from './action-forms';
import { resultMail, type MailDraft } from './mail-template';
import { useActionSubmit } from './useActionSubmit';
import { correctedNowMs } from '../../lib/window-clock';
import { redoDraft } from '../sync/redo-request';

interface ResolveFormProps extends ActionFormProps {
  ticket: Ticket;
  zone: string;
}

/** Resolve with the result, then the e-mail to the address the request came from (§4). */
export function ResolveForm({ ticket, zone, onClose }: ResolveFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useFormDraft(
    'resolve',
    ticket.id,
    resolveDraft,
    EMPTY_RESOLVE,
    redoDraft(ticket.id, 'resolve', (text) => ({ result: text('result') })),
  );
  const { result } = draft.value;
  const [done, setDone] = useState<{ mail: MailDraft; recorded: Recorded } | null>(null);
  const input = validateResolve({ result });
  const { submit, busy, errors, refusal } = useActionSubmit(
    ticket.id,
    'resolve',
    input,
    draft.record,
  );
  const errorOf = useFieldError(errors);

  if (done) {
    return (
      <MailStep
        message={t('ticket.forms.resolveDone')}
        mail={done.mail}
        onClose={() => onClose(done.recorded)}
      />
    );
  }
  if (!draft.loaded) return null;

  const hint = t('ticket.forms.resolveMailHint', { email: ticket.reporterEmail });
  const onSubmit = async () => {
    // The moment the result is recorded, as the ERP stamps it (the e-mail quotes it).
    const at = new Date(correctedNowMs()).toISOString();
    const recorded = await submit();
    if (!recorded || !input.ok) return;
    setDone({ mail: resultMail(ticket, { result: input.payload.result, at }, zone), recorded });
  };

  return (
    <ActionFormFrame
      draft={draft}
      title={t('ticket.forms.resolveTitle')}
      submitLabel={t('ticket.forms.resolveSubmit')}
      busy={busy}
      refusal={refusal}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
    >
      <Field
        id={`${id}-result`}
        label={t('ticket.forms.resolveResult')}
        error={errorOf('result')}
        hint={hint}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={result}
            autoFocus
            onChange={(event) => draft.set({ result: event.target.value })}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
