import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/domain/user';
import type { Settings } from '@shared/host/schemas';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { hrefOf } from '../../app/route';
import { useNowEvery } from '../../lib/useNow';
import { ConnectionBanner } from '../sync/ConnectionBanner';
import { DeadLetterBanner } from '../sync/DeadLetterBanner';
import { RunningWindowsNotice } from '../maintenance/RunningWindowsNotice';
import { isMine, personLabel } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { useDeviceZone } from '../../lib/device-zone';
import { countStatuses, countViews, filterEntries, hasFilters, numbersIn } from './queue-filter';
import { NumbersElsewhere } from './NumbersElsewhere';
import { useNumbersElsewhere } from './useNumbersElsewhere';
import { periodBounds } from './resolution-period';
import { QueueEmptyState } from './QueueEmptyState';
import { QUEUE_SEARCH_ID, QueueFilterBar, type AssigneeOption } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { QueueViewEmpty } from './QueueViewEmpty';
import { QueueViewTabs } from './QueueViewTabs';
import { SlaTargetsCard } from './SlaTargetsCard';
import { useQueueFilters } from './useQueueFilters';
import { useViewLines } from './useViewLines';
import { useSearchShortcut } from './useSearchShortcut';
import './queue.css';

/** Statuses in counts and filters move on this step; the row timers themselves tick every second. */
const STATUS_STEP_MS = 15_000;

export function QueuePage({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  const people = usePeople();
  const filters = useQueueFilters();
  const search = useDeferredValue(filters.search);
  const now = useNowEvery(STATUS_STEP_MS);
  const ownZone = useDeviceZone();
  useSearchShortcut(QUEUE_SEARCH_ID);
  const { view, priorities, organizationId, status, assignee, period } = filters;
  const { me } = people;
  const mine = useMemo(() => (id: string | null) => isMine(id, me), [me]);
  // The view applies to the first screen too (it only drops lines); the filters wait for the
  // whole queue, because a filter over part of it would answer wrongly.
  const lines = useViewLines(view, mine);
  const { open: entries, organizations, loaded, complete, openInView } = lines;
  const bounds = useMemo(() => periodBounds(period, now, ownZone), [period, now, ownZone]);
  const visible = useMemo(
    () =>
      complete
        ? filterEntries(
            lines.entries,
            { view, priorities, organizationId, status, assignee, search, period },
            now,
            bounds.ok ? bounds.bounds : null,
          )
        : lines.entries,
    [
      complete,
      lines.entries,
      view,
      priorities,
      organizationId,
      status,
      assignee,
      search,
      period,
      now,
      bounds,
    ],
  );
  // «All» of the status filter counts what the view lists (in «all», resolved ones too).
  const counts = useMemo(
    () => ({ ...countStatuses(openInView, now), total: lines.entries.length }),
    [openInView, now, lines.entries.length],
  );
  const viewCounts = useMemo(
    () => countViews(entries, mine, lines.resolvedTotal),
    [entries, mine, lines.resolvedTotal],
  );
  const you = t('identity.me');
  const labelOf = useMemo(
    () => (userId: string) => personLabel(userId, people, you),
    [people, you],
  );
  const assignees = useMemo(
    () => assigneeOptions(entries, people.team, labelOf, mine),
    [entries, people.team, labelOf, mine],
  );
  const sortedOrganizations = useMemo(
    () => [...organizations].sort((a, b) => a.name.localeCompare(b.name)),
    [organizations],
  );
  const searchedNumbers = useMemo(() => numbersIn(complete ? search : ''), [complete, search]);
  const elsewhere = useNumbersElsewhere(searchedNumbers, view, visible, entries);
  const filtered = complete && hasFilters(filters);
  const narrowed = complete && (filtered || view !== 'open');
  const nothingAtAll = lines.openTotal === 0 && lines.resolvedTotal === 0;

  return (
    <div className="queue-page">
      <ConnectionBanner />
      <DeadLetterBanner />
      <div className="toolbar">
        <h1 className="toolbar__title">{t('queue.title')}</h1>
        <span className="badge" data-testid="queue-count">
          {narrowed && lines.entries.length > 0
            ? t('queue.shown', { shown: visible.length, total: lines.total })
            : t('queue.count', { count: lines.total })}
        </span>
        <a className="button button--primary toolbar__action" href={hrefOf({ name: 'intake' })}>
          {t('queue.newTicket')}
        </a>
      </div>
      <RunningWindowsNotice />
      {!loaded && !nothingAtAll ? (
        <section className="panel queue-page__message" aria-busy="true">
          {t('queue.loading')}
        </section>
      ) : nothingAtAll ? (
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
          <QueueViewTabs counts={viewCounts} />
          <QueueFilterBar
            organizations={sortedOrganizations}
            assignees={assignees}
            counts={counts}
            periodProblem={bounds.ok ? null : bounds.problem}
            disabled={!complete}
          />
          <NumbersElsewhere found={elsewhere} />
          {visible.length === 0 && !filtered ? (
            complete && people.loaded ? (
              <QueueViewEmpty view={view} />
            ) : (
              <section className="panel queue-page__message" aria-busy="true">
                {t('queue.loading')}
              </section>
            )
          ) : visible.length === 0 ? (
            <section className="panel queue-page__message" data-testid="queue-no-match">
              <h2 className="empty-state__title">{t('queue.noMatchTitle')}</h2>
              <p className="empty-state__body">{t('queue.noMatchBody')}</p>
              <button type="button" className="button" onClick={filters.clear}>
                {t('queue.clearFilters')}
              </button>
            </section>
          ) : (
            <QueueTable entries={visible} total={visible.length} labelOf={labelOf} />
          )}
        </>
      )}
    </div>
  );
}

/**
 * Whom the assignee filter offers: me first, then the team's active members and anyone else who
 * has an open ticket (a deactivated colleague, or a name from before user ids), by name.
 */
function assigneeOptions(
  entries: readonly QueueEntry[],
  team: ReadonlyMap<string, User>,
  labelOf: (userId: string) => string,
  isMine: (userId: string) => boolean,
): AssigneeOption[] {
  const ids = new Set([...team.values()].filter((user) => user.active).map((user) => user.id));
  for (const entry of entries) if (entry.assignee !== null) ids.add(entry.assignee);
  return [...ids]
    .map((id) => ({ id, label: labelOf(id), mine: isMine(id) }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.label.localeCompare(b.label, 'ru'))
    .map(({ id, label }) => ({ id, label }));
}
