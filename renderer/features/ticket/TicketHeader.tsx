import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { PriorityTag } from './PriorityTag';
import { ZonedTime } from './ZonedTime';
import { authorLabel } from './author';

interface TicketHeaderProps {
  ticket: Ticket;
  zone: string;
  pendingCount: number;
}

export function TicketHeader({ ticket, zone, pendingCount }: TicketHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="ticket-header">
      <div className="ticket-header__line">
        <PriorityTag priority={ticket.priority} long />
        <span
          className="ticket-header__number"
          title={ticket.number === null ? t('ticket.unnumberedHint') : undefined}
        >
          {ticket.number === null
            ? t('ticket.unnumbered')
            : t('ticket.number', { number: ticket.number })}
        </span>
        <span className={`ticket-state ticket-state--${ticket.state}`} data-testid="ticket-state">
          {t(`ticket.states.${ticket.state}`)}
        </span>
        {pendingCount > 0 && (
          <span
            className="ticket-sync-mark"
            title={t('ticket.pendingHint')}
            data-testid="ticket-pending"
          >
            {t('ticket.pending', { count: pendingCount })}
          </span>
        )}
      </div>
      <h1 className="ticket-header__title">{ticket.title}</h1>
      <p className="ticket-header__meta">
        <span>
          {t('ticket.createdAt')} <ZonedTime iso={ticket.createdAt} zone={zone} />
        </span>
        <span>
          {t('ticket.assignee')}:{' '}
          {ticket.assignee === null ? (
            <span className="ticket-header__unassigned">{t('ticket.unassigned')}</span>
          ) : (
            <strong>{authorLabel(ticket.assignee, t('ticket.me'))}</strong>
          )}
        </span>
      </p>
    </header>
  );
}
