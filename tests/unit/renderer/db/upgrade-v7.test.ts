import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toQueueEntry } from '../../../../shared/queue/queue-entry';
import {
  createAppDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V4,
  SCHEMA_V7,
} from '../../../../renderer/db/schema';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { ORG, serverTicket, T0, ticketChange } from './db-fixture';

// Schema v7 drops the tickets' `state` index (nothing but the v2 and v4 upgrades read it). A
// database v6 left opens with everything it held, its rows untouched, and keeps working.

const pending = {
  seq: 3,
  commandId: '00000000-0000-7000-8000-000000000003',
  type: 'comment',
  ticketId: 'kept',
  baseVersion: 1,
  payload: { text: 'набрано без связи' },
  actedAt: T0,
  offsetMs: null,
  author: '@me',
};

async function databaseAsV6Left(name: string, deps: ConstructorParameters<typeof Dexie>[1]) {
  const old = new Dexie(name, deps);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores({ users: 'id, seenEpoch' });
  old.version(4).stores(SCHEMA_V4);
  old.version(5).stores({ drafts: 'key, ticketId' });
  old.version(6).stores({ blobs: 'sha256, state, openedAt' });
  const ticket = serverTicket('kept');
  await old
    .table('organizations')
    .put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0, name: ORG.name });
  // A row as v6 wrote it: the view's queue fields lifted to the top level.
  await old.table('tickets').put({
    id: 'kept',
    server: ticket,
    serverVersion: ticket.version,
    deleted: 0,
    view: ticket,
    pending: 1,
    failing: [],
    seenEpoch: 0,
    organizationId: ORG.id,
    priority: ticket.priority,
    state: ticket.state,
    assignee: '',
    number: ticket.number,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  });
  await old.table('queue').put(toQueueEntry(ticket, ORG, 1, 0));
  await old.table('outbox').put(pending);
  await old.table('meta').put({ key: 'cursor', value: { cursor: 'c9', previous: [] } });
  old.close();
}

describe('schema v7', () => {
  it('opens a v6 database with its tickets, lines and pending commands, without the state index', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await databaseAsV6Left('v6', deps);
    const db = createAppDb('v6', deps);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(db.tickets.schema.indexes.map((index) => index.name).sort()).toEqual(
      SCHEMA_V7.tickets.split(', ').slice(1).sort(),
    );
    expect(await db.tickets.get('kept')).toMatchObject({ pending: 1, state: 'open' });
    expect(await db.queue.get('kept')).toMatchObject({ id: 'kept', pending: 1 });
    expect(await db.outbox.toArray()).toEqual([pending]);
    expect(await db.tickets.where('organizationId').equals(ORG.id).primaryKeys()).toEqual(['kept']);

    // A newer version pulled on top: the view is rebuilt with the pending comment, and the row is
    // written in v7's shape (only the organization lifted).
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('kept', 1))],
      nextCursor: 'c10',
      hasMore: false,
    });
    const row = (await db.tickets.get('kept')) as unknown as Record<string, unknown>;
    expect(row).toMatchObject({ serverVersion: 2, pending: 1, organizationId: ORG.id });
    expect(row['state']).toBeUndefined();
    expect(
      (row['view'] as { comments: Array<{ text: string }> }).comments.map((c) => c.text),
    ).toContain('набрано без связи');
    expect(await db.queue.get('kept')).toMatchObject({ pending: 1 });
    db.close();
  });
});
