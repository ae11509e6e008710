import type { Ticket } from '@shared/domain/ticket';
import { isWindowCommand } from '@shared/erp/commands';
import type { AppDb, DeadLetterRow } from '../schema';
import { actionTables, type ActionResult, type TicketActions } from './ticket-actions';
import type { WindowCommands } from './window-commands';

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
  /** A maintenance window's action: the window as asked or stored, and its organization's name. */
  window?: { startsAt: string; endsAt: string; organization: string | null } | null;
}

/** The dead letters, newest first, each with its ticket and its organization's zone. */
export async function listRefusedLetters(db: AppDb): Promise<RefusedLetter[]> {
  const tables = [db.deadLetters, db.tickets, db.organizations, db.maintenanceWindows];
  return db.transaction('r', tables, async () => {
    const letters = await listDeadLetters(db);
    const ticketIds = [...new Set(letters.map((letter) => letter.ticketId))];
    const [rows, windowRows] = await Promise.all([
      db.tickets.bulkGet(ticketIds),
      db.maintenanceWindows.bulkGet(
        letters.filter((l) => isWindowCommand(l.type)).map((l) => l.ticketId),
      ),
    ]);
    const tickets = new Map(ticketIds.map((id, index) => [id, rows[index]]));
    const windows = new Map(
      windowRows.flatMap((row) => (row ? [[row.id, row.data] as const] : [])),
    );
    // The window as the ERP stores it, or (a refused plan) as it was asked for.
    const windowOf = (letter: DeadLetterRow) => {
      const stored = windows.get(letter.ticketId);
      if (stored) return stored;
      const { organizationId, startsAt, endsAt } = letter.payload;
      return typeof organizationId === 'string' &&
        typeof startsAt === 'string' &&
        typeof endsAt === 'string'
        ? { organizationId, startsAt, endsAt }
        : null;
    };
    // A refused registration may have left no ticket row: its payload names the organization.
    const orgOf = (letter: DeadLetterRow): string | null => {
      if (isWindowCommand(letter.type)) return windowOf(letter)?.organizationId ?? null;
      const row = tickets.get(letter.ticketId);
      if (row?.organizationId) return row.organizationId;
      const typed = letter.type === 'create' ? letter.payload.organizationId : undefined;
      return typeof typed === 'string' ? typed : null;
    };
    const orgIds = [...new Set(letters.flatMap((letter) => orgOf(letter) ?? []))];
    const orgs = await db.organizations.bulkGet(orgIds);
    const zones = new Map(orgIds.map((id, index) => [id, orgs[index]?.data?.timeZone ?? null]));
    const names = new Map(orgIds.map((id, index) => [id, orgs[index]?.data?.name ?? null]));
    return letters.map((letter) => {
      if (isWindowCommand(letter.type)) {
        const window = windowOf(letter);
        return {
          letter,
          ticket: null,
          number: null,
          title: null,
          timeZone: zones.get(orgOf(letter) ?? '') ?? null,
          window: window && {
            startsAt: window.startsAt,
            endsAt: window.endsAt,
            organization: names.get(window.organizationId) ?? null,
          },
        };
      }
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
  windows?: WindowCommands,
): Promise<ActionResult> {
  const tables = [...actionTables(db), db.deadLetters, db.maintenanceWindows];
  return db.transaction('rw', tables, async () => {
    const letter = await db.deadLetters.get(commandId);
    if (!letter)
      return {
        ok: false,
        error: { code: 'not_found', message: 'This item is no longer in the list' },
      } as const;
    // The action opens its own transaction on a subset of these tables: Dexie runs it inside this one.
    const result = isWindowCommand(letter.type)
      ? await resendWindow(windows, letter)
      : letter.type === 'create'
        ? await actions.create(letter.payload as never)
        : await actions.perform(letter.type, letter.ticketId, letter.payload);
    if (result.ok) await db.deadLetters.delete(commandId);
    return result;
  });
}

/** A window action sent again under the same window id (the ERP did not store it). */
async function resendWindow(
  windows: WindowCommands | undefined,
  letter: DeadLetterRow,
): Promise<ActionResult> {
  if (!windows || !isWindowCommand(letter.type))
    return {
      ok: false,
      error: { code: 'local', message: 'window actions are not available here' },
    };
  return windows.resend(letter.type, letter.ticketId, letter.payload);
}
