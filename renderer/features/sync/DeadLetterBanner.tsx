import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/route';
import { useDeadLetters } from './useDeadLetters';

/**
 * Actions the ERP refused for good. They were not applied, so the engineer must see each one,
 * with the ERP's reason, and decide: send it again on the ticket as it is now, or let it go.
 */
export function DeadLetterBanner() {
  const { t } = useTranslation();
  const { letters, dismiss, retry } = useDeadLetters();
  const [retryErrors, setRetryErrors] = useState<Record<string, string>>({});
  if (letters.length === 0) return null;
  return (
    <section
      className="banner banner--inline banner--error"
      aria-label={t('deadLetters.title', { count: letters.length })}
    >
      <h2 className="banner__title">{t('deadLetters.title', { count: letters.length })}</h2>
      <ul className="dead-letters">
        {letters.map((letter) => (
          <li key={letter.commandId} className="dead-letters__item" data-testid="dead-letter">
            <span className="dead-letters__status">{t(`deadLetters.${letter.status}`)}</span>
            <span className="dead-letters__what">
              {t(`deadLetters.types.${letter.type}`)} ·{' '}
              <a href={hrefOf({ name: 'ticket', ticketId: letter.ticketId })}>
                {t('deadLetters.openTicket')}
              </a>
            </span>
            <span className="dead-letters__reason">
              {retryErrors[letter.commandId] ?? letter.error.message}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={async () => {
                const result = await retry(letter.commandId);
                if (!result.ok)
                  setRetryErrors((errors) => ({
                    ...errors,
                    [letter.commandId]: result.error.message,
                  }));
              }}
            >
              {t('deadLetters.retry')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => dismiss(letter.commandId)}
            >
              {t('deadLetters.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
