import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { hrefOf } from '../../app/route';
import { useNowEvery } from '../../lib/useNow';
import { ConnectionBanner } from '../sync/ConnectionBanner';
import { DeadLetterBanner } from '../sync/DeadLetterBanner';
import { countStatuses, filterEntries, hasFilters } from './queue-filter';
import { QueueEmptyState } from './QueueEmptyState';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { SlaTargetsCard } from './SlaTargetsCard';
import { useQueueFilters } from './useQueueFilters';
import { useQueueSnapshot } from './useQueueSnapshot';
import './queue.css';

/** Statuses in counts and filters move on this step; the row timers themselves tick every second. */
const STATUS_STEP_MS = 15_000;

export function QueuePage({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  const { entries, organizations, loaded, complete, total } = useQueueSnapshot();
  const filters = useQueueFilters();
  const search = useDeferredValue(filters.search);
  const now = useNowEvery(STATUS_STEP_MS);
  const { priorities, organizationId, status, assignee } = filters;
  // Until the whole queue is read, the first screen shows unfiltered: a filter over part of the
  // queue would answer wrongly.
  const visible = useMemo(
    () =>
      complete
        ? filterEntries(entries, { priorities, organizationId, status, assignee, search }, now)
        : entries,
    [complete, entries, priorities, organizationId, status, assignee, search, now],
  );
  const counts = useMemo(() => countStatuses(entries, now), [entries, now]);
  const assignees = useMemo(
    () => [...new Set(entries.flatMap((entry) => (entry.assignee ? [entry.assignee] : [])))].sort(),
    [entries],
  );
  const sortedOrganizations = useMemo(
    () => [...organizations].sort((a, b) => a.name.localeCompare(b.name)),
    [organizations],
  );
  const filtered = complete && hasFilters(filters);

  return (
    <div className="queue-page">
      <ConnectionBanner />
      <DeadLetterBanner />
      <div className="toolbar">
        <h1 className="toolbar__title">{t('queue.title')}</h1>
        <span className="badge" data-testid="queue-count">
          {filtered && entries.length > 0
            ? t('queue.shown', { shown: visible.length, total })
            : t('queue.count', { count: total })}
        </span>
        <a className="button button--primary toolbar__action" href={hrefOf({ name: 'intake' })}>
          {t('queue.newTicket')}
        </a>
      </div>
      {!loaded ? (
        <section className="panel queue-page__message" aria-busy="true">
          {t('queue.loading')}
        </section>
      ) : total === 0 ? (
        <div className="queue-page__body">
          <section className="panel queue-page__list" aria-label={t('queue.title')}>
            <QueueEmptyState settings={settings} />
          </section>
          <aside className="queue-page__aside">
            <SlaTargetsCard />
          </aside>
        </div>
      ) : (
        <>
          <QueueFilterBar
            organizations={sortedOrganizations}
            assignees={assignees}
            counts={counts}
            disabled={!complete}
          />
          {visible.length === 0 ? (
            <section className="panel queue-page__message" data-testid="queue-no-match">
              <h2 className="empty-state__title">{t('queue.noMatchTitle')}</h2>
              <p className="empty-state__body">{t('queue.noMatchBody')}</p>
              <button type="button" className="button" onClick={filters.clear}>
                {t('queue.clearFilters')}
              </button>
            </section>
          ) : (
            <QueueTable entries={visible} total={visible.length} />
          )}
        </>
      )}
    </div>
  );
}
