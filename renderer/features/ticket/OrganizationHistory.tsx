import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { isResolvedLine } from '@shared/queue/resolved-line';
import { hrefOf, navigate } from '../../app/route';
import { dateText } from '@shared/format/instant-text';
import { useQueueFilters } from '../queue/useQueueFilters';
import { PriorityTag } from './PriorityTag';
import { useOrganizationHistory } from './useOrganizationHistory';

/** Open tickets listed before "and N more": the card stays short beside the clocks. */
const OPEN_SHOWN = 6;

interface OrganizationHistoryProps {
  organizationId: string;
  ticketId: string;
  /** The customer's zone: resolution dates are the customer's calendar days. */
  zone: string;
}

/**
 * The organization's other tickets, open ones first and then the last resolved: what an
 * engineer on site wants to know before walking in, read from this computer (offline too).
 */
export function OrganizationHistory({ organizationId, ticketId, zone }: OrganizationHistoryProps) {
  const { t } = useTranslation();
  const history = useOrganizationHistory(organizationId, ticketId);
  if (!history) return null;
  const { open, resolved, resolvedTotal } = history;
  const showAll = () => {
    const filters = useQueueFilters.getState();
    filters.clear();
    filters.setView('all');
    filters.setOrganization(organizationId);
    navigate({ name: 'queue' });
  };
  return (
    <section
      className="ticket-card org-history"
      aria-labelledby="org-history-title"
      data-testid="org-history"
    >
      <h2 className="ticket-card__title" id="org-history-title">
        {t('ticket.history.title')}
      </h2>
      <h3 className="org-history__heading">{t('ticket.history.open')}</h3>
      {open.length === 0 ? (
        <p className="ticket-muted">{t('ticket.history.noOpen')}</p>
      ) : (
        <ul className="org-history__list" data-testid="org-history-open">
          {open.slice(0, OPEN_SHOWN).map((line) => (
            <HistoryItem key={line.id} line={line} zone={zone} />
          ))}
        </ul>
      )}
      <h3 className="org-history__heading">
        {resolvedTotal > resolved.length
          ? t('ticket.history.resolvedOf', { shown: resolved.length, total: resolvedTotal })
          : t('ticket.history.resolved')}
      </h3>
      {resolved.length === 0 ? (
        <p className="ticket-muted">{t('ticket.history.noResolved')}</p>
      ) : (
        <ul className="org-history__list" data-testid="org-history-resolved">
          {resolved.map((line) => (
            <HistoryItem key={line.id} line={line} zone={zone} />
          ))}
        </ul>
      )}
      {(open.length > OPEN_SHOWN || resolvedTotal > resolved.length) && (
        <button type="button" className="button org-history__all" onClick={showAll}>
          {t('ticket.history.showAll')}
        </button>
      )}
    </section>
  );
}

function HistoryItem({ line, zone }: { line: QueueEntry; zone: string }) {
  const { t, i18n } = useTranslation();
  const state = isResolvedLine(line)
    ? t('ticket.history.resolvedOn', {
        date: dateText(line.resolvedAt, zone, i18n.language),
      })
    : t(`ticket.states.${openStatus(line)}`);
  return (
    <li className="org-history__item">
      <PriorityTag priority={line.priority} />
      <a className="org-history__link" href={hrefOf({ name: 'ticket', ticketId: line.id })}>
        <span className="org-history__number">
          {line.number === null ? t('ticket.history.unnumbered') : `№${line.number}`}
        </span>{' '}
        {line.title}
      </a>
      <span className="org-history__state">{state}</span>
    </li>
  );
}

/** The state label of an open line, as the ticket page names it (see ticket-status.ts). */
function openStatus(line: QueueEntry): 'paused' | 'open' | 'new' | 'unassigned' {
  if (line.paused) return 'paused';
  if (line.assignee !== null) return 'open';
  const taken = line.sla?.events.some((event) => event.type === 'reacted') ?? false;
  return taken ? 'unassigned' : 'new';
}
