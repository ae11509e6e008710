import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import type { Ticket } from '../../../shared/domain/ticket';
import type { DeadLetterNotice } from '../../../shared/sync/ports';
import { findProblems } from '../../fixtures/sync/invariants';
import { startErpHarness, USERS, type ErpHarness } from '../../fixtures/sync/erp-harness';
import { intake, ORG } from '../../fixtures/sync/inputs';
import { insertRaw, loseOutboxRow } from '../../fixtures/sync/raw-outbox';
import {
  comment,
  expectConverged,
  registeredTicket,
  syncedDevice,
} from '../../fixtures/sync/scenario';

let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness({ deferUnknownTicketMs: 60_000 });
});
afterAll(() => harness.close());
afterEach(() => harness.erp.faults.reset());

const YEAR = 365 * 24 * 3600_000;

describe('refusals reach the user and never block the queue', () => {
  it('conflict after reassignment: the loser gets a dead letter with the server message', async () => {
    const a = await syncedDevice(harness, 'a');
    const id = await registeredTicket(a);
    const b = await syncedDevice(harness, 'b');
    await b.perform('react', id, {});
    await comment(b, id, 'беру в работу');
    await a.perform('react', id, {});
    await a.syncUntilSettled();
    const notices: DeadLetterNotice[] = [];
    b.engine.subscribe((event) => event.type === 'dead-letters' && notices.push(...event.notices));
    expect((await b.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(notices).toMatchObject([{ type: 'react', status: 'conflict' }]);
    expect(notices[0]!.message).toContain(USERS.a.name);
    expect(b.engine.status().deadLetters).toBe(1);
    const row = (await b.db.tickets.get(id))!;
    expect(row.view?.assignee).toBe(USERS.a.id);
    expect(row.view?.comments.at(-1)?.text).toBe('беру в работу');
    await expectConverged(harness, [a, b]);
    a.close();
    b.close();
  });

  it('poison commands among good ones: each poison is dead-lettered, the rest applied in order', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'хороший 1');
    // Refused by the server's rules, not a valid comment at all, and too big for any request.
    await insertRaw(device, {
      commandId: uuidv4(),
      type: 'comment',
      ticketId: id,
      payload: { text: '' },
    });
    await insertRaw(device, {
      commandId: 'not-a-uuid',
      type: 'comment',
      ticketId: id,
      payload: { text: 'x' },
    });
    // A time that is no instant at all (corrupt storage) cannot even be written on the wire.
    await insertRaw(device, {
      commandId: uuidv4(),
      type: 'comment',
      ticketId: id,
      payload: { text: 'y' },
      actedAt: Number.NaN,
    });
    const huge = 'я'.repeat(4_500_000);
    await insertRaw(device, {
      commandId: uuidv4(),
      type: 'comment',
      ticketId: id,
      payload: { text: huge },
    });
    await comment(device, id, 'хороший 2');
    expect((await device.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    const letters = await device.db.deadLetters.toArray();
    expect(letters.map((l) => [l.status, l.error.code]).sort()).toEqual([
      ['local', 'invalid_command'],
      ['local', 'invalid_command'],
      ['rejected', 'body_too_large'],
      ['rejected', 'invalid_payload'],
    ]);
    const ticket = (await device.db.tickets.get(id))!.view as Ticket;
    expect(ticket.comments.map((c) => c.text)).toEqual(['хороший 1', 'хороший 2']);
    await expectConverged(harness, [device]);
    device.close();
  });

  it('a deleted ticket with pending comments: the comments come back as dead letters', async () => {
    const a = await syncedDevice(harness, 'a');
    const id = await registeredTicket(a);
    const b = await syncedDevice(harness, 'b');
    await comment(a, id, 'комментарий к удалённой');
    await comment(a, id, 'ещё один');
    expect(await harness.erp.deleteTicket(id)).toBe(true);
    await a.syncUntilSettled();
    const letters = await a.db.deadLetters.toArray();
    expect(letters.map((l) => l.error.code)).toEqual(['ticket_deleted', 'ticket_deleted']);
    expect(await a.db.tickets.get(id)).toMatchObject({ deleted: 1, view: null });
    await expectConverged(harness, [a, b]);
    expect(await b.db.tickets.get(id)).toMatchObject({ deleted: 1, view: null });
    a.close();
    b.close();
  });
});

describe('the sequence', () => {
  it('a lost outbox row (seq gap): the rest are renumbered and delivered', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    const sent = [];
    for (let i = 1; i <= 4; i++) sent.push(await comment(device, id, `по порядку ${i}`));
    await loseOutboxRow(device, sent[1]!.ok ? sent[1]!.commandId! : '');
    await expectConverged(harness, [device]);
    const ticket = (await device.db.tickets.get(id))!.view!;
    expect(ticket.comments.map((c) => c.text)).toEqual([
      'по порядку 1',
      'по порядку 3',
      'по порядку 4',
    ]);
    device.close();
  });

  it('a gap behind commands the server already stored (answer lost)', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'сохранён 1');
    await comment(device, id, 'сохранён 2');
    harness.erp.faults.set({ resetAfterCommit: 1 });
    expect((await device.engine.syncNow()).ok).toBe(false);
    await comment(device, id, 'новый 3');
    const lost = await comment(device, id, 'потерян 4');
    await comment(device, id, 'новый 5');
    await loseOutboxRow(device, lost.ok ? lost.commandId! : '');
    await expectConverged(harness, [device]);
    device.close();
  });

  it('401 mid-queue: stops without retrying, resumes once the token is fixed', async () => {
    const device = await syncedDevice(harness, 'a', { engine: { batchSize: 5 } });
    const id = await registeredTicket(device);
    for (let i = 0; i < 20; i++) await comment(device, id, `очередь ${i}`);
    const ack = device.store.ack;
    device.store.ack = async (acks) => {
      await ack(acks);
      device.wire.token = 'revoked-token';
    };
    const result = await device.engine.syncNow();
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(device.timer.armed()).toEqual([]);
    expect(await device.db.outbox.count()).toBe(15);
    device.store.ack = ack;
    device.wire.token = USERS.a.token;
    await expectConverged(harness, [device]);
    device.close();
  });
});

describe('time', () => {
  it.each([
    ['a year ahead', YEAR],
    ['a year behind', -YEAR],
  ])('device clock %s: actions are stamped in server time', async (_name, skew) => {
    const device = await syncedDevice(harness, 'c', { clockSkewMs: skew });
    // Offline from the start: no offset measured yet when the engineer acts.
    await device.db.meta.delete('clockOffset');
    const created = await device.create(intake(ORG, 'Часы устройства сбиты'));
    const id = created.ok ? created.ticketId : '';
    await device.perform('react', id, {});
    await device.perform('pause', id, { reason: 'awaiting_user_info' });
    await expectConverged(harness, [device]);
    const ticket = (await device.db.tickets.get(id))!.view!;
    const near = (iso: string) => Math.abs(Date.parse(iso) - Date.now()) < 60_000;
    expect(near(ticket.createdAt)).toBe(true);
    expect(ticket.events.map((e) => [e.type, near(e.at), e.adjusted ?? false])).toEqual([
      ['reacted', true, false],
      ['paused', true, false],
    ]);
    device.close();
  });

  it('deferred: stops the batch, is retried later, and is refused once the wait is over', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    const ghost = `ghost-${uuidv4()}`;
    await insertRaw(device, {
      commandId: uuidv4(),
      type: 'comment',
      ticketId: ghost,
      payload: { text: 'к неизвестной' },
    });
    await comment(device, id, 'за отложенной');
    expect(await device.engine.syncNow()).toEqual({ ok: true });
    expect(await device.db.outbox.count()).toBe(2);
    expect(device.timer.armed()).toHaveLength(1);
    harness.serverClock.skewMs += 61_000;
    await expectConverged(harness, [device]);
    expect((await device.db.deadLetters.toArray()).map((l) => l.error.code)).toEqual([
      'unknown_ticket',
    ]);
    device.close();
  });
});

describe('the cursor', () => {
  it('an expired cursor: full resync that keeps the commands still pending', async () => {
    const writer = await syncedDevice(harness, 'b');
    // Small pages: the full resync takes many pages, each cursor issued after the compaction.
    const reader = await syncedDevice(harness, 'a', { engine: { pageSize: 5 } });
    const [first, second] = (await reader.db.tickets.limit(2).toArray()).map((r) => r.id);
    // Two changes to one ticket after the reader's cursor: compaction removes the first, so the
    // horizon passes the reader's cursor.
    await comment(writer, first!, 'после курсора 1');
    await comment(writer, first!, 'после курсора 2');
    await writer.syncUntilSettled();
    await harness.erp.compact();
    // The reader's own work must survive the resync: a command joins its outbox while the resync
    // runs (after the push phase, on the first resync page).
    const applyPage = reader.store.applyPage;
    let added = false;
    reader.store.applyPage = async (page) => {
      await applyPage(page);
      if (added) return;
      added = true;
      await comment(reader, second!, 'во время полной пересинхронизации');
    };
    expect(await reader.engine.syncNow()).toEqual({ ok: true });
    reader.store.applyPage = applyPage;
    expect(added).toBe(true);
    // It was a full resync (the 410 happened), and it finished.
    expect((await reader.db.meta.get('resync'))?.value).toEqual({ epoch: 1, active: false });
    const view = (await reader.db.tickets.get(second!))!.view as Ticket;
    expect(view.comments.at(-1)?.text).toBe('во время полной пересинхронизации');
    expect(await reader.db.outbox.count()).toBe(1);
    await expectConverged(harness, [writer, reader]);
    writer.close();
    reader.close();
  });
});

describe('the ERP compacts its change log by itself', () => {
  it('a device whose cursor predates it resyncs fully and keeps its pending commands', async () => {
    // A threshold a few comments reach; the default (10,000 superseded rows) is the same code.
    const compacting = await startErpHarness({
      compaction: { minSupersededRows: 3, checkEveryRows: 1 },
    });
    try {
      const writer = await syncedDevice(compacting, 'b');
      const reader = await syncedDevice(compacting, 'a', { engine: { pageSize: 5 } });
      const [first, second] = (await reader.db.tickets.limit(2).toArray()).map((r) => r.id);
      // Offline, the reader records work of its own.
      await comment(reader, second!, 'без сети');
      // Each push appends one row per ticket it changed: the writer's third supersedes the third
      // row, and the server compacts right after it.
      for (const text of ['1', '2', '3']) {
        await comment(writer, first!, text);
        expect((await writer.syncUntilSettled()).at(-1)).toEqual({ ok: true });
      }

      // Back online, the reader pushes, then pulls from its old cursor: 410, a full resync. A
      // command recorded while the resync runs must survive it too.
      const applyPage = reader.store.applyPage;
      let added = false;
      reader.store.applyPage = async (page) => {
        await applyPage(page);
        if (added) return;
        added = true;
        await comment(reader, second!, 'во время полной пересинхронизации');
      };
      expect(await reader.engine.syncNow()).toEqual({ ok: true });
      reader.store.applyPage = applyPage;
      expect(added).toBe(true);
      expect((await reader.db.meta.get('resync'))?.value).toEqual({ epoch: 1, active: false });
      expect(await reader.db.outbox.count()).toBe(1);
      await expectConverged(compacting, [writer, reader]);
      const texts = ((await reader.db.tickets.get(second!))!.view as Ticket).comments.map(
        (c) => c.text,
      );
      expect(texts.slice(-2)).toEqual(['без сети', 'во время полной пересинхронизации']);
      const firstView = (await reader.db.tickets.get(first!))!.view as Ticket;
      expect(firstView.comments.slice(-3).map((c) => c.text)).toEqual(['1', '2', '3']);
      writer.close();
      reader.close();
    } finally {
      await compacting.close();
    }
  });
});

// The checker the fault suite relies on must itself catch what it claims to catch.
describe('the invariant checker', () => {
  it('passes a converged device and flags each kind of damage', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'проверка');
    await device.syncUntilSettled();
    expect(await findProblems([device], await harness.snapshot())).toEqual([]);

    await comment(device, id, 'не отправлен');
    const pending = await findProblems([device], await harness.snapshot());
    expect(pending.join('\n')).toMatch(/still pending/);
    await device.syncUntilSettled();

    const row = (await device.db.tickets.get(id))!;
    await device.db.tickets.put({ ...row, view: { ...row.view!, title: 'подменено' } });
    expect((await findProblems([device], await harness.snapshot())).join('\n')).toMatch(/differs/);
    await device.db.tickets.put({ ...row, serverVersion: row.serverVersion - 1 });
    const problems = (await findProblems([device], await harness.snapshot())).join('\n');
    expect(problems).toMatch(/server version \d+ → \d+/);
    expect(problems).toMatch(/at version/);

    device.ledger.issued.set('00000000-0000-4000-8000-000000000000', {
      type: 'comment',
      ticketId: id,
    });
    expect((await findProblems([device], await harness.snapshot())).join('\n')).toMatch(/lost/);
    device.close();
  });
});
