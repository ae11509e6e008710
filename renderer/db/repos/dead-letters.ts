import type { Ticket } from '@shared/domain/ticket';
import type { AppDb, DeadLetterRow } from '../schema';
import { actionTables, type ActionResult, type TicketActions } from './ticket-actions';

/** Commands the ERP refused for good, newest first, for the "not applied" list. */
export async function listDeadLetters(db: AppDb): Promise<DeadLetterRow[]> {
  return db.deadLetters.orderBy('deadAt').reverse().toArray();
}

/** A refused action with what the screen needs to explain it. */
export interface RefusedLetter {
  letter: DeadLetterRow;
  /** The ERP's copy as the last sync left it (with the changes that beat this action); null when gone. */
  ticket: Ticket | null;
  /** How the ticket is named: its number (null before the ERP numbered it) and title. */
  number: number | null;
  title: string | null;
  /** The customer's zone, for the times of the changes. */
  timeZone: string | null;
}

/** The dead letters, newest first, each with its ticket and its organization's zone. */
export async function listRefusedLetters(db: AppDb): Promise<RefusedLetter[]> {
  return db.transaction('r', [db.deadLetters, db.tickets, db.organizations], async () => {
    const letters = await listDeadLetters(db);
    const ticketIds = [...new Set(letters.map((letter) => letter.ticketId))];
    const rows = await db.tickets.bulkGet(ticketIds);
    const tickets = new Map(ticketIds.map((id, index) => [id, rows[index]]));
    // A refused registration may have left no ticket row: its payload names the organization.
    const orgOf = (letter: DeadLetterRow): string | null => {
      const row = tickets.get(letter.ticketId);
      if (row?.organizationId) return row.organizationId;
      const typed = letter.type === 'create' ? letter.payload.organizationId : undefined;
      return typeof typed === 'string' ? typed : null;
    };
    const orgIds = [...new Set(letters.flatMap((letter) => orgOf(letter) ?? []))];
    const orgs = await db.organizations.bulkGet(orgIds);
    const zones = new Map(orgIds.map((id, index) => [id, orgs[index]?.data?.timeZone ?? null]));
    return letters.map((letter) => {
      const row = tickets.get(letter.ticketId);
      const known = row?.server ?? row?.view ?? null;
      // A refused registration leaves no ticket: its own payload names it.
      const typedTitle = letter.type === 'create' ? letter.payload.title : undefined;
      return {
        letter,
        ticket: row?.server ?? null,
        number: known?.number ?? null,
        title: known?.title ?? (typeof typedTitle === 'string' ? typedTitle : null),
        timeZone: zones.get(orgOf(letter) ?? '') ?? null,
      };
    });
  });
}

export async function dismissDeadLetter(db: AppDb, commandId: string): Promise<void> {
  await db.deadLetters.delete(commandId);
}

/**
 * Sends a refused action again as a new command (new id, new seq, based on the ticket as it is
 * now). Queuing it and removing the dead letter are one transaction, so a second retry of the same
 * letter (a double click) waits for the first and then finds the letter gone: the command is
 * queued once. If the current ticket refuses the action too, the letter stays and the reason is
 * returned.
 */
export async function retryDeadLetter(
  db: AppDb,
  actions: TicketActions,
  commandId: string,
): Promise<ActionResult> {
  return db.transaction('rw', [...actionTables(db), db.deadLetters], async () => {
    const letter = await db.deadLetters.get(commandId);
    if (!letter)
      return {
        ok: false,
        error: { code: 'not_found', message: 'This item is no longer in the list' },
      } as const;
    // The action opens its own transaction on a subset of these tables: Dexie runs it inside this one.
    const result =
      letter.type === 'create'
        ? await actions.create(letter.payload as never)
        : await actions.perform(letter.type, letter.ticketId, letter.payload);
    if (result.ok) await db.deadLetters.delete(commandId);
    return result;
  });
}
