import { createTicketActions, type TicketActions } from '../../db/repos/ticket-actions';
import { getAppDb } from '../../db/app-db';
import { getSyncEngine } from './sync-runtime';

/**
 * The author this device writes into its optimistic events. The ERP replaces it with the user its
 * token belongs to; until then the timeline shows it as "you" (see `authorLabel`).
 */
export const LOCAL_AUTHOR = '@me';

let actions: TicketActions | null = null;

/** Every user action of this window: one repo call each, then a nudge to the sync engine. */
export function getTicketActions(): TicketActions {
  actions ??= createTicketActions(getAppDb(), {
    author: LOCAL_AUTHOR,
    onRecorded: () => getSyncEngine().notifyLocalChange(),
  });
  return actions;
}
