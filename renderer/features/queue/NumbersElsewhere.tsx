import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { isResolvedLine } from '@shared/queue/resolved-line';
import { hrefOf } from '../../app/route';
import type { QueueView } from './queue-filter';
import { useQueueFilters } from './useQueueFilters';

/**
 * "№236 is not in this view": the ticket the search names by number, where it is, a link to it
 * and the view that lists it (filters other than the search are cleared there, so it shows).
 */
export function NumbersElsewhere({ found }: { found: readonly QueueEntry[] }) {
  const { t } = useTranslation();
  if (found.length === 0) return null;
  const go = (view: QueueView) => {
    const filters = useQueueFilters.getState();
    const search = filters.search;
    filters.clear();
    filters.setView(view);
    filters.setSearch(search);
  };
  return (
    <section className="queue-elsewhere" data-testid="queue-number-elsewhere" aria-live="polite">
      {found.map((entry) => {
        const resolved = isResolvedLine(entry);
        const view: QueueView = resolved ? 'resolved' : 'open';
        return (
          <p key={entry.id} className="queue-elsewhere__line">
            <a href={hrefOf({ name: 'ticket', ticketId: entry.id })}>
              {t('queue.elsewhere.ticket', { number: entry.number, title: entry.title })}
            </a>{' '}
            {t(resolved ? 'queue.elsewhere.resolved' : 'queue.elsewhere.open')}{' '}
            <button type="button" className="button button--small" onClick={() => go(view)}>
              {t('queue.viewEmpty.show', { view: t(`queue.views.${view}`) })}
            </button>
          </p>
        );
      })}
    </section>
  );
}
