import { useTranslation } from 'react-i18next';
import { ticketRu } from './ticket-messages';
import type { FailingCommand } from './useTicket';

const KNOWN_REASONS = new Set(Object.keys(ticketRu.failingReasons));

/**
 * Pending actions the shared rules refused locally: the ERP will most likely refuse them too.
 * The reason is worded by its code (with the code beside it for support); the rules' English
 * message is not shown.
 */
export function FailingNotice({ failing }: { failing: FailingCommand[] }) {
  const { t } = useTranslation();
  return (
    <section className="ticket-failing" role="alert" data-testid="ticket-failing">
      <h2 className="ticket-failing__title">{t('ticket.failingTitle')}</h2>
      <ul className="ticket-failing__list">
        {failing.map((f) => (
          <li key={f.commandId}>
            <strong>{f.type ? t(`ticket.actions.${f.type}`) : t('ticket.failingUnknown')}</strong>
            {': '}
            <span className="ticket-failing__message">
              {t(`ticket.failingReasons.${KNOWN_REASONS.has(f.code) ? f.code : 'other'}`)}
            </span>{' '}
            <code className="ticket-failing__code">{f.code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
