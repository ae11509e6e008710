import Dexie, { type ObservabilitySet } from 'dexie';
import type { Organization } from '@shared/domain/ticket';
import type { QueueEntry } from '@shared/queue/queue-entry';
import type { ResolvedLine } from '@shared/queue/resolved-line';
import type { AppDb } from '../schema';

/** Every queue line (open and paused tickets) and every organization, in one read. */
export async function loadQueueLines(
  db: AppDb,
): Promise<{ entries: QueueEntry[]; organizations: Organization[] }> {
  return db.transaction('r', [db.queue, db.organizations], async () => {
    const [entries, organizations] = await Promise.all([
      db.queue.toArray(),
      db.organizations.toArray(),
    ]);
    return { entries, organizations: organizations.flatMap((row) => (row.data ? [row.data] : [])) };
  });
}

/**
 * The most urgent lines by the `urgency` index, and how many there are: enough for the first
 * screen while the whole queue is still being read.
 */
export async function loadFirstQueueLines(
  db: AppDb,
  limit: number,
): Promise<{ entries: QueueEntry[]; total: number }> {
  return db.transaction('r', [db.queue], async () => {
    const [entries, total] = await Promise.all([
      db.queue.orderBy('urgency').limit(limit).toArray(),
      db.queue.count(),
    ]);
    return { entries, total };
  });
}

/** Every resolved ticket's line and every organization, in one read. */
export async function loadResolvedLines(
  db: AppDb,
): Promise<{ entries: ResolvedLine[]; organizations: Organization[] }> {
  return db.transaction('r', [db.resolved, db.organizations], async () => {
    const [entries, organizations] = await Promise.all([
      db.resolved.toArray(),
      db.organizations.toArray(),
    ]);
    return { entries, organizations: organizations.flatMap((row) => (row.data ? [row.data] : [])) };
  });
}

/** The most recently resolved lines by the `resolvedAt` index, and how many there are. */
export async function loadFirstResolvedLines(
  db: AppDb,
  limit: number,
): Promise<{ entries: ResolvedLine[]; total: number }> {
  return db.transaction('r', [db.resolved], async () => {
    const [entries, total] = await Promise.all([
      db.resolved.orderBy('resolvedAt').reverse().limit(limit).toArray(),
      db.resolved.count(),
    ]);
    return { entries, total };
  });
}

/** The resolved tickets with these numbers (by index: the open views never read the archive). */
export async function findResolvedByNumbers(
  db: AppDb,
  numbers: readonly number[],
): Promise<ResolvedLine[]> {
  if (numbers.length === 0) return [];
  return db.resolved
    .where('number')
    .anyOf([...numbers])
    .toArray();
}

/** How many resolved tickets this computer holds (by the primary key: no line is read). */
export async function countResolvedLines(db: AppDb): Promise<number> {
  return db.resolved.count();
}

/**
 * Calls back whenever lines of `table` or organizations change, in this window or another (Dexie
 * relays other tabs' writes). Unlike a live query it reads nothing itself, so the caller can
 * coalesce a burst of pulled pages into one reload.
 */
export function watchQueueTables(
  db: AppDb,
  onChange: () => void,
  table: 'queue' | 'resolved' = 'queue',
): () => void {
  const prefixes = [table, 'organizations'].map((name) => `idb://${db.name}/${name}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) {
      onChange();
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
