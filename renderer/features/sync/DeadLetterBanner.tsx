import { useTranslation } from 'react-i18next';
import { DeadLetterItem } from './DeadLetterItem';
import { useDeadLetters } from './useDeadLetters';

/**
 * Actions the ERP refused for good. They were not applied, so the engineer must see each one:
 * on which ticket, why, who changed the ticket meanwhile, what they typed, and the ways on that
 * can still succeed (send again only when that can work; redo on the ticket as it is now; discard).
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
        {letters.map((refused) => (
          <DeadLetterItem
            key={refused.letter.commandId}
            refused={refused}
            retry={retry}
            dismiss={dismiss}
          />
        ))}
      </ul>
    </section>
  );
}
