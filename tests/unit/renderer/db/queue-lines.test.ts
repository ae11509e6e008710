import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { compareUrgency } from '@shared/queue/queue-entry';
import { createAppDb, SCHEMA_V1 } from '../../../../renderer/db/schema';
import { intake } from '../../../fixtures/sync/inputs';
import { ORG, orgChange, seededDb, serverTicket, ticketChange } from './db-fixture';

describe('queue lines', () => {
  it('follow every local action: created, counted as pending, gone once resolved', async () => {
    const { db, actions } = await seededDb();
    const created = await actions.create(intake(ORG.id, 'Не формируется отчёт'));
    const id = created.ok ? created.ticketId : '';
    expect(await db.queue.get(id)).toMatchObject({
      id,
      pending: 1,
      clock: 'reaction',
      title: 'Не формируется отчёт',
    });
    await actions.perform('react', id, {});
    expect(await db.queue.get(id)).toMatchObject({ pending: 2, clock: 'resolution' });
    await actions.perform('resolve', id, { result: 'Исправлено в 2.4.1' });
    expect(await db.queue.get(id)).toBeUndefined();
  });

  it('follow pulled pages, and are derived again when the organization changes its zone', async () => {
    const { db } = await seededDb();
    const ticket = serverTicket('srv-1');
    await applyPulledPage(db, {
      changes: [ticketChange(ticket)],
      nextCursor: 'c1',
      hasMore: false,
    });
    const before = (await db.queue.get('srv-1'))!;
    expect(before.timeZone).toBe('Europe/Moscow');
    // Moscow is UTC+3, Vladivostok UTC+10 (no DST in Russia): the same working hours come 7 h earlier.
    await applyPulledPage(db, {
      changes: [orgChange({ ...ORG, timeZone: 'Asia/Vladivostok', version: ORG.version + 1 })],
      nextCursor: 'c2',
      hasMore: false,
    });
    const after = (await db.queue.get('srv-1'))!;
    expect(after.timeZone).toBe('Asia/Vladivostok');
    expect(after.dueMs).not.toBe(before.dueMs);
  });

  it('come out of the urgency index in the order the queue sorts them', async () => {
    const { db, actions } = await seededDb();
    const ids: string[] = [];
    for (const priority of [4, 1, 3, 2, 1, 4] as const) {
      const created = await actions.create(intake(ORG.id, `П${priority}`, priority));
      if (created.ok) ids.push(created.ticketId);
    }
    await actions.perform('react', ids[1]!, {});
    await actions.perform('pause', ids[1]!, { reason: 'awaiting_user_info' });
    const byIndex = (await db.queue.orderBy('urgency').toArray()).map((line) => line.id);
    const bySort = (await db.queue.toArray()).sort(compareUrgency).map((line) => line.id);
    expect(byIndex).toEqual(bySort);
    expect(byIndex.at(-1)).toBe(ids[1]); // the paused one: its deadline is unknown
  });

  it('are built for tickets stored before the queue table existed (schema upgrade)', async () => {
    const name = 'upgrade-test';
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie(name, deps);
    old.version(1).stores(SCHEMA_V1);
    const ticket = serverTicket('old-1');
    await old
      .table('organizations')
      .put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0, name: ORG.name });
    await old.table('tickets').bulkPut([
      {
        id: 'old-1',
        server: ticket,
        serverVersion: 1,
        deleted: 0,
        view: ticket,
        pending: 0,
        failing: [],
        seenEpoch: 0,
        state: 'open',
        organizationId: ORG.id,
      },
      {
        id: 'old-2',
        server: null,
        serverVersion: 3,
        deleted: 1,
        view: null,
        pending: 0,
        failing: [],
        seenEpoch: 0,
      },
    ]);
    old.close();
    const db = createAppDb(name, deps);
    expect((await db.queue.toArray()).map((line) => line.id)).toEqual(['old-1']);
    db.close();
  });
});
