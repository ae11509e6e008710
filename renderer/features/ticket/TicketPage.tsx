import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/route';
import { ExplainCard } from './ExplainCard';
import { RequestCard } from './RequestCard';
import { SlaPanel } from './SlaPanel';
import { TicketActions } from './TicketActions';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';
import { TimeBasisCard } from './TimeBasisCard';
import { FailingNotice } from './FailingNotice';
import { OrganizationHistory } from './OrganizationHistory';
import { PausedNotice } from './PausedNotice';
import { TicketWindowBanner } from '../maintenance/TicketWindowBanner';
import { useTicket } from './useTicket';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { useDeviceZone } from '../../lib/device-zone';
import './ticket.css';

export function TicketPage({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const data = useTicket(ticketId);
  const engineerZone = useDeviceZone();
  const [explaining, setExplaining] = useState(false);
  const explainId = useId();
  const back = (
    <a className="ticket-page__back" href={hrefOf({ name: 'queue' })}>
      <span aria-hidden="true">←</span> {t('ticket.back')}
    </a>
  );

  if (data === undefined) {
    return (
      <div className="ticket-page" data-ticket-id={ticketId} aria-busy="true">
        {back}
        <p className="ticket-page__loading">{t('ticket.loading')}</p>
      </div>
    );
  }
  if (data === null) {
    return (
      <div className="ticket-page" data-ticket-id={ticketId}>
        {back}
        <section className="ticket-card ticket-missing" data-testid="ticket-not-found">
          <h1 className="ticket-missing__title">{t('ticket.notFound')}</h1>
          <p className="ticket-missing__body">{t('ticket.notFoundHint')}</p>
        </section>
      </div>
    );
  }

  const { ticket, organization, pendingCommandIds, failing } = data;
  // Until the organization arrives, times are shown in the engineer's zone rather than not at all.
  const zone = organization?.timeZone ?? engineerZone;
  return (
    <div className="ticket-page" data-ticket-id={ticketId}>
      {back}
      <TicketHeader ticket={ticket} zone={zone} pendingCount={pendingCommandIds.size} />
      {failing.length > 0 && <FailingNotice failing={failing} />}
      <PausedNotice ticket={ticket} zone={zone} />
      {organization && <TicketWindowBanner organization={organization} />}
      <TicketActions ticket={ticket} zone={zone} />
      <div className="ticket-page__body">
        <div className="ticket-page__main">
          <div id={explainId} className="ticket-page__explain">
            {explaining && organization && (
              <ExplainCard
                ticket={ticket}
                organization={organization}
                onClose={() => {
                  setExplaining(false);
                  document.getElementById(`${explainId}-toggle`)?.focus();
                }}
              />
            )}
          </div>
          <RequestCard ticket={ticket} organization={organization} zone={zone} />
          <AttachmentsSection ticketId={ticket.id} zone={zone} />
          <TicketTimeline ticket={ticket} zone={zone} pendingCommandIds={pendingCommandIds} />
        </div>
        <aside className="ticket-page__aside">
          <SlaPanel
            ticket={ticket}
            organization={organization}
            explaining={explaining}
            explainId={explainId}
            onToggleExplain={() => setExplaining((open) => !open)}
          />
          <TimeBasisCard ticket={ticket} organization={organization} />
          <OrganizationHistory
            organizationId={ticket.organizationId}
            ticketId={ticket.id}
            zone={zone}
          />
        </aside>
      </div>
    </div>
  );
}
