import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import {
  Device,
  EXTERNAL_ERP,
  OTHER_TOKEN,
  push,
  referenceOnly,
  startTestErp,
  TOKEN,
  userOf,
  createPayload,
  expectReferenceWording,
  type ErrorAnswer,
} from './erp-test-kit';

// One server for the whole file (PGlite takes seconds to create): every test uses its own
// devices and tickets, so they cannot see each other's commands. The reference server's clock is
// the test's; another implementation's is taken to be about the real one.
let stopServer: () => Promise<void>;
let url: string;
let clock = Date.now();
const advance = (ms: number) => (clock += ms);
const serverNow = () => (EXTERNAL_ERP ? Date.now() : clock);

beforeAll(async () => {
  const started = await startTestErp({ now: () => clock, deferUnknownTicketMs: 10 * 60_000 });
  url = started.erp.url;
  stopServer = started.stop;
});
afterAll(() => stopServer());

describe('push: idempotency by commandId', () => {
  it('applies a command once and answers a resend with duplicate and the current ticket', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    const comment = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'Связался с пользователем' },
    });

    const first = await device.send([comment]);
    expect(first.status).toBe(200);
    expect(first.body.results[0]).toMatchObject({ status: 'applied', seq: 2 });
    expect(first.body.lastSeq).toBe(2);

    const again = await device.send([comment]);
    expect(again.status).toBe(200);
    expect(again.body.results[0]).toMatchObject({
      commandId: comment.commandId,
      status: 'duplicate',
      originalStatus: 'applied',
      seq: 2,
    });
    const current = again.body.results[0]!.ticket as Ticket;
    expect(current.comments.map((c) => c.commandId)).toEqual([comment.commandId]);
    expect(again.body.lastSeq).toBe(2);
  });

  it('applies two concurrent identical pushes once', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    const commands = [1, 2, 3].map((n) =>
      device.command({
        type: 'comment',
        ticketId: ticket.id,
        payload: { text: `Комментарий ${n}` },
      }),
    );
    const [a, b] = await Promise.all([device.send(commands), device.send(commands)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = [a, b].map((answer) => answer.body.results.map((r) => r.status));
    expect(statuses).toContainEqual(['applied', 'applied', 'applied']);
    expect(statuses).toContainEqual(['duplicate', 'duplicate', 'duplicate']);
    const final = (await device.one({ type: 'react', ticketId: ticket.id, baseVersion: 4 }))
      .ticket!;
    expect(final.comments.map((c) => c.text)).toEqual([
      'Комментарий 1',
      'Комментарий 2',
      'Комментарий 3',
    ]);
    expect(final.version).toBe(5);
  });

  it('puts the ticket only on the last result that concerns it', async () => {
    const device = new Device(url);
    const [a, b] = [await device.create(), await device.create()];
    const text = (t: string) => ({ text: t });
    const answer = await device.send([
      device.command({ type: 'comment', ticketId: a.id, payload: text('a1') }),
      device.command({ type: 'comment', ticketId: b.id, payload: text('b1') }),
      device.command({ type: 'comment', ticketId: a.id, payload: text('a2') }),
    ]);
    const [first, second, third] = answer.body.results;
    expect(first!.ticket).toBeUndefined();
    expect((second!.ticket as Ticket).comments.map((c) => c.text)).toEqual(['b1']);
    expect((third!.ticket as Ticket).comments.map((c) => c.text)).toEqual(['a1', 'a2']);
  });

  it('answers a duplicate with its stored error when the original was rejected', async () => {
    const device = new Device(url);
    const bad = device.command({ type: 'create', ticketId: randomUUID(), payload: { title: 'x' } });
    const first = await device.send([bad]);
    expect(first.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_payload' },
    });
    const again = await device.send([bad]);
    expect(again.body.results[0]).toMatchObject({
      status: 'duplicate',
      originalStatus: 'rejected',
      error: first.body.results[0]!.error,
    });
  });
});

describe('push: outcomes decided by applyCommand', () => {
  it('returns noop for a command that changes nothing, and it still advances lastSeq', async () => {
    const device = new Device(url);
    const ticket = await device.create({ priority: 2 });
    const result = await device.one({
      type: 'change_priority',
      ticketId: ticket.id,
      payload: { to: 2 },
    });
    expect(result).toMatchObject({ status: 'noop', seq: 2 });
    expect(result.ticket?.version).toBe(1);
  });

  it('returns conflict when another engineer already took the ticket', async () => {
    const mine = new Device(url);
    const theirs = new Device(url, OTHER_TOKEN);
    const holder = await userOf(url, OTHER_TOKEN);
    const ticket = await mine.create();
    expect(await theirs.one({ type: 'react', ticketId: ticket.id })).toMatchObject({
      status: 'applied',
      ticket: { assignee: holder.id },
    });
    const result = await mine.one({ type: 'react', ticketId: ticket.id, baseVersion: 1 });
    expect(result).toMatchObject({ status: 'conflict', error: { code: 'assigned_elsewhere' } });
    // The engineer who lost is told who has the ticket: in words, and (optional in the protocol,
    // always given by the reference server) as a user the device can name in its own language.
    expect(result.error?.message).toContain(holder.name);
    if (!EXTERNAL_ERP || result.error?.holder !== undefined) {
      expect(result.error?.holder).toMatchObject({ id: holder.id, name: holder.name });
    }
    expect(result.ticket?.version).toBe(2);
  });

  it('returns conflict for a stale impossible transition, rejected for a current one', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    await device.one({ type: 'resolve', ticketId: ticket.id, payload: { result: 'Исправлено' } });
    const stale = await device.one({
      type: 'pause',
      ticketId: ticket.id,
      baseVersion: 1,
      payload: { reason: 'awaiting_user_info' },
    });
    expect(stale).toMatchObject({ status: 'conflict', error: { code: 'invalid_transition' } });
    const current = await device.one({ type: 'resume', ticketId: ticket.id, baseVersion: 2 });
    expect(current).toMatchObject({ status: 'rejected', error: { code: 'invalid_transition' } });
  });

  it('rejects a bad payload naming the field, and the rest of the batch still applies', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    const answer = await device.send([
      device.command({ type: 'pause', ticketId: ticket.id, payload: { reason: 'other' } }),
      device.command({
        type: 'extend',
        ticketId: ticket.id,
        payload: { hours: -4, note: 'согласовано' },
      }),
      device.command({ type: 'comment', ticketId: ticket.id, payload: { text: 'Работаем' } }),
    ]);
    expect(answer.status).toBe(200);
    const [pause, extend, comment] = answer.body.results;
    expect(pause).toMatchObject({ status: 'rejected', error: { code: 'invalid_payload' } });
    expect(pause!.error!.message).toMatch(/payload\.note/);
    expect(extend!.error!.message).toMatch(/payload\.hours/);
    expect(comment).toMatchObject({ status: 'applied' });
    expect(answer.body.lastSeq).toBe(4);
  });

  it('registers a ticket with a server number and clamps a future action time, marking it', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    expect(ticket.number).toEqual(expect.any(Number));
    const future = new Date(serverNow() + 3 * 60 * 60_000).toISOString();
    const answer = await device.send([
      device.command({ type: 'react', ticketId: ticket.id, clientCreatedAt: future }),
    ]);
    const result = answer.body.results[0]!;
    expect(result.status).toBe('applied');
    const event = (result.ticket as Ticket).events[0]!;
    const me = await userOf(url, TOKEN);
    expect(event).toMatchObject({
      type: 'reacted',
      adjusted: true,
      author: me.name,
      authorId: me.id,
    });
    // Clamped to the server's own now: the time it answers with.
    expect(event.at).toBe(answer.body.serverTime);
  });

  it('records an offline action at the time the engineer acted, not at sync time', async () => {
    const device = new Device(url);
    const ticket = await device.create({
      priority: 1,
      createdAt: new Date(serverNow() - 3 * 3600_000).toISOString(),
    });
    const actedAt = new Date(serverNow() - 2 * 3600_000).toISOString();
    const result = await device.one({
      type: 'react',
      ticketId: ticket.id,
      clientCreatedAt: actedAt,
    });
    expect(result.ticket!.events[0]).toEqual(expect.objectContaining({ at: actedAt }));
    expect(result.ticket!.events[0]!.adjusted).toBeUndefined();
  });

  referenceOnly(
    'stamps every record it writes with the time it received the command (its sync time)',
    async () => {
      const device = new Device(url);
      const ticket = await device.create({
        priority: 1,
        createdAt: new Date(serverNow() - 3 * 3600_000).toISOString(),
      });
      const actedAt = new Date(serverNow() - 2 * 3600_000).toISOString();
      advance(5_000);
      const answer = await device.send([
        device.command({ type: 'react', ticketId: ticket.id, clientCreatedAt: actedAt }),
        device.command({
          type: 'comment',
          ticketId: ticket.id,
          payload: { text: 'Выехал на объект' },
          clientCreatedAt: actedAt,
        }),
      ]);
      const stored = answer.body.results.at(-1)!.ticket as Ticket;
      // Acted two hours ago offline, received now: both times are kept, neither replaces the other.
      expect(stored.events[0]).toMatchObject({ at: actedAt, receivedAt: answer.body.serverTime });
      expect(stored.assignments[0]).toMatchObject({
        at: actedAt,
        receivedAt: answer.body.serverTime,
      });
      expect(stored.comments[0]).toMatchObject({ at: actedAt, receivedAt: answer.body.serverTime });
    },
  );

  it('takes a createdAt slightly in the server future as now', async () => {
    const device = new Device(url);
    const answer = await device.send([
      device.command({
        type: 'create',
        ticketId: randomUUID(),
        payload: createPayload({ createdAt: new Date(serverNow() + 90_000).toISOString() }),
      }),
    ]);
    const result = answer.body.results[0]!;
    expect(result.status).toBe('applied');
    expect((result.ticket as Ticket).createdAt).toBe(answer.body.serverTime);
  });
});

describe('push: sequence numbers', () => {
  it('refuses a gap with 409 and the stored lastSeq, writing nothing', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    device.command({ type: 'comment', ticketId: ticket.id }); // seq 2 is "lost"
    const gap = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'после пропуска' },
    });
    const answer = await device.send([gap]);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: 'seq_gap' }, lastSeq: 1 });
    expect((answer.body as ErrorAnswer).error.message).toMatch(/^commands\[0\]\.seq\b/);
    expectReferenceWording((answer.body as ErrorAnswer).error.message, /seq is 3.*expected 2/);
    // Nothing was stored: the same command with the right seq applies.
    const fixed = await device.send([{ ...gap, seq: 2 }]);
    expect(fixed.body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a gap in the middle of a push without applying its first half', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    const first = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'один' },
    });
    device.command({ type: 'comment', ticketId: ticket.id });
    const third = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'три' },
    });
    expect((await device.send([first, third])).status).toBe(409);
    const retry = await device.send([first]);
    expect(retry.body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('rejects a new command that reuses an accepted seq, without blocking the rest', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    const reused = {
      ...device.command({ type: 'comment', ticketId: ticket.id, payload: { text: 'a' } }),
      seq: 1,
    };
    const answer = await device.send([reused]);
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'seq_reused' },
    });
    expect(answer.body.lastSeq).toBe(1);
  });
});

describe('push: deferred', () => {
  it('defers a command for an unknown ticket and stops the batch until the create arrives', async () => {
    const desk = new Device(url, OTHER_TOKEN);
    const engineer = new Device(url);
    const ticketId = randomUUID();
    const known = await engineer.create();
    const waiting = engineer.command({ type: 'react', ticketId });
    const after = engineer.command({
      type: 'comment',
      ticketId: known.id,
      payload: { text: 'потом' },
    });

    const first = await engineer.send([waiting, after]);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['deferred', 'deferred']);
    expect(first.body.results[0]!.error!.code).toBe('ticket_not_yet_known');
    expect(first.body.results[1]!.error!.code).toBe('not_processed');
    expect(first.body.lastSeq).toBe(1);

    await desk.create({}, ticketId);
    const second = await engineer.send([waiting, after]);
    expect(second.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(second.body.lastSeq).toBe(3);
  });

  referenceOnly(
    'stops deferring once the command waited long enough, so the queue moves on',
    async () => {
      const engineer = new Device(url);
      const waiting = engineer.command({ type: 'react', ticketId: randomUUID() });
      expect((await engineer.send([waiting])).body.results[0]!.status).toBe('deferred');
      advance(11 * 60_000);
      const later = await engineer.send([waiting]);
      expect(later.body.results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'unknown_ticket' },
      });
      expect(later.body.lastSeq).toBe(1);
    },
  );

  it('rejects at once when the ticket’s own create was rejected', async () => {
    const engineer = new Device(url);
    const ticketId = randomUUID();
    const answer = await engineer.send([
      engineer.command({ type: 'create', ticketId, payload: { title: '' } }),
      engineer.command({ type: 'react', ticketId }),
    ]);
    expect(answer.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(answer.body.results[1]!.error!.code).toBe('unknown_ticket');
    expectReferenceWording(answer.body.results[1]!.error!.message, /create command was rejected/);
  });
});

describe('push: who is asking', () => {
  it('401 without a token or with a wrong one', async () => {
    const device = new Device(url);
    const body = device.body([]);
    const none = await push(url, body, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await push(url, body, 'wrong-token')).status).toBe(401);
    expect((await push(url, body)).status).toBe(200);
  });
});
