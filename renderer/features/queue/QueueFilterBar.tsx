import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { Priority } from '@shared/sla';
import { filtersByAssignee, listsResolved, STATUS_FILTERS, type QueueCounts } from './queue-filter';
import { PeriodField } from './PeriodField';
import type { PeriodProblem } from './resolution-period';
import { useQueueFilters } from './useQueueFilters';
import { SEARCH_SHORTCUT } from './useSearchShortcut';

/** The search box's id: the «/» shortcut focuses it. */
export const QUEUE_SEARCH_ID = 'queue-search';

const PRIORITIES: readonly Priority[] = [1, 2, 3, 4];

/** A person the assignee filter offers. */
export interface AssigneeOption {
  id: string;
  label: string;
}

interface QueueFilterBarProps {
  organizations: readonly Organization[];
  /** The team, and anyone else who has an open ticket (a former colleague): only in "all open". */
  assignees: readonly AssigneeOption[];
  counts: QueueCounts;
  /** What is wrong with the period's dates as typed (the period is not applied meanwhile). */
  periodProblem: PeriodProblem | null;
  /** While only the first screen of the queue is read. */
  disabled: boolean;
}

export function QueueFilterBar({
  organizations,
  assignees,
  counts,
  periodProblem,
  disabled,
}: QueueFilterBarProps) {
  const { t } = useTranslation();
  const filters = useQueueFilters();
  const countOf = {
    all: counts.total,
    near: counts.near,
    breached: counts.breached,
    paused: counts.paused,
  };
  return (
    <fieldset className="queue-filters" disabled={disabled} aria-busy={disabled}>
      <label className="queue-filters__search">
        <span className="visually-hidden">{t('queue.search')}</span>
        <input
          id={QUEUE_SEARCH_ID}
          type="search"
          value={filters.search}
          placeholder={t('queue.searchPlaceholder', { key: SEARCH_SHORTCUT })}
          title={t('queue.searchShortcut', { key: SEARCH_SHORTCUT })}
          aria-keyshortcuts={SEARCH_SHORTCUT}
          aria-label={t('queue.search')}
          onKeyDown={(event) => {
            // Down from the search goes into the list: its current row, else the first.
            if (event.key !== 'ArrowDown') return;
            const list = document.querySelector<HTMLElement>('[data-testid="queue-scroller"]');
            const row =
              list?.querySelector<HTMLElement>('[role="row"][tabindex="0"]') ??
              list?.querySelector<HTMLElement>('[role="row"]');
            if (!row) return;
            event.preventDefault();
            row.focus();
          }}
          onChange={(event) => filters.setSearch(event.target.value)}
        />
      </label>
      {filters.view !== 'resolved' && (
        <div className="segmented" role="group" aria-label={t('queue.statusFilter')}>
          {STATUS_FILTERS.map((status) => (
            <button
              key={status}
              type="button"
              className={`segmented__option segmented__option--${status}`}
              aria-pressed={filters.status === status}
              onClick={() => filters.setStatus(status)}
            >
              {t(`queue.statuses.${status}`)}
              <span className="segmented__count">{countOf[status]}</span>
            </button>
          ))}
        </div>
      )}
      <div className="segmented" role="group" aria-label={t('queue.priorities')}>
        {PRIORITIES.map((priority) => (
          <button
            key={priority}
            type="button"
            className={`segmented__option priority-toggle priority-toggle--p${priority}`}
            aria-pressed={filters.priorities.includes(priority)}
            onClick={() => filters.togglePriority(priority)}
          >
            {t('sla.priority', { priority })}
          </button>
        ))}
      </div>
      <select
        className="select"
        aria-label={t('queue.organization')}
        value={filters.organizationId ?? ''}
        onChange={(event) => filters.setOrganization(event.target.value || null)}
      >
        <option value="">{t('queue.allOrganizations')}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      {filtersByAssignee(filters.view) && (
        <select
          className="select"
          aria-label={t('queue.assignee')}
          value={
            filters.assignee === null ? '*' : filters.assignee === '' ? '-' : `=${filters.assignee}`
          }
          onChange={(event) => {
            const value = event.target.value;
            filters.setAssignee(value === '*' ? null : value === '-' ? '' : value.slice(1));
          }}
        >
          <option value="*">{t('queue.anyAssignee')}</option>
          <option value="-">{t('queue.unassigned')}</option>
          {assignees.map((assignee) => (
            <option key={assignee.id} value={`=${assignee.id}`}>
              {assignee.label}
            </option>
          ))}
        </select>
      )}
      {listsResolved(filters.view) && (
        <PeriodField period={filters.period} problem={periodProblem} onChange={filters.setPeriod} />
      )}
    </fieldset>
  );
}
