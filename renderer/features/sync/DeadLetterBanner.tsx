import { useTranslation } from 'react-i18next';
import { DeadLetterItem } from './DeadLetterItem';
import { useDeadLetters } from './useDeadLetters';

/**
 * Actions the ERP refused for good. They were not applied, so the engineer must see each one,
 * with the ERP's reason, and decide: send it again on the ticket as it is now, or let it go.
 */
export function DeadLetterBanner() {
  const { t } = useTranslation();
  const { letters, dismiss, retry } = useDeadLetters();
  if (letters.length === 0) return null;
  return (
    <section
      className="banner banner--inline banner--error"
      aria-label={t('deadLetters.title', { count: letters.length })}
    >
      <h2 className="banner__title">{t('deadLetters.title', { count: letters.length })}</h2>
      <ul className="dead-letters">
        {letters.map((letter) => (
          <DeadLetterItem key={letter.commandId} letter={letter} retry={retry} dismiss={dismiss} />
        ))}
      </ul>
    </section>
  );
}
