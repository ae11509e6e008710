import Dexie from 'dexie';
import { compareUrgency, type QueueEntry } from '@shared/queue/queue-entry';
import type { ResolvedLine } from '@shared/queue/resolved-line';
import type { AppDb } from '../schema';

export interface OrganizationHistory {
  /** The organization's other open and paused tickets, most urgent first. */
  open: QueueEntry[];
  /** Its other tickets resolved most recently, newest first. */
  resolved: ResolvedLine[];
  /** How many resolved tickets it has in all (besides this one). */
  resolvedTotal: number;
}

/**
 * An organization's other tickets, read by index from the stored lines (never whole tickets), so
 * an engineer on site sees the customer's history offline even at 50,000 tickets.
 */
export async function loadOrganizationHistory(
  db: AppDb,
  organizationId: string,
  exceptTicketId: string,
  resolvedLimit: number,
): Promise<OrganizationHistory> {
  return db.transaction('r', [db.queue, db.resolved], async () => {
    const range = db.resolved
      .where('[organizationId+resolvedAt]')
      .between([organizationId, Dexie.minKey], [organizationId, Dexie.maxKey]);
    const [open, latest, total, self] = await Promise.all([
      db.queue.where('organizationId').equals(organizationId).toArray(),
      // One more than shown: this ticket itself may be among them.
      range
        .clone()
        .reverse()
        .limit(resolvedLimit + 1)
        .toArray(),
      range.count(),
      db.resolved.get(exceptTicketId),
    ]);
    return {
      open: open.filter((line) => line.id !== exceptTicketId).sort(compareUrgency),
      resolved: latest.filter((line) => line.id !== exceptTicketId).slice(0, resolvedLimit),
      resolvedTotal: total - (self?.organizationId === organizationId ? 1 : 0),
    };
  });
}
