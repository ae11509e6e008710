import type { Organization, Ticket } from '@shared/domain/ticket';
import type { User } from '@shared/domain/user';
import type { Change, ChangesResponse } from '@shared/erp/protocol';
import type { AppDb, OrganizationRow, TicketRow, UserRow } from '../schema';
import { syncTables } from '../schema';
import { CURSOR_HISTORY, DEFAULT_CURSOR, DEFAULT_RESYNC, getMeta, setMeta } from './meta';
import { baseOf, rebuildRows, type TicketBase } from './ticket-rows';
import { putTicketRows, refreshQueueLines } from './queue-lines';
import { storeWindowCopies, sweepUnseenWindows, windowCopiesIn } from './maintenance-windows';

export type PulledPage = ChangesResponse;

/** The newest change per entity id: a page may name one entity twice. */
function newestById(changes: Change[], entity: Change['entity']): Map<string, Change> {
  const map = new Map<string, Change>();
  for (const change of changes) {
    if (change.entity !== entity) continue;
    const known = map.get(change.id);
    if (!known || change.version > known.version) map.set(change.id, change);
  }
  return map;
}

/**
 * Stores one page of changes and its cursor in one transaction. A server copy is replaced only
 * by a newer version, so a replayed or reordered page can never move a ticket back; every
 * replaced ticket gets its optimistic view rebuilt from the new copy and its pending commands.
 * The last page of a full resync also removes what that resync did not see.
 *
 * A snapshot page (one that carries `snapshot`) into a database that held no ticket when the
 * snapshot began is written blind: the ERP promises that each entity comes once in a snapshot,
 * so no stored server copy can exist for its tickets, nor a line to remove. A ticket the user
 * acts on while the pull runs was stored by an earlier page and does not come again in it; one
 * registered here meanwhile has an id the ERP has not seen. A 410 resync starts into a database
 * that is not blank, and takes the careful path.
 */
export async function applyPulledPage(db: AppDb, page: PulledPage): Promise<void> {
  if (page.changes.length === 0 && (await changesNothing(db, page))) return;
  await db.transaction('rw', syncTables(db), async () => {
    const [storedResync, offset, held] = await Promise.all([
      getMeta(db, 'resync'),
      getMeta(db, 'clockOffset'),
      getMeta(db, 'cursor').then((cursor) => cursor ?? DEFAULT_CURSOR),
    ]);
    const resync = storedResync ?? DEFAULT_RESYNC;
    const offsetMs = offset?.offsetMs ?? null;
    const epoch = resync.epoch;

    const orgChanges = newestById(page.changes, 'organization');
    const orgRows = await db.organizations.bulkGet([...orgChanges.keys()]);
    const orgPuts: OrganizationRow[] = [];
    const changedOrgs: string[] = [];
    [...orgChanges.values()].forEach((change, index) => {
      const row = orgRows[index];
      if (row && change.version <= row.version) {
        if (row.seenEpoch !== epoch) orgPuts.push({ ...row, seenEpoch: epoch });
        return;
      }
      const data = change.deleted ? null : (change.data as Organization);
      orgPuts.push({
        id: change.id,
        version: change.version,
        deleted: change.deleted ? 1 : 0,
        data,
        seenEpoch: epoch,
        ...(data ? { name: data.name } : {}),
      });
      changedOrgs.push(change.id);
    });
    await db.organizations.bulkPut(orgPuts);
    await refreshQueueLines(db, changedOrgs);
    await storeUsers(db, newestById(page.changes, 'user'), epoch);
    await storeWindowCopies(db, windowCopiesIn(page.changes), epoch);

    const blank = await storeSnapshotProgress(db, page, held.cursor === null, resync.active);
    const ticketChanges = newestById(page.changes, 'ticket');
    const ids = [...ticketChanges.keys()];
    const rows = blank ? [] : await db.tickets.bulkGet(ids);
    const rebuild = new Map<string, TicketBase>();
    const touched: TicketRow[] = [];
    ids.forEach((id, index) => {
      const change = ticketChanges.get(id)!;
      const row = rows[index];
      if (row && change.version <= row.serverVersion) {
        if (row.seenEpoch !== epoch) touched.push({ ...row, seenEpoch: epoch });
        return;
      }
      rebuild.set(id, {
        id,
        server: change.deleted ? null : (change.data as Ticket),
        serverVersion: change.version,
        deleted: change.deleted ? 1 : 0,
        seenEpoch: epoch,
      });
    });
    // A changed organization changes what its tickets' pending commands may do (zone, calendar).
    if (changedOrgs.length > 0) {
      const waiting = await db.tickets
        .where('organizationId')
        .anyOf(changedOrgs)
        .filter((row) => row.pending > 0)
        .toArray();
      for (const row of waiting)
        if (!rebuild.has(row.id)) rebuild.set(row.id, baseOf(row, row.id, row.seenEpoch));
    }
    await putTicketRows(
      db,
      [...touched, ...(await rebuildRows(db, [...rebuild.values()], offsetMs))],
      { blank },
    );

    const previous =
      held.cursor !== null && held.cursor !== page.nextCursor
        ? [held.cursor, ...held.previous].slice(0, CURSOR_HISTORY)
        : held.previous;
    await setMeta(db, 'cursor', { cursor: page.nextCursor, previous });
    if (resync.active && !page.hasMore) {
      await sweepUnseen(db, epoch, offsetMs);
      await setMeta(db, 'resync', { epoch, active: false });
    }
  });
}

/**
 * Keeps the snapshot's progress for the header, and says whether this page may be written
 * blind. The first page of a snapshot (no cursor held, no resync) finds out whether the database
 * holds any ticket; later pages of the same snapshot keep that answer. A page without `snapshot`
 * ends it.
 */
async function storeSnapshotProgress(
  db: AppDb,
  page: PulledPage,
  firstPage: boolean,
  resyncing: boolean,
): Promise<boolean> {
  const stored = await getMeta(db, 'snapshot');
  if (!page.snapshot) {
    if (stored) await db.meta.delete('snapshot');
    return false;
  }
  const blank = firstPage
    ? !resyncing && (await db.tickets.count()) === 0
    : (stored?.blank ?? false);
  if (page.hasMore) await setMeta(db, 'snapshot', { ...page.snapshot, blank });
  else if (stored) await db.meta.delete('snapshot');
  return blank;
}

/**
 * The team's changes, newer versions only. Nothing else is derived from a user: records keep the
 * names they were written with, and the screens name assignees from this table when they draw.
 */
async function storeUsers(db: AppDb, changes: Map<string, Change>, epoch: number): Promise<void> {
  if (changes.size === 0) return;
  const rows = await db.users.bulkGet([...changes.keys()]);
  const puts: UserRow[] = [];
  [...changes.values()].forEach((change, index) => {
    const row = rows[index];
    if (row && change.version <= row.version) {
      if (row.seenEpoch !== epoch) puts.push({ ...row, seenEpoch: epoch });
      return;
    }
    puts.push({
      id: change.id,
      version: change.version,
      deleted: change.deleted ? 1 : 0,
      data: change.deleted ? null : (change.data as User),
      seenEpoch: epoch,
    });
  });
  await db.users.bulkPut(puts);
}

/**
 * An empty page at the cursor already held, with no resync to finish, would only rewrite what is
 * stored: a no-op sync (the most frequent kind) is spared a write transaction and its flush.
 */
async function changesNothing(db: AppDb, page: PulledPage): Promise<boolean> {
  return db.transaction('r', [db.meta], async () => {
    const [held, resync] = await Promise.all([getMeta(db, 'cursor'), getMeta(db, 'resync')]);
    const finishesResync = (resync?.active ?? false) && !page.hasMore;
    return held?.cursor === page.nextCursor && !finishesResync;
  });
}

/** After a full resync: whatever the server no longer listed is gone there. */
async function sweepUnseen(db: AppDb, epoch: number, offsetMs: number | null): Promise<void> {
  const stale = await db.tickets
    .where('seenEpoch')
    .below(epoch)
    .filter((row) => row.server !== null)
    .toArray();
  const gone = stale.map((row) => ({
    ...baseOf(row, row.id, epoch),
    server: null,
    deleted: 1 as const,
  }));
  await putTicketRows(db, await rebuildRows(db, gone, offsetMs));
  await db.organizations.where('seenEpoch').below(epoch).modify({ deleted: 1, data: null });
  await db.users.where('seenEpoch').below(epoch).modify({ deleted: 1, data: null });
  await sweepUnseenWindows(db, epoch);
}

/** How far the snapshot being pulled is, while one is (and the ERP counts it). */
export async function readSnapshotProgress(
  db: AppDb,
): Promise<{ sent: number; total: number } | null> {
  const stored = await getMeta(db, 'snapshot');
  return stored ? { sent: stored.sent, total: stored.total } : null;
}

/** 410: start again from nothing; pending commands stay, rows not seen again are swept at the end. */
export async function beginFullResync(db: AppDb): Promise<void> {
  await db.transaction('rw', [db.meta], async () => {
    const resync = (await getMeta(db, 'resync')) ?? DEFAULT_RESYNC;
    await setMeta(db, 'resync', { epoch: resync.epoch + 1, active: true });
    await setMeta(db, 'cursor', { cursor: null, previous: [] });
    await db.meta.delete('snapshot');
  });
}
