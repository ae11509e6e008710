import type { CommandType } from '@shared/erp/commands';
import type { AppDb, DeadLetterRow } from '../schema';
import type { ActionResult, TicketActions } from './ticket-actions';

/** Commands the ERP refused for good, newest first, for the "not applied" list. */
export async function listDeadLetters(db: AppDb): Promise<DeadLetterRow[]> {
  return db.deadLetters.orderBy('deadAt').reverse().toArray();
}

export async function dismissDeadLetter(db: AppDb, commandId: string): Promise<void> {
  await db.deadLetters.delete(commandId);
}

/**
 * Sends a refused action again as a new command (new id, new seq, based on the ticket as it is
 * now). The dead letter goes only when the new command was queued; if the current ticket refuses
 * the action too, it stays and the reason is returned.
 */
export async function retryDeadLetter(
  db: AppDb,
  actions: TicketActions,
  commandId: string,
): Promise<ActionResult> {
  const letter = await db.deadLetters.get(commandId);
  if (!letter)
    return {
      ok: false,
      error: { code: 'not_found', message: 'This item is no longer in the list' },
    };
  const result =
    letter.type === 'create'
      ? await actions.create(letter.payload as never)
      : await actions.perform(
          letter.type as Exclude<CommandType, 'create'>,
          letter.ticketId,
          letter.payload as never,
        );
  if (result.ok) await db.deadLetters.delete(commandId);
  return result;
}
