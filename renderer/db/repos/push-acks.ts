import type { Ticket } from '@shared/domain/ticket';
import type { CommandAck } from '@shared/sync/ports';
import type { AppDb, DeadLetterRow, TicketRow } from '../schema';
import { DEFAULT_RESYNC, getMeta, setMeta } from './meta';
import { baseOf, composeRow, rebuildRows, type TicketBase } from './ticket-rows';

interface TicketSlot {
  /** The newest server copy an answer carried. */
  copy: Ticket | null;
  /** A command was refused or changed nothing: the view must be recomputed without it. */
  redo: boolean;
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
  const tables = [db.tickets, db.organizations, db.outbox, db.deadLetters, db.meta];
  await db.transaction('rw', tables, async () => {
    const ids = acks.map((ack) => ack.commandId);
    const entries = await db.outbox.where('commandId').anyOf(ids).toArray();
    const byId = new Map(entries.map((entry) => [entry.commandId, entry]));
    const epoch = ((await getMeta(db, 'resync')) ?? DEFAULT_RESYNC).epoch;
    const offsetMs = (await getMeta(db, 'clockOffset'))?.offsetMs ?? null;
    const dead: DeadLetterRow[] = [];
    const settled: number[] = [];
    const perTicket = new Map<string, TicketSlot>();
    for (const ack of acks) {
      const entry = byId.get(ack.commandId);
      if (!entry) continue;
      settled.push(entry.seq);
      if (ack.outcome === 'dead') {
        dead.push({ ...entry, status: ack.status, error: ack.error, deadAt: now });
      }
      const slot = perTicket.get(entry.ticketId) ?? { copy: null, redo: false };
      const copy = (ack.ticket ?? null) as Ticket | null;
      const newer = copy && copy.id === entry.ticketId && copy.version > (slot.copy?.version ?? 0);
      if (newer) slot.copy = copy;
      if (ack.outcome === 'dead' || ack.status === 'noop') slot.redo = true;
      perTicket.set(entry.ticketId, slot);
    }
    await db.outbox.bulkDelete(settled);
    await db.deadLetters.bulkPut(dead);
    await refreshTickets(db, perTicket, epoch, offsetMs);
  });
}

async function refreshTickets(
  db: AppDb,
  perTicket: Map<string, TicketSlot>,
  epoch: number,
  offsetMs: number | null,
): Promise<void> {
  const ids = [...perTicket.keys()];
  const rows = await db.tickets.bulkGet(ids);
  const rebuild: TicketBase[] = [];
  const keep: TicketRow[] = [];
  for (const [index, id] of ids.entries()) {
    const row = rows[index];
    const slot = perTicket.get(id)!;
    const base = baseOf(row, id, epoch);
    if (slot.copy !== null && slot.copy.version > base.serverVersion) {
      Object.assign(base, { server: slot.copy, serverVersion: slot.copy.version, deleted: 0 });
    }
    // Counted, not derived from row.pending: a lost row must not leave a ghost in the view.
    const left = await db.outbox.where('ticketId').equals(id).count();
    if (slot.redo || !row) rebuild.push(base);
    else if (left === 0) keep.push(composeRow(base, base.server, 0, []));
    // Still pending: the view already shows the settled commands and the pending ones, so it
    // stays (replaying a long queue after every batch would make a backlog quadratic). The
    // server's own touches (number, clamped times) show once the ticket's queue is empty.
    else keep.push(composeRow(base, row.view, left, row.failing));
  }
  await db.tickets.bulkPut([...keep, ...(await rebuildRows(db, rebuild, offsetMs))]);
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
