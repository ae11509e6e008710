import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { recordAcks } from '../../../../renderer/db/repos/push-acks';
import {
  listDeadLetters,
  listRefusedLetters,
  retryDeadLetter,
} from '../../../../renderer/db/repos/dead-letters';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { createDexieSyncStore } from '../../../../renderer/db/sync-store';
import { ME, ORG, seededDb, serverTicket, T0, ticketChange } from './db-fixture';

const refusal = { code: 'rejected_by_erp', message: 'отклонено' };

/** A known ticket and one action on it that the ERP refused for good. */
async function withDeadLetter(type: 'comment' | 'pause') {
  const fixture = await seededDb();
  await applyPulledPage(fixture.db, {
    changes: [ticketChange(serverTicket('t1'))],
    nextCursor: 'c1',
    hasMore: false,
  });
  const queued =
    type === 'comment'
      ? await fixture.actions.perform('comment', 't1', { text: 'повторить' })
      : await fixture.actions.perform('pause', 't1', {
          reason: 'awaiting_user_info',
          note: 'ждём лог',
        });
  if (!queued.ok || queued.commandId === null) throw new Error('fixture: action not queued');
  await recordAcks(
    fixture.db,
    [{ commandId: queued.commandId, outcome: 'dead', status: 'rejected', error: refusal }],
    T0,
  );
  return { ...fixture, letterId: queued.commandId };
}

describe('retrying a refused action', () => {
  it('two concurrent retries (a double click) queue the command exactly once', async () => {
    const { db, actions, letterId } = await withDeadLetter('comment');
    const results = await Promise.all([
      retryDeadLetter(db, actions, letterId),
      retryDeadLetter(db, actions, letterId),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.type, e.payload])).toEqual([['comment', { text: 'повторить' }]]);
    expect(await listDeadLetters(db)).toEqual([]);
    expect((await db.tickets.get('t1'))!.pending).toBe(1);
  });

  it('an action the ticket as it is now refuses keeps its letter and returns the reason', async () => {
    const { db, actions, letterId } = await withDeadLetter('pause');
    // The ticket was paused meanwhile from this device, so a second pause is refused.
    await actions.perform('pause', 't1', { reason: 'user_unreachable', note: 'не отвечает' });
    const before = await db.outbox.toArray();
    const result = await retryDeadLetter(db, actions, letterId);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect((await listDeadLetters(db)).map((l) => l.commandId)).toEqual([letterId]);
    expect(await db.outbox.toArray()).toEqual(before);
  });

  it('tells the sync engine only after the letter is gone, so its counts are current', async () => {
    const { db, letterId } = await withDeadLetter('comment');
    const store = createDexieSyncStore(db);
    const seen: Promise<{ pending: number; deadLetters: number }>[] = [];
    const actions = createTicketActions(db, {
      author: ME,
      onRecorded: () => seen.push(store.counts()),
    });
    expect(await retryDeadLetter(db, actions, letterId)).toMatchObject({ ok: true });
    expect(await Promise.all(seen)).toEqual([{ pending: 1, deadLetters: 0 }]);
  });
});

describe('the list of refused actions', () => {
  it('names each by its ticket (the ERP’s copy) and gives the customer’s zone', async () => {
    const { db, letterId } = await withDeadLetter('pause');
    const [refused] = await listRefusedLetters(db);
    expect(refused).toMatchObject({
      letter: { commandId: letterId, type: 'pause', payload: { note: 'ждём лог' } },
      ticket: { id: 't1', number: 42 },
      number: 42,
      title: 'Сервер',
      timeZone: ORG.timeZone,
    });
  });

  it('names a refused registration by the title that was typed', async () => {
    const fixture = await seededDb();
    const created = await fixture.actions.create({
      organizationId: ORG.id,
      account: 'operator',
      reporterEmail: 'it@example.ru',
      priority: 3,
      title: 'Не печатается направление',
      steps: 'Печать',
      expected: 'Печатается',
      actual: 'Ошибка',
      diagnostics: 'Сеть в норме',
      notUserSideConfirmed: true,
      createdAt: new Date(T0 - 60_000).toISOString(),
    });
    if (!created.ok || created.commandId === null) throw new Error('fixture: not queued');
    await recordAcks(
      fixture.db,
      [{ commandId: created.commandId, outcome: 'dead', status: 'rejected', error: refusal }],
      T0,
    );
    const [refused] = await listRefusedLetters(fixture.db);
    expect(refused).toMatchObject({
      ticket: null,
      number: null,
      title: 'Не печатается направление',
    });
  });
});
