import type { Organization, Ticket } from '../domain/ticket';
import { toQueueEntry, type QueueEntry } from './queue-entry';

/**
 * A resolved ticket's line (the `resolved` table): the same fields as an open ticket's queue
 * line, so the lists, search and filters treat both alike, plus when it was resolved, which the
 * resolved view sorts and filters its period on (an IndexedDB index, also per organization).
 */
export interface ResolvedLine extends QueueEntry {
  /** The last `resolved` event (a reopened and resolved again ticket counts its last one). */
  resolvedAt: number;
}

/** The line of a resolved ticket; null for a ticket that is not resolved. */
export function toResolvedLine(
  ticket: Ticket,
  organization: Organization | undefined,
  pending: number,
  failing: number,
): ResolvedLine | null {
  if (ticket.state !== 'resolved') return null;
  let resolvedIso = ticket.updatedAt;
  // A resolved ticket without its event would be malformed data: it still lists, at its last change.
  for (const event of ticket.events) if (event.type === 'resolved') resolvedIso = event.at;
  const resolvedAt = Date.parse(resolvedIso);
  return { ...toQueueEntry(ticket, organization, pending, failing), resolvedAt };
}

/** Newest resolution first; among equal instants the higher number (registered later) first. */
export function compareResolved(a: ResolvedLine, b: ResolvedLine): number {
  return (
    b.resolvedAt - a.resolvedAt ||
    (b.number ?? 0) - (a.number ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Whether a line is a resolved ticket's (the "all tickets" view lists both kinds). */
export function isResolvedLine(line: QueueEntry): line is ResolvedLine {
  return 'resolvedAt' in line;
}
