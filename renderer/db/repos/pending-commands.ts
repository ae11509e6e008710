import type { CommandType } from '@shared/erp/commands';
import type { AppDb } from '../schema';

/** A command of one ticket still waiting in the outbox, as the ticket page marks it. */
export interface PendingCommand {
  commandId: string;
  type: CommandType;
  /** Device clock (epoch ms) when the engineer acted. */
  actedAt: number;
}

/** The ticket's commands not yet confirmed by the ERP, in the order they will be sent. */
export async function pendingCommandsOf(db: AppDb, ticketId: string): Promise<PendingCommand[]> {
  const rows = await db.outbox.where('ticketId').equals(ticketId).sortBy('seq');
  return rows.map(({ commandId, type, actedAt }) => ({ commandId, type, actedAt }));
}
