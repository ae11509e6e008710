import type { Organization, Ticket } from '@shared/domain/ticket';
import type { User } from '@shared/domain/user';
import type { OutboxEntry } from '@shared/sync/ports';
import { rebuildView } from '@shared/sync/optimistic-view';
import type { AppDb, TicketRow } from '../schema';
import { usersById } from './users';

/** What a row is made of; the rest (view, counts, index fields) is derived. */
export type TicketBase = Pick<
  TicketRow,
  'id' | 'server' | 'serverVersion' | 'deleted' | 'seenEpoch'
>;

export function baseOf(row: TicketRow | undefined, id: string, epoch: number): TicketBase {
  return row
    ? {
        id,
        server: row.server,
        serverVersion: row.serverVersion,
        deleted: row.deleted,
        seenEpoch: row.seenEpoch,
      }
    : { id, server: null, serverVersion: 0, deleted: 0, seenEpoch: epoch };
}

/** The row for a base and its view, with the view's organization lifted for its index. */
export function composeRow(
  base: TicketBase,
  view: Ticket | null,
  pending: number,
  failing: TicketRow['failing'],
): TicketRow {
  const row: TicketRow = { ...base, view, pending, failing };
  if (view) row.organizationId = view.organizationId;
  return row;
}

/** Pending commands per ticket, in seq order (within one ticket, order is what the ERP sees). */
export async function pendingByTicket(
  db: AppDb,
  ids: readonly string[],
): Promise<Map<string, OutboxEntry[]>> {
  const byTicket = new Map<string, OutboxEntry[]>();
  if (ids.length === 0) return byTicket;
  const rows = await db.outbox
    .where('ticketId')
    .anyOf([...ids])
    .toArray();
  rows.sort((a, b) => a.seq - b.seq);
  for (const row of rows) {
    const list = byTicket.get(row.ticketId);
    if (list) list.push(row);
    else byTicket.set(row.ticketId, [row]);
  }
  return byTicket;
}

export async function organizationsById(
  db: AppDb,
  ids: Iterable<string>,
): Promise<Map<string, Organization>> {
  const unique = [...new Set(ids)];
  const rows = await db.organizations.bulkGet(unique);
  const map = new Map<string, Organization>();
  for (const row of rows) if (row?.data) map.set(row.id, row.data);
  return map;
}

/** Commands whose outcome depends on the team (who has the ticket, whom it may be handed to). */
export function needsTeam(entries: Iterable<Pick<OutboxEntry, 'type'>>): boolean {
  for (const entry of entries) if (entry.type === 'react' || entry.type === 'assign') return true;
  return false;
}

const NO_USERS: ReadonlyMap<string, User> = new Map();

/**
 * Rebuilds the optimistic view of each base: server copy plus the ticket's pending commands
 * replayed in seq order with the shared applyCommand. Call inside the caller's transaction.
 */
export async function rebuildRows(
  db: AppDb,
  bases: readonly TicketBase[],
  offsetMs: number | null,
): Promise<TicketRow[]> {
  const pending = await pendingByTicket(
    db,
    bases.map((base) => base.id),
  );
  const orgIds: string[] = [];
  for (const base of bases) {
    if (base.server) orgIds.push(base.server.organizationId);
    for (const entry of pending.get(base.id) ?? []) {
      const orgId = entry.payload['organizationId'];
      if (entry.type === 'create' && typeof orgId === 'string') orgIds.push(orgId);
    }
  }
  const orgs = await organizationsById(db, orgIds);
  // The team is read only when a pending command needs it: most rebuilds (a pulled page) have none.
  const users = needsTeam([...pending.values()].flat()) ? await usersById(db) : NO_USERS;
  const directory = {
    organization: (id: string) => orgs.get(id),
    user: (id: string) => users.get(id),
  };
  return bases.map((base) => {
    const entries = pending.get(base.id) ?? [];
    const { view, failing } = rebuildView(base.server, entries, directory, offsetMs);
    return composeRow(base, view, entries.length, failing);
  });
}
