import type { AppDb, DeadLetterRow } from '../schema';
import { actionTables, type ActionResult, type TicketActions } from './ticket-actions';

/** Commands the ERP refused for good, newest first, for the "not applied" list. */
export async function listDeadLetters(db: AppDb): Promise<DeadLetterRow[]> {
  return db.deadLetters.orderBy('deadAt').reverse().toArray();
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
