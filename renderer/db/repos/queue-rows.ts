import Dexie, { type ObservabilitySet } from 'dexie';
import type { Organization, Ticket } from '@shared/domain/ticket';
import type { AppDb } from '../schema';

export interface QueueRow {
  ticket: Ticket;
  pending: number;
  failing: number;
}

/** Open and paused tickets (their optimistic views) and every organization, in one read. */
export async function loadQueueRows(
  db: AppDb,
): Promise<{ rows: QueueRow[]; organizations: Organization[] }> {
  return db.transaction('r', [db.tickets, db.organizations], async () => {
    const [tickets, organizations] = await Promise.all([
      db.tickets.where('state').anyOf('open', 'paused').toArray(),
      db.organizations.toArray(),
    ]);
    return {
      rows: tickets.flatMap((row) =>
        row.view ? [{ ticket: row.view, pending: row.pending, failing: row.failing.length }] : [],
      ),
      organizations: organizations.flatMap((row) => (row.data ? [row.data] : [])),
    };
  });
}

/**
 * Calls back whenever tickets or organizations change, in this window or another (Dexie relays
 * other tabs' writes). Unlike a live query it reads nothing itself, so the caller can coalesce a
 * burst of pulled pages into one reload.
 */
export function watchQueueTables(db: AppDb, onChange: () => void): () => void {
  const prefixes = ['tickets', 'organizations'].map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) {
      onChange();
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
