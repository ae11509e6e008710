import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { applyCommand } from '../../../../shared/domain/apply-command';
import type { Organization, Ticket } from '../../../../shared/domain/ticket';
import type { User, UserRef } from '../../../../shared/domain/user';
import type { Change } from '../../../../shared/erp/protocol';
import { createAppDb, type AppDb } from '../../../../renderer/db/schema';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { saveMe } from '../../../../renderer/db/repos/users';
import { intake } from '../../../fixtures/sync/inputs';

export const ORG: Organization = {
  id: 'org-msk-stolitsa',
  name: 'ГБУ «Столица»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['operator01'],
  contactEmails: ['it@example.ru'],
  version: 1,
};
/** The signed-in engineer of these tests, and a colleague. */
export const ME: UserRef = { id: 'andreev', name: 'Андреев Павел' };
export const COLLEAGUE: UserRef = { id: 'belova', name: 'Белова Марина' };
export const TEAM: User[] = [
  { ...ME, active: true, version: 1 },
  { ...COLLEAGUE, active: true, version: 1 },
  { id: 'gusev', name: 'Гусев Константин', active: false, version: 2 },
];
export const T0 = Date.parse('2026-11-25T07:00:00Z');

let n = 0;
export function openTestDb(): AppDb {
  return createAppDb(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/**
 * A database that knows the organization and the team, signed in as ME (the ERP said so), with
 * repos whose clock and ids are fixed.
 */
export async function seededDb(onOpen?: (db: AppDb) => void) {
  const db = openTestDb();
  onOpen?.(db);
  await applyPulledPage(db, {
    changes: [orgChange(ORG), ...TEAM.map(userChange)],
    nextCursor: 'c0',
    hasMore: false,
  });
  await saveMe(db, { ...ME, checkedAt: new Date(T0).toISOString() });
  let clock = T0;
  let ids = 0;
  const actions = createTicketActions(db, {
    now: () => (clock += 60_000),
    newId: () => `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
  });
  return { db, actions };
}

export const orgChange = (org: Organization): Change => ({
  entity: 'organization',
  id: org.id,
  version: org.version,
  deleted: false,
  data: org,
});
export const userChange = (user: User): Change => ({
  entity: 'user',
  id: user.id,
  version: user.version,
  deleted: false,
  data: user,
});
export const ticketChange = (ticket: Ticket): Change => ({
  entity: 'ticket',
  id: ticket.id,
  version: ticket.version,
  deleted: false,
  data: ticket,
});
export const tombstone = (id: string, version: number): Change => ({
  entity: 'ticket',
  id,
  version,
  deleted: true,
  data: null,
});

/** A ticket as the server would hold it: created, then `comments` comments by someone else. */
export function serverTicket(id: string, comments = 0): Ticket {
  const at = new Date(T0).toISOString();
  const ctx = {
    commandId: id,
    ticketId: id,
    author: COLLEAGUE.name,
    authorId: COLLEAGUE.id,
    at,
    adjusted: false,
    baseVersion: null,
    organization: ORG,
    users: (userId: string) => TEAM.find((user) => user.id === userId),
    now: at,
    nextNumber: () => 42,
  };
  const created = applyCommand(null, 'create', { ...intake(ORG.id, 'Сервер'), createdAt: at }, ctx);
  if (created.status !== 'applied') throw new Error('fixture');
  let ticket = created.ticket;
  for (let i = 0; i < comments; i++) {
    const next = applyCommand(
      ticket,
      'comment',
      { text: `с сервера ${i}` },
      { ...ctx, commandId: `${id}-c${i}`, baseVersion: ticket.version },
    );
    if (next.status === 'applied') ticket = next.ticket;
  }
  return ticket;
}
