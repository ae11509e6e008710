import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/domain/ticket';
import { createAppDb, SCHEMA_V1, SCHEMA_V2 } from '../../../../renderer/db/schema';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { ORG, orgChange, serverTicket, T0, TEAM, userChange } from './db-fixture';

// Schema v3 (the team, people by user id) opens a database v2 left: nothing the engineer had is
// lost, and what was stored in the old shape keeps working.

/** A ticket as v2 stored it: the assignee and every author a name, no hand-over history. */
function v2Ticket() {
  const ticket: Partial<Ticket> & Pick<Ticket, 'createdAt' | 'comments'> = serverTicket('old-1', 1);
  delete ticket.assignments;
  return {
    ...ticket,
    assignee: 'Белова Марина',
    events: [{ type: 'reacted', at: ticket.createdAt, commandId: 'r1', author: 'Белова Марина' }],
    comments: ticket.comments.map(({ authorId: _id, ...comment }) => comment),
  };
}

const pendingRow = {
  seq: 7,
  commandId: '00000000-0000-7000-8000-000000000007',
  type: 'comment',
  ticketId: 'old-1',
  baseVersion: 2,
  payload: { text: 'набрано без связи' },
  actedAt: T0,
  offsetMs: null,
  author: '@me',
};

async function databaseAsV2Left(name: string, deps: ConstructorParameters<typeof Dexie>[1]) {
  const old = new Dexie(name, deps);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  const ticket = v2Ticket();
  await old
    .table('organizations')
    .put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0, name: ORG.name });
  await old.table('tickets').put({
    id: 'old-1',
    server: ticket,
    serverVersion: 2,
    deleted: 0,
    view: {
      ...ticket,
      comments: [
        ...ticket.comments,
        {
          ...pendingRow.payload,
          commandId: pendingRow.commandId,
          author: '@me',
          at: new Date(T0).toISOString(),
        },
      ],
    },
    pending: 1,
    failing: [],
    seenEpoch: 0,
    state: 'open',
    organizationId: ORG.id,
    assignee: 'Белова Марина',
  });
  await old
    .table('queue')
    .put({ id: 'old-1', urgency: [0, 1, 2, 3, 'old-1'], assignee: 'Белова Марина' });
  await old.table('outbox').add(pendingRow);
  await old.table('deadLetters').put({
    ...pendingRow,
    seq: 5,
    commandId: '00000000-0000-7000-8000-000000000005',
    type: 'react',
    payload: {},
    status: 'conflict',
    error: {
      code: 'assigned_elsewhere',
      message: 'react: the ticket is already in work by Белова Марина',
    },
    deadAt: T0,
  });
  await old.table('meta').bulkPut([
    { key: 'nextSeq', value: 8 },
    { key: 'cursor', value: { cursor: 'c-41', previous: [] } },
    { key: 'deviceId', value: 'device-1' },
  ]);
  old.close();
}

describe('schema v3', () => {
  it('keeps tickets, queue lines, pending actions, refused actions and the sync position', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await databaseAsV2Left('upgrade-v3', deps);
    const db = createAppDb('upgrade-v3', deps);

    const row = (await db.tickets.get('old-1'))!;
    expect(row.serverVersion).toBe(2);
    expect(row.pending).toBe(1);
    // The new fields arrive with "not known" values; names stay as they read.
    expect(row.server).toMatchObject({
      assignee: 'Белова Марина',
      assignments: [],
      events: [{ type: 'reacted', author: 'Белова Марина', authorId: null }],
    });
    expect(row.view!.comments.at(-1)).toMatchObject({ text: 'набрано без связи', authorId: null });
    expect(await db.queue.count()).toBe(1);
    // Queued and refused actions were this device's user's.
    expect(await db.outbox.toArray()).toEqual([{ ...pendingRow, authorId: '@me' }]);
    expect(await db.deadLetters.toArray()).toMatchObject([
      { type: 'react', status: 'conflict', authorId: '@me', error: { code: 'assigned_elsewhere' } },
    ]);
    expect(Object.fromEntries((await db.meta.toArray()).map((m) => [m.key, m.value]))).toEqual({
      nextSeq: 8,
      cursor: { cursor: 'c-41', previous: [] },
      deviceId: 'device-1',
    });
    expect(await db.users.count()).toBe(0);
    db.close();
  });

  it('goes on working after the upgrade: the team arrives, a new action joins the old one', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await databaseAsV2Left('upgrade-v3-use', deps);
    const db = createAppDb('upgrade-v3-use', deps);
    await applyPulledPage(db, {
      changes: [orgChange(ORG), ...TEAM.map(userChange)],
      nextCursor: 'c-42',
      hasMore: false,
    });
    expect((await db.users.toArray()).map((user) => user.id).sort()).toEqual([
      'andreev',
      'belova',
      'gusev',
    ]);
    const actions = createTicketActions(db, { now: () => T0 + 60_000 });
    expect(await actions.perform('comment', 'old-1', { text: 'после обновления' })).toMatchObject({
      ok: true,
    });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => [e.seq, e.authorId])).toEqual([
      [7, '@me'],
      [8, '@me'],
    ]);
    db.close();
  });
});
