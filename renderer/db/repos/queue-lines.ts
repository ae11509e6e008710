import type { Organization } from '@shared/domain/ticket';
import { queueEntryOf, resolvedLineOf, type AppDb, type TicketRow } from '../schema';
import { organizationsById } from './ticket-rows';

/**
 * Writes ticket rows and their lines together: an open or paused ticket's in `queue`, a resolved
 * one's in `resolved`, never both. Every repo that writes tickets goes through here, inside its
 * own transaction (which must include `db.queue` and `db.resolved`), so no list can show a line
 * its ticket no longer has.
 */
export async function putTicketRows(
  db: AppDb,
  rows: readonly TicketRow[],
  options: WriteOptions = { blank: false },
): Promise<void> {
  if (rows.length === 0) return;
  const organizations = await organizationsById(
    db,
    rows.flatMap((row) => (row.view ? [row.view.organizationId] : [])),
  );
  await writeLines(db, rows, (id) => organizations.get(id), options);
  await db.tickets.bulkPut([...rows]);
}

export interface WriteOptions {
  /** No line of these tickets can exist yet (a blank snapshot page): none is removed. */
  blank: boolean;
}

/**
 * Organizations whose zone, calendar or name changed (already stored in this transaction): every
 * line of their tickets is derived again. Rare (an ERP admin edit), so reading those tickets whole
 * is fine.
 */
export async function refreshQueueLines(
  db: AppDb,
  organizationIds: readonly string[],
): Promise<void> {
  if (organizationIds.length === 0) return;
  const [rows, organizations] = await Promise.all([
    db.tickets
      .where('organizationId')
      .anyOf([...organizationIds])
      .toArray(),
    organizationsById(db, organizationIds),
  ]);
  await writeLines(db, rows, (id) => organizations.get(id));
}

async function writeLines(
  db: AppDb,
  rows: readonly TicketRow[],
  organizationOf: (id: string) => Organization | undefined,
  { blank }: WriteOptions = { blank: false },
): Promise<void> {
  const open = [];
  const notOpen = [];
  const resolved = [];
  const notResolved = [];
  for (const row of rows) {
    const line = queueEntryOf(row, organizationOf);
    if (line) open.push(line);
    else notOpen.push(row.id);
    const resolvedLine = line ? null : resolvedLineOf(row, organizationOf);
    if (resolvedLine) resolved.push(resolvedLine);
    else notResolved.push(row.id);
  }
  await Promise.all([
    db.queue.bulkPut(open),
    db.resolved.bulkPut(resolved),
    ...(blank ? [] : [db.queue.bulkDelete(notOpen), db.resolved.bulkDelete(notResolved)]),
  ]);
}
