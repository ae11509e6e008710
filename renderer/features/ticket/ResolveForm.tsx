import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { ActionFormFrame, Field, MailStep, useFieldError, type ActionFormProps } from './FormParts';
import { validateResolve } from './action-forms';
import { resultMail, type MailDraft } from './mail-template';
import { useActionSubmit } from './useActionSubmit';
import { correctedNowMs } from '../../lib/window-clock';
import { prefilledText } from '../sync/redo-request';

interface ResolveFormProps extends ActionFormProps {
  ticket: Ticket;
  zone: string;
}

/** Resolve with the result, then the e-mail to the address the request came from (§4). */
export function ResolveForm({ ticket, zone, onClose }: ResolveFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [result, setResult] = useState(() => prefilledText(ticket.id, 'resolve', 'result'));
  const [mail, setMail] = useState<MailDraft | null>(null);
  const input = validateResolve({ result });
  const { submit, busy, errors, refusal } = useActionSubmit(ticket.id, 'resolve', input);
  const errorOf = useFieldError(errors);

  if (mail)
    return <MailStep message={t('ticket.forms.resolveDone')} mail={mail} onClose={onClose} />;

  const hint = t('ticket.forms.resolveMailHint', { email: ticket.reporterEmail });
  const onSubmit = async () => {
    // The moment the result is recorded, as the ERP stamps it (the e-mail quotes it).
    const at = new Date(correctedNowMs()).toISOString();
    if (!(await submit()) || !input.ok) return;
    setMail(resultMail(ticket, { result: input.payload.result, at }, zone));
  };

  return (
    <ActionFormFrame
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
            onChange={(event) => setResult(event.target.value)}
          />
        )}
      </Field>
    </ActionFormFrame>
  );
}
