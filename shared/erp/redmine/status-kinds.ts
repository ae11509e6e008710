import type { Priority } from '../../sla/types';
import type { RedmineMapping } from './mapping';

export type StatusKind = keyof RedmineMapping['statuses'];

/** What a Redmine status means to the app; null for a status the mapping does not name. */
export function statusKindOf(mapping: RedmineMapping, statusId: number): StatusKind | null {
  const entry = Object.entries(mapping.statuses).find(([, id]) => id === statusId);
  return entry ? (entry[0] as StatusKind) : null;
}

/** The app's priority for a Redmine priority id; null for one the mapping does not name. */
export function priorityOf(mapping: RedmineMapping, priorityId: number): Priority | null {
  const entry = Object.entries(mapping.priorities).find(([, id]) => id === priorityId);
  return entry ? (Number(entry[0]) as Priority) : null;
}
