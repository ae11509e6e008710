import type { Priority } from '@shared/sla';
import { isOverdueAt, statusAt, type QueueEntry } from '@shared/queue/queue-entry';

export const STATUS_FILTERS = ['all', 'near', 'breached', 'paused'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * Whose tickets the queue shows: mine (an engineer's default), nobody's (to take one), or every
 * open one (where the assignee filter narrows it to one person).
 */
export const QUEUE_VIEWS = ['mine', 'unassigned', 'open'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** '' — nobody's tickets; null — everyone's; otherwise a user id. */
export type AssigneeFilter = string | null;

/** Whether a user id is the signed-in user (see identity/people.ts). */
export type IsMine = (userId: string | null) => boolean;

export function inView(entry: QueueEntry, view: QueueView, isMine: IsMine): boolean {
  if (view === 'mine') return isMine(entry.assignee);
  if (view === 'unassigned') return entry.assignee === null;
  return true;
}

export function countViews(
  entries: readonly QueueEntry[],
  isMine: IsMine,
): Record<QueueView, number> {
  const counts = { mine: 0, unassigned: 0, open: entries.length };
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
}

export const NO_FILTERS: QueueFilters = {
  view: 'mine',
  priorities: [],
  organizationId: null,
  status: 'all',
  assignee: null,
  search: '',
};

/** Whether anything narrows the view (the view itself is not a filter: "clear" keeps it). */
export function hasFilters(filters: QueueFilters): boolean {
  return (
    filters.priorities.length > 0 ||
    filters.organizationId !== null ||
    filters.status !== 'all' ||
    (filters.view === 'open' && filters.assignee !== null) ||
    filters.search.trim() !== ''
  );
}

/** Every word must occur in the number, title, organization or account ("1С 42", "камчат"). */
function searchWords(search: string): string[] {
  return search.toLowerCase().replace(/[#№]/g, ' ').split(/\s+/).filter(Boolean);
}

/**
 * The entries (already in urgency order) that pass every filter, order kept. The view's entries
 * are the caller's (`inView`), so counts and filters share them; the assignee filter applies to
 * the view of every open ticket only.
 */
export function filterEntries(
  entries: readonly QueueEntry[],
  filters: QueueFilters,
  nowMs: number,
): QueueEntry[] {
  const words = searchWords(filters.search);
  const priorities = filters.priorities.length > 0 ? new Set(filters.priorities) : null;
  return entries.filter((entry) => {
    if (priorities && !priorities.has(entry.priority)) return false;
    if (filters.organizationId !== null && entry.organizationId !== filters.organizationId) {
      return false;
    }
    if (
      filters.view === 'open' &&
      filters.assignee !== null &&
      (entry.assignee ?? '') !== filters.assignee
    ) {
      return false;
    }
    if (filters.status !== 'all' && !matchesStatus(entry, filters.status, nowMs)) return false;
    return words.every((word) => entry.searchText.includes(word));
  });
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
