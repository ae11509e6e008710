import { createTicketActions, type TicketActions } from '../../db/repos/ticket-actions';
import { getAppDb } from '../../db/app-db';
import { getSyncEngine } from './sync-runtime';

let actions: TicketActions | null = null;

/**
 * Every user action of this window: one repo call each, then a nudge to the sync engine. The
 * author is the user the ERP last said the token belongs to (`meta.me`, read with each action).
 */
export function getTicketActions(): TicketActions {
  actions ??= createTicketActions(getAppDb(), {
    onRecorded: () => getSyncEngine().notifyLocalChange(),
  });
  return actions;
}
