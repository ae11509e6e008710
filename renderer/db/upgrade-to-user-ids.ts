import type { Transaction } from 'dexie';
import type { Ticket } from '@shared/domain/ticket';
import type { OutboxEntry } from '@shared/sync/ports';
import { DEVICE_USER } from './device-user';

type Stored<T> = T & { authorId?: string | null };
type StoredTicket = Omit<Ticket, 'assignments'> & { assignments?: Ticket['assignments'] };

/**
 * A ticket stored before users had ids: `authorId` null on its records ("not known"; the name
 * still says who), no hand-overs recorded. Its assignee stays as it was (a name): shown as it
 * reads until the ERP sends the ticket again with ids.
 */
export function withUserIds(ticket: StoredTicket | null): Ticket | null {
  if (ticket === null || ticket.assignments !== undefined) return ticket as Ticket | null;
  const withId = <R extends Stored<object>>(record: R) => ({
    ...record,
    authorId: record.authorId ?? null,
  });
  return {
    ...ticket,
    events: ticket.events.map(withId),
    comments: ticket.comments.map(withId),
    workLogs: ticket.workLogs.map(withId),
    assignments: [],
  };
}

/** Schema v3's upgrade: tickets get the new fields; queued and refused actions are this device's user's. */
export async function upgradeToUserIds(tx: Transaction): Promise<void> {
  await tx
    .table<{ server: StoredTicket | null; view: StoredTicket | null }>('tickets')
    .toCollection()
    .modify((row) => {
      row.server = withUserIds(row.server);
      row.view = withUserIds(row.view);
    });
  for (const table of ['outbox', 'deadLetters']) {
    await tx
      .table<Stored<Omit<OutboxEntry, 'authorId'>>>(table)
      .toCollection()
      .modify((row) => {
        row.authorId ??= DEVICE_USER.id;
      });
  }
}
