import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createAppDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V4,
  SCHEMA_V7,
} from '../../../../renderer/db/schema';
import { listMaintenanceWindows } from '../../../../renderer/db/repos/maintenance-windows';
import { createWindowCommands } from '../../../../renderer/db/repos/window-commands';
import { ME, ORG, serverTicket, T0 } from './db-fixture';

// Schema v9 opens a database v8 left (tickets, a backlog in the outbox, a refused action, the
// cursor): everything stays as it was, the outbox gains its type index, windows start empty, and
// the next action takes the next seq.

const TABLES = ['tickets', 'organizations', 'users', 'outbox', 'deadLetters', 'meta', 'queue'];

function outboxRow(seq: number, type: string, ticketId: string) {
  return {
    seq,
    commandId: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type,
    ticketId,
    baseVersion: 1,
    payload: type === 'comment' ? { text: `комментарий ${seq}` } : {},
    actedAt: T0 + seq * 60_000,
    offsetMs: null,
    author: ME.name,
    authorId: ME.id,
  };
}

describe('schema v9', () => {
  it('keeps everything v8 stored and adds maintenance windows', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('upgrade-v9', deps);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores({ users: 'id, seenEpoch' });
    old.version(4).stores(SCHEMA_V4);
    old.version(5).stores({ drafts: 'key, ticketId' });
    old.version(6).stores({ blobs: 'sha256, state, openedAt' });
    old.version(7).stores(SCHEMA_V7);
    old.version(8).stores({});
    const ticket = serverTicket('t1', 1);
    await old.table('tickets').put({
      id: 't1',
      server: ticket,
      serverVersion: ticket.version,
      deleted: 0,
      view: ticket,
      pending: 2,
      failing: [],
      seenEpoch: 0,
      organizationId: ORG.id,
    });
    await old
      .table('organizations')
      .put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0, name: ORG.name });
    await old.table('outbox').bulkPut([outboxRow(7, 'comment', 't1'), outboxRow(8, 'react', 't1')]);
    await old.table('deadLetters').put({
      ...outboxRow(3, 'pause', 't1'),
      status: 'rejected',
      error: { code: 'invalid_transition', message: 'нет' },
      deadAt: T0,
    });
    await old.table('meta').bulkPut([
      { key: 'nextSeq', value: 9 },
      { key: 'cursor', value: { cursor: 'c41', previous: ['c40'] } },
      { key: 'me', value: { ...ME, checkedAt: new Date(T0).toISOString() } },
    ]);
    const before = Object.fromEntries(
      await Promise.all(
        TABLES.map(async (name) => [name, await old.table(name).toArray()] as const),
      ),
    );
    old.close();

    const db = createAppDb('upgrade-v9', deps);
    for (const name of TABLES) expect(await db.table(name).toArray(), name).toEqual(before[name]);
    expect(db.verno).toBe(9);
    expect((await db.outbox.where('type').equals('react').toArray()).map((r) => r.seq)).toEqual([
      8,
    ]);
    expect(await listMaintenanceWindows(db)).toEqual([]);

    // Saturday 2026-12-12 10:00–14:00 in Moscow: allowed hours. The plan queues behind the backlog.
    const { id } = await createWindowCommands(db, { now: () => T0 }).plan({
      organizationId: ORG.id,
      startsAt: '2026-12-12T07:00:00Z',
      endsAt: '2026-12-12T11:00:00Z',
      unavailable: 'Отчёты',
      mode: 'normal',
    });
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => [r.seq, r.type])).toEqual([
      [7, 'comment'],
      [8, 'react'],
      [9, 'plan_window'],
    ]);
    expect(await listMaintenanceWindows(db)).toMatchObject([{ id, pending: true }]);
    db.close();
  });
});
