import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetterNotice } from '../../../shared/sync/ports';
import { retryDeadLetter } from '../../../renderer/db/repos/dead-letters';
import { startErpHarness, USERS, type ErpHarness } from '../../fixtures/sync/erp-harness';
import {
  comment,
  expectConverged,
  registeredTicket,
  syncedDevice,
} from '../../fixtures/sync/scenario';

// Two engineers, two devices, one ticket: who has it, decided by the ERP from the tokens, and
// nothing either of them typed is lost when they collide.

let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());

describe('who has the ticket, across devices', () => {
  it('both take the same ticket offline: the second is told who has it and keeps the rest', async () => {
    const a = await syncedDevice(harness, 'a');
    const b = await syncedDevice(harness, 'b');
    const id = await registeredTicket(a);
    await b.syncUntilSettled();

    // Both without a network: each takes the ticket; Белова also writes and pauses.
    expect(await a.perform('react', id, {})).toMatchObject({ ok: true });
    expect(await b.perform('react', id, {})).toMatchObject({ ok: true });
    await comment(b, id, 'Выехала на объект, жду доступа в серверную');
    expect(await b.perform('pause', id, { reason: 'awaiting_user_action' })).toMatchObject({
      ok: true,
    });
    // On her own device the ticket is hers until the ERP says otherwise.
    expect((await b.db.tickets.get(id))!.view!.assignee).toBe(USERS.b.id);

    expect((await a.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    const notices: DeadLetterNotice[] = [];
    b.engine.subscribe((event) => event.type === 'dead-letters' && notices.push(...event.notices));
    expect((await b.syncUntilSettled()).at(-1)).toEqual({ ok: true });

    // Only her "take" is refused, and the refusal names Андреев, for her screen to say in words.
    expect(notices).toMatchObject([{ type: 'react', status: 'conflict' }]);
    const [letter] = await b.db.deadLetters.toArray();
    expect(letter).toMatchObject({
      type: 'react',
      status: 'conflict',
      authorId: USERS.b.id,
      error: { code: 'assigned_elsewhere', holder: { id: USERS.a.id, name: USERS.a.name } },
    });
    expect(letter!.error.message).toContain(USERS.a.name);

    // What she typed reached the ERP, signed as hers; the ticket stays Андреев's.
    const server = (await harness.snapshot()).tickets.get(id)!.data as {
      assignee: string;
      comments: Array<{ text: string; authorId: string }>;
      events: Array<{ type: string; authorId: string }>;
    };
    expect(server.assignee).toBe(USERS.a.id);
    expect(server.comments.at(-1)).toMatchObject({
      text: 'Выехала на объект, жду доступа в серверную',
      authorId: USERS.b.id,
    });
    expect(server.events.map((e) => [e.type, e.authorId])).toEqual([
      ['reacted', USERS.a.id],
      ['paused', USERS.b.id],
    ]);
    const row = (await b.db.tickets.get(id))!;
    expect(row.view!.assignee).toBe(USERS.a.id);
    expect((await b.db.queue.get(id))?.assignee).toBe(USERS.a.id);

    // Sending the take again meets the ticket as it is now: still Андреев's, still said so.
    expect(await retryDeadLetter(b.db, b.actions, letter!.commandId)).toMatchObject({
      ok: false,
      error: { code: 'assigned_elsewhere', holder: { id: USERS.a.id } },
    });
    expect(await b.db.deadLetters.count()).toBe(1);

    await expectConverged(harness, [a, b]);
    a.close();
    b.close();
  });

  it('a hand-over reaches the colleague’s device, who then has the ticket', async () => {
    const a = await syncedDevice(harness, 'a');
    const b = await syncedDevice(harness, 'b');
    const id = await registeredTicket(a);
    await a.perform('react', id, {});
    expect(await a.perform('assign', id, { to: USERS.b.id })).toMatchObject({ ok: true });
    await a.syncUntilSettled();
    await b.syncUntilSettled();

    const line = await b.db.queue.get(id);
    expect(line?.assignee).toBe(USERS.b.id);
    expect((await b.db.tickets.get(id))!.view!.assignments.at(-1)).toMatchObject({
      authorId: USERS.a.id,
      from: { id: USERS.a.id, name: USERS.a.name },
      to: { id: USERS.b.id, name: USERS.b.name },
    });
    // The colleague takes it from there: releasing it is hers to do.
    expect(await b.perform('assign', id, { to: null })).toMatchObject({ ok: true });
    await expectConverged(harness, [a, b]);
    expect((await a.db.tickets.get(id))!.view!.assignee).toBeNull();
    a.close();
    b.close();
  });

  it('a hand-over decided offline after a colleague reassigned it is refused, naming who has it', async () => {
    const a = await syncedDevice(harness, 'a');
    const c = await syncedDevice(harness, 'c');
    const id = await registeredTicket(a);
    await a.perform('react', id, {});
    await a.syncUntilSettled();
    await c.syncUntilSettled();

    // Андреев, offline, hands the ticket to Белова; meanwhile Гусев took it over and synced.
    expect(await a.perform('assign', id, { to: USERS.b.id })).toMatchObject({ ok: true });
    await comment(a, id, 'Передаю: нужен выезд в Новосибирск');
    expect(await c.perform('assign', id, { to: USERS.c.id })).toMatchObject({ ok: true });
    await c.syncUntilSettled();

    await a.syncUntilSettled();
    expect(await a.db.deadLetters.toArray()).toMatchObject([
      {
        type: 'assign',
        payload: { to: USERS.b.id },
        error: { code: 'assignment_changed', holder: { id: USERS.c.id, name: USERS.c.name } },
      },
    ]);
    const view = (await a.db.tickets.get(id))!.view!;
    expect(view.assignee).toBe(USERS.c.id);
    expect(view.comments.at(-1)?.text).toBe('Передаю: нужен выезд в Новосибирск');
    await expectConverged(harness, [a, c]);
    a.close();
    c.close();
  });
});
