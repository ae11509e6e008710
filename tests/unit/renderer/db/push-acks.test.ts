import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { recordAcks, renumberOutbox } from '../../../../renderer/db/repos/push-acks';
import {
  dismissDeadLetter,
  listDeadLetters,
  retryDeadLetter,
} from '../../../../renderer/db/repos/dead-letters';
import { createDexieSyncStore } from '../../../../renderer/db/sync-store';
import { seededDb, serverTicket, T0, ticketChange } from './db-fixture';

async function withTicket() {
  const fixture = await seededDb();
  await applyPulledPage(fixture.db, {
    changes: [ticketChange(serverTicket('t1'))],
    nextCursor: 'c1',
    hasMore: false,
  });
  const ids: string[] = [];
  for (const text of ['один', 'два', 'три']) {
    const result = await fixture.actions.perform('comment', 't1', { text });
    if (result.ok) ids.push(result.commandId!);
  }
  return { ...fixture, ids };
}
const texts = async (db: Awaited<ReturnType<typeof seededDb>>['db']) =>
  (await db.tickets.get('t1'))!.view!.comments.map((c) => c.text);

describe('recording the answers to a push', () => {
  it('applied: the command leaves the outbox and the view keeps it', async () => {
    const { db, ids } = await withTicket();
    await recordAcks(db, [{ commandId: ids[0]!, outcome: 'done', status: 'applied' }], T0);
    expect(await db.outbox.count()).toBe(2);
    expect(await texts(db)).toEqual(['один', 'два', 'три']);
    expect((await db.tickets.get('t1'))!.pending).toBe(2);
  });

  it('the last answer with the server copy makes the view exactly the server’s', async () => {
    const { db, ids } = await withTicket();
    const copy = serverTicket('t1', 5);
    await recordAcks(
      db,
      ids.map((commandId) => ({
        commandId,
        outcome: 'done' as const,
        status: 'applied' as const,
        ticket: copy,
      })),
      T0,
    );
    expect(await db.tickets.get('t1')).toMatchObject({
      view: copy,
      server: copy,
      serverVersion: 6,
      pending: 0,
    });
  });

  it('conflict or rejected: a dead letter with the server message, and the view drops the command', async () => {
    const { db, ids } = await withTicket();
    const error = { code: 'assigned_elsewhere', message: 'уже в работе у Беловой' };
    await recordAcks(db, [{ commandId: ids[1]!, outcome: 'dead', status: 'conflict', error }], T0);
    expect(await texts(db)).toEqual(['один', 'три']);
    const letters = await listDeadLetters(db);
    expect(letters).toMatchObject([
      { commandId: ids[1], status: 'conflict', error, deadAt: T0, type: 'comment' },
    ]);
    expect(await createDexieSyncStore(db).counts()).toEqual({ pending: 2, deadLetters: 1 });
  });

  it('an answer for a command no longer pending changes nothing (a duplicate delivery)', async () => {
    const { db, ids } = await withTicket();
    await recordAcks(db, [{ commandId: ids[0]!, outcome: 'done', status: 'applied' }], T0);
    const before = await db.tickets.toArray();
    await recordAcks(
      db,
      [
        {
          commandId: ids[0]!,
          outcome: 'dead',
          status: 'rejected',
          error: { code: 'x', message: 'y' },
        },
      ],
      T0,
    );
    expect(await db.tickets.toArray()).toEqual(before);
    expect(await db.deadLetters.count()).toBe(0);
  });

  it('renumbering keeps order and ids and moves the next seq', async () => {
    const { db, ids } = await withTicket();
    await renumberOutbox(db, 10);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => [e.seq, e.commandId])).toEqual(
      ids.map((id, i) => [10 + i, id]),
    );
    expect((await db.meta.get('nextSeq'))?.value).toBe(13);
  });
});

describe('dead letters', () => {
  it('can be dismissed, or retried as a new command', async () => {
    const { db, actions, ids } = await withTicket();
    const error = { code: 'x', message: 'отклонено' };
    await recordAcks(
      db,
      ids.map((commandId) => ({
        commandId,
        outcome: 'dead' as const,
        status: 'rejected' as const,
        error,
      })),
      T0,
    );
    await dismissDeadLetter(db, ids[0]!);
    const retried = await retryDeadLetter(db, actions, ids[1]!);
    expect(retried.ok && retried.commandId).not.toBe(ids[1]);
    expect((await listDeadLetters(db)).map((l) => l.commandId)).toEqual([ids[2]]);
    expect((await db.outbox.toArray()).map((e) => e.payload)).toEqual([{ text: 'два' }]);
    expect(await retryDeadLetter(db, actions, 'missing')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('the sync store', () => {
  it('creates the device id once', async () => {
    const { db } = await seededDb();
    const store = createDexieSyncStore(db);
    const first = await store.loadMeta();
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await store.loadMeta()).deviceId).toBe(first.deviceId);
    expect(first).toMatchObject({
      cursor: 'c0',
      previousCursors: [],
      clockOffset: null,
      lastSuccessAt: null,
    });
  });
});
