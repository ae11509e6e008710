import type { Ticket } from '@shared/domain/ticket';
import { isWindowCommand } from '@shared/erp/commands';
import type { MaintenanceWindow } from '@shared/maintenance/window';
import type { CommandAck } from '@shared/sync/ports';
import type { AppDb, DeadLetterRow, OutboxRow, TicketRow } from '../schema';
import { syncTables } from '../schema';
import { DEFAULT_RESYNC, getMeta, setMeta } from './meta';
import { baseOf, composeRow, rebuildRows, type TicketBase } from './ticket-rows';
import { putTicketRows } from './queue-lines';
import { storeWindowCopies } from './maintenance-windows';

interface TicketSlot {
  /** The newest server copy an answer carried. */
  copy: Ticket | null;
  /** A command was refused or changed nothing: the view must be recomputed without it. */
  redo: boolean;
}

/** Every table `recordAcks` writes: a caller wrapping it in its own transaction needs them all. */
export function ackTables(db: AppDb) {
  return [...syncTables(db), db.deadLetters];
}

/**
 * Records the ERP's answers for one push batch in one transaction: settled commands leave the
 * outbox, refused ones become dead letters with the server's message. An answer for a command
 * that is no longer pending (a duplicate delivery already recorded) changes nothing.
 */
export async function recordAcks(
  db: AppDb,
  acks: readonly CommandAck[],
  now: number,
): Promise<void> {
  const tables = ackTables(db);
  await db.transaction('rw', tables, async () => {
    const ids = acks.map((ack) => ack.commandId);
    const [entries, resync, offset] = await Promise.all([
      pendingEntries(db, ids),
      getMeta(db, 'resync'),
      getMeta(db, 'clockOffset'),
    ]);
    const byId = new Map(entries.map((entry) => [entry.commandId, entry]));
    const epoch = (resync ?? DEFAULT_RESYNC).epoch;
    const offsetMs = offset?.offsetMs ?? null;
    const dead: DeadLetterRow[] = [];
    const settled: number[] = [];
    const perTicket = new Map<string, TicketSlot>();
    const windows: MaintenanceWindow[] = [];
    for (const ack of acks) {
      const entry = byId.get(ack.commandId);
      if (!entry) continue;
      settled.push(entry.seq);
      if (ack.outcome === 'dead') {
        dead.push({ ...entry, status: ack.status, error: ack.error, deadAt: now });
      }
      // A window command never touches a ticket: its answer carries the window as stored.
      if (isWindowCommand(entry.type)) {
        const copy = (ack.window ?? null) as MaintenanceWindow | null;
        if (copy && copy.id === entry.ticketId) windows.push(copy);
        continue;
      }
      const slot = perTicket.get(entry.ticketId) ?? { copy: null, redo: false };
      const copy = (ack.ticket ?? null) as Ticket | null;
      const newer = copy && copy.id === entry.ticketId && copy.version > (slot.copy?.version ?? 0);
      if (newer) slot.copy = copy;
      if (ack.outcome === 'dead' || ack.status === 'noop') slot.redo = true;
      perTicket.set(entry.ticketId, slot);
    }
    await Promise.all([deleteSettled(db, settled), db.deadLetters.bulkPut(dead)]);
    await Promise.all([
      refreshTickets(db, perTicket, epoch, offsetMs),
      storeWindowCopies(db, windows, epoch),
    ]);
  });
}

/**
 * The outbox rows of acknowledged commands. The engine sends the oldest first, so they are
 * normally the oldest rows: one range read instead of a lookup per id. Any id not among them (the
 * answer to an earlier batch, a renumbered queue) is looked up by id; one no longer pending is
 * simply absent.
 */
async function pendingEntries(db: AppDb, commandIds: readonly string[]): Promise<OutboxRow[]> {
  const wanted = new Set(commandIds);
  const oldest = await db.outbox.orderBy('seq').limit(wanted.size).toArray();
  const found = oldest.filter((entry) => wanted.has(entry.commandId));
  if (found.length === wanted.size) return found;
  for (const entry of found) wanted.delete(entry.commandId);
  return [
    ...found,
    ...(await db.outbox
      .where('commandId')
      .anyOf([...wanted])
      .toArray()),
  ];
}

/**
 * Settled commands normally hold consecutive seqs (a prefix of the queue): those rows, just read
 * in this transaction, are exactly the key range from the first to the last, removed in one
 * request rather than one per row.
 */
async function deleteSettled(db: AppDb, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (last - first + 1 === sorted.length) {
    await db.outbox.where(':id').between(first, last, true, true).delete();
  } else {
    await db.outbox.bulkDelete(sorted);
  }
}

async function refreshTickets(
  db: AppDb,
  perTicket: Map<string, TicketSlot>,
  epoch: number,
  offsetMs: number | null,
): Promise<void> {
  const ids = [...perTicket.keys()];
  const [rows, stillPending] = await Promise.all([
    db.tickets.bulkGet(ids),
    // Counted, not derived from row.pending: a lost row must not leave a ghost in the view. The
    // counts go out together rather than one round trip after another.
    Promise.all(ids.map((id) => db.outbox.where('ticketId').equals(id).count())),
  ]);
  const rebuild: TicketBase[] = [];
  const keep: TicketRow[] = [];
  for (const [index, id] of ids.entries()) {
    const row = rows[index];
    const slot = perTicket.get(id)!;
    const base = baseOf(row, id, epoch);
    if (slot.copy !== null && slot.copy.version > base.serverVersion) {
      Object.assign(base, { server: slot.copy, serverVersion: slot.copy.version, deleted: 0 });
    }
    const left = stillPending[index]!;
    if (slot.redo || !row) rebuild.push(base);
    else if (left === 0) keep.push(composeRow(base, base.server, 0, []));
    // Still pending: the view already shows the settled commands and the pending ones, so it
    // stays (replaying a long queue after every batch would make a backlog quadratic). The
    // server's own touches (number, clamped times) show once the ticket's queue is empty.
    else keep.push(composeRow(base, row.view, left, row.failing));
  }
  await putTicketRows(db, [...keep, ...(await rebuildRows(db, rebuild, offsetMs))]);
}

/**
 * After a 409 the ERP expects `firstSeq` next. Pending commands keep their order and their
 * command ids (the ERP deduplicates by id), only their numbers change.
 */
export async function renumberOutbox(db: AppDb, firstSeq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const rows = await db.outbox.orderBy('seq').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((row, index) => ({ ...row, seq: firstSeq + index })));
    await setMeta(db, 'nextSeq', firstSeq + rows.length);
  });
}
