import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/route';
import type { ActionResult } from '../../db/repos/ticket-actions';
import type { DeadLetterRow } from '../../db/schema';
import { describeRefusal } from '../identity/people';
import { usePeople } from '../identity/usePeople';

interface DeadLetterItemProps {
  letter: DeadLetterRow;
  retry: (commandId: string) => Promise<ActionResult>;
  dismiss: (commandId: string) => void;
}

/**
 * One refused action with the ERP's reason (or the reason it was refused again). Both buttons
 * wait while a retry is being written, so a quick second click cannot send or drop it twice.
 */
export function DeadLetterItem({ letter, retry, dismiss }: DeadLetterItemProps) {
  const { t } = useTranslation();
  const people = usePeople();
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const sendAgain = async () => {
    setBusy(true);
    try {
      const result = await retry(letter.commandId);
      setRetryError(result.ok ? null : describeRefusal(result.error, people, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="dead-letters__item" data-testid="dead-letter" aria-busy={busy}>
      <span className="dead-letters__status">{t(`deadLetters.${letter.status}`)}</span>
      <span className="dead-letters__what">
        {t(`deadLetters.types.${letter.type}`)} ·{' '}
        <a href={hrefOf({ name: 'ticket', ticketId: letter.ticketId })}>
          {t('deadLetters.openTicket')}
        </a>
      </span>
      <span className="dead-letters__reason" data-testid="dead-letter-reason">
        {retryError ?? describeRefusal(letter.error, people, t)}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void sendAgain()}
      >
        {t('deadLetters.retry')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={busy}
        onClick={() => dismiss(letter.commandId)}
      >
        {t('deadLetters.dismiss')}
      </button>
    </li>
  );
}
