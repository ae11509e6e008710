import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { PriorityTag } from './PriorityTag';
import { ZonedTime } from './ZonedTime';
import { personLabel } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { ticketStatus } from './ticket-status';

interface TicketHeaderProps {
  ticket: Ticket;
  zone: string;
  pendingCount: number;
}

export function TicketHeader({ ticket, zone, pendingCount }: TicketHeaderProps) {
  const { t } = useTranslation();
  const people = usePeople();
  const status = ticketStatus(ticket);
  const hint =
    status === 'new' || status === 'unassigned' ? t(`ticket.statesHint.${status}`) : undefined;
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
        <span
          className={`ticket-state ticket-state--${status}`}
          data-testid="ticket-state"
          title={hint}
        >
          {t(`ticket.states.${status}`)}
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
            <strong data-testid="ticket-assignee">
              {personLabel(ticket.assignee, people, t('ticket.me'))}
            </strong>
          )}
        </span>
      </p>
    </header>
  );
}
