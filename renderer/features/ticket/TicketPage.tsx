import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/route';

export function TicketPage({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  return (
    <div className="ticket-page" data-ticket-id={ticketId}>
      <a href={hrefOf({ name: 'queue' })}>{t('ticket.back')}</a>
    </div>
  );
}
