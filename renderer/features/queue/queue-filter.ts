import type { Priority } from '@shared/sla';
import { statusAt, type QueueEntry } from '@shared/queue/queue-entry';

export const STATUS_FILTERS = ['all', 'near', 'breached', 'paused'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** '' — nobody's tickets; null — everyone's. */
export type AssigneeFilter = string | null;

export interface QueueFilters {
  /** Empty: every priority. */
  priorities: readonly Priority[];
  organizationId: string | null;
  status: StatusFilter;
  assignee: AssigneeFilter;
  search: string;
}

export const NO_FILTERS: QueueFilters = {
  priorities: [],
  organizationId: null,
  status: 'all',
  assignee: null,
  search: '',
};

export function hasFilters(filters: QueueFilters): boolean {
  return (
    filters.priorities.length > 0 ||
    filters.organizationId !== null ||
    filters.status !== 'all' ||
    filters.assignee !== null ||
    filters.search.trim() !== ''
  );
}

/** Every word must occur in the number, title, organization or account ("1С 42", "камчат"). */
function searchWords(search: string): string[] {
  return search.toLowerCase().replace(/[#№]/g, ' ').split(/\s+/).filter(Boolean);
}

/** The entries (already in urgency order) that pass every filter, order kept. */
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
    if (filters.assignee !== null && (entry.assignee ?? '') !== filters.assignee) return false;
    if (filters.status !== 'all' && !matchesStatus(entry, filters.status, nowMs)) return false;
    return words.every((word) => entry.searchText.includes(word));
  });
}

function matchesStatus(entry: QueueEntry, filter: StatusFilter, nowMs: number): boolean {
  const status = statusAt(entry, nowMs);
  switch (filter) {
    case 'breached':
      return status === 'breached';
    case 'near':
      return status === 'near';
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
    const status = statusAt(entry, nowMs);
    if (status === 'breached') counts.breached += 1;
    else if (status === 'near') counts.near += 1;
    if (entry.paused) counts.paused += 1;
  }
  return counts;
}
