import type { Organization, Ticket } from '@shared/domain/ticket';
import type { User } from '@shared/domain/user';
import type { AppDb } from '../schema';
import { getOrganization } from './organizations';
import { pendingCommandsOf } from './pending-commands';
import { usersById } from './users';

export interface EvidenceSource {
  /** The optimistic view: the ERP's copy with this computer's unsent actions applied. */
  ticket: Ticket;
  organization: Organization | undefined;
  users: ReadonlyMap<string, User>;
  pendingCommandIds: ReadonlySet<string>;
}

/**
 * Everything an evidence pack is made of, read in one transaction so the ticket, its outbox and
 * the team agree with each other; null when this computer does not have the ticket.
 */
export function readEvidenceSource(db: AppDb, ticketId: string): Promise<EvidenceSource | null> {
  return db.transaction(
    'r',
    [db.tickets, db.organizations, db.users, db.outbox],
    async (): Promise<EvidenceSource | null> => {
      const row = await db.tickets.get(ticketId);
      if (!row?.view) return null;
      const [organization, users, pending] = await Promise.all([
        getOrganization(db, row.view.organizationId),
        usersById(db),
        pendingCommandsOf(db, ticketId),
      ]);
      return {
        ticket: row.view,
        organization,
        users,
        pendingCommandIds: new Set(pending.map((command) => command.commandId)),
      };
    },
  );
}
