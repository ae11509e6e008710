import { useLiveQuery } from 'dexie-react-hooks';
import type { Organization, Ticket } from '@shared/domain/ticket';
import type { CommandType } from '@shared/erp/commands';
import { getAppDb } from '../../db/app-db';
import { getOrganization } from '../../db/repos/organizations';
import { pendingCommandsOf } from '../../db/repos/pending-commands';

export interface FailingCommand {
  commandId: string;
  /** Null when the command already left the outbox (the row is about to be refreshed). */
  type: CommandType | null;
  code: string;
  message: string;
}

export interface TicketData {
  /** The optimistic view: the ERP's copy with this computer's pending actions applied. */
  ticket: Ticket;
  /** Undefined until the organization has been synced to this computer. */
  organization: Organization | undefined;
  pendingCommandIds: ReadonlySet<string>;
  /** Pending actions the shared rules could not apply: the ERP will likely refuse them. */
  failing: FailingCommand[];
}

/**
 * One ticket with its organization and its commands still in the outbox, live: a pulled change,
 * an acknowledged push or a local action re-renders the page. `undefined` while loading, `null`
 * when this computer does not have the ticket (never synced, or deleted in the ERP).
 */
export function useTicket(ticketId: string): TicketData | null | undefined {
  return useLiveQuery(async (): Promise<TicketData | null> => {
    const db = getAppDb();
    const row = await db.tickets.get(ticketId);
    if (!row?.view) return null;
    const [organization, pending] = await Promise.all([
      getOrganization(db, row.view.organizationId),
      pendingCommandsOf(db, ticketId),
    ]);
    const typeOf = new Map(pending.map((p) => [p.commandId, p.type]));
    return {
      ticket: row.view,
      organization,
      pendingCommandIds: new Set(pending.map((p) => p.commandId)),
      failing: row.failing.map((f) => ({ ...f, type: typeOf.get(f.commandId) ?? null })),
    };
  }, [ticketId]);
}
