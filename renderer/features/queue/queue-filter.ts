import type { Priority } from '@shared/sla';
import { isOverdueAt, searchTextOf, statusAt, type QueueEntry } from '@shared/queue/queue-entry';
import { isResolvedLine } from '@shared/queue/resolved-line';
import { ALL_TIME, inPeriod, type PeriodBounds, type ResolutionPeriod } from './resolution-period';

export const STATUS_FILTERS = ['all', 'near', 'breached', 'paused'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * Which tickets the queue shows: mine (an engineer's default), nobody's (to take one), every open
 * one, the resolved ones (to find and reopen them), or all of them. In the last three the
 * assignee filter narrows to one person.
 */
export const QUEUE_VIEWS = ['mine', 'unassigned', 'open', 'resolved', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** The views that list resolved tickets (and filter them by a period of resolution). */
export const listsResolved = (view: QueueView): boolean => view === 'resolved' || view === 'all';

/** The views that show every open ticket (the deadline-status filter and counts apply). */
const listsOpen = (view: QueueView): boolean => view !== 'resolved';

/** '' — nobody's tickets; null — everyone's; otherwise a user id. */
export type AssigneeFilter = string | null;

/** Whether a user id is the signed-in user (see identity/people.ts). */
export type IsMine = (userId: string | null) => boolean;

/** Whether an open ticket's line belongs to a view of open tickets (resolved lines are listed apart). */
export function inView(entry: QueueEntry, view: QueueView, isMine: IsMine): boolean {
  if (view === 'mine') return isMine(entry.assignee);
  if (view === 'unassigned') return entry.assignee === null;
  return listsOpen(view);
}

/** The tabs' counts; the resolved ones are null until known. */
export function countViews(
  entries: readonly QueueEntry[],
  isMine: IsMine,
  resolvedTotal: number | null,
): Record<QueueView, number | null> {
  const counts = {
    mine: 0,
    unassigned: 0,
    open: entries.length,
    resolved: resolvedTotal,
    all: resolvedTotal === null ? null : entries.length + resolvedTotal,
  };
  for (const entry of entries) {
    if (entry.assignee === null) counts.unassigned += 1;
    else if (isMine(entry.assignee)) counts.mine += 1;
  }
  return counts;
}

export interface QueueFilters {
  view: QueueView;
  /** Empty: every priority. */
  priorities: readonly Priority[];
  organizationId: string | null;
  status: StatusFilter;
  assignee: AssigneeFilter;
  search: string;
  /** When the resolved tickets listed were resolved (views that list them only). */
  period: ResolutionPeriod;
}

export const NO_FILTERS: QueueFilters = {
  view: 'mine',
  priorities: [],
  organizationId: null,
  status: 'all',
  assignee: null,
  search: '',
  period: ALL_TIME,
};

/** Views where one person's tickets can be picked (in «mine» and «unassigned» the view says whose). */
export const filtersByAssignee = (view: QueueView): boolean =>
  view === 'open' || listsResolved(view);

/** Whether anything narrows the view (the view itself is not a filter: "clear" keeps it). */
export function hasFilters(filters: QueueFilters): boolean {
  return (
    filters.priorities.length > 0 ||
    filters.organizationId !== null ||
    (listsOpen(filters.view) && filters.status !== 'all') ||
    (filtersByAssignee(filters.view) && filters.assignee !== null) ||
    (listsResolved(filters.view) && filters.period.kind !== 'all') ||
    filters.search.trim() !== ''
  );
}

/** Every word must occur in the number, title, organization or account ("1С 42", "камчат"). */
function searchWords(search: string): string[] {
  return search.toLowerCase().replace(/[#№]/g, ' ').split(/\s+/).filter(Boolean);
}

/** The ticket numbers a search names exactly: its words made of digits only ("5", "№236"). */
export function numbersIn(search: string): ReadonlySet<number> {
  return new Set(
    searchWords(search)
      .filter((word) => /^\d{1,15}$/.test(word))
      .map(Number),
  );
}

/**
 * The entries (in the view's order) that pass every filter. The view's entries are the caller's
 * (`inView` for open tickets, the resolved lines as they are), so counts and filters share them.
 * A ticket whose number the search names exactly comes first ("5": №5 before №15, №50 and a title
 * with a 5 in it); the rest keep the view's order. The deadline status applies to open tickets,
 * the period (`periodBounds`, null: none) to resolved ones.
 */
export function filterEntries(
  entries: readonly QueueEntry[],
  filters: QueueFilters,
  nowMs: number,
  period: PeriodBounds | null = null,
): QueueEntry[] {
  const words = searchWords(filters.search);
  const priorities = filters.priorities.length > 0 ? new Set(filters.priorities) : null;
  const byAssignee = filtersByAssignee(filters.view) && filters.assignee !== null;
  const byStatus = listsOpen(filters.view) && filters.status !== 'all';
  const matching = entries.filter((entry) => {
    if (priorities && !priorities.has(entry.priority)) return false;
    if (filters.organizationId !== null && entry.organizationId !== filters.organizationId) {
      return false;
    }
    if (byAssignee && (entry.assignee ?? '') !== filters.assignee) return false;
    if (isResolvedLine(entry)) {
      // A deadline status speaks of open tickets: with one chosen, «all» lists only those.
      if (byStatus) return false;
      if (period && !inPeriod(entry.resolvedAt, period)) return false;
    } else if (byStatus && !matchesStatus(entry, filters.status, nowMs)) {
      return false;
    }
    const text = words.length > 0 ? searchTextOf(entry) : '';
    return words.every((word) => text.includes(word));
  });
  return exactNumbersFirst(matching, numbersIn(filters.search));
}

/** Moves the entries whose number is among `numbers` to the front; both parts keep their order. */
export function exactNumbersFirst<T extends QueueEntry>(
  entries: readonly T[],
  numbers: ReadonlySet<number>,
): T[] {
  if (numbers.size === 0) return [...entries];
  const exact: T[] = [];
  const rest: T[] = [];
  for (const entry of entries) {
    if (entry.number !== null && numbers.has(entry.number)) exact.push(entry);
    else rest.push(entry);
  }
  return exact.length === 0 ? rest : [...exact, ...rest];
}

function matchesStatus(entry: QueueEntry, filter: StatusFilter, nowMs: number): boolean {
  switch (filter) {
    case 'breached':
      return isOverdueAt(entry, nowMs);
    case 'near':
      return statusAt(entry, nowMs) === 'near';
    case 'paused':
      return entry.paused;
    case 'all':
      return true;
  }
}

export interface QueueCounts {
  total: number;
  breached: number;
  near: number;
  paused: number;
}

export function countStatuses(entries: readonly QueueEntry[], nowMs: number): QueueCounts {
  const counts: QueueCounts = { total: entries.length, breached: 0, near: 0, paused: 0 };
  for (const entry of entries) {
    if (isOverdueAt(entry, nowMs)) counts.breached += 1;
    else if (statusAt(entry, nowMs) === 'near') counts.near += 1;
    if (entry.paused) counts.paused += 1;
  }
  return counts;
}
