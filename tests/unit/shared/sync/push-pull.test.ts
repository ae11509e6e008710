import { describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../../shared/erp/protocol';
import { engineHarness, uuid } from './engine-harness';

const at = '2026-11-25T10:00:00Z';
const answer = (
  request: PushRequest,
  statuses: Record<string, 'applied' | 'deferred' | 'rejected' | 'conflict' | 'duplicate'>,
  errors: Record<string, string> = {},
) => ({
  ok: true as const,
  value: {
    lastSeq: 0,
    results: request.commands
      .filter((c) => statuses[c.commandId])
      .map((c) => ({
        commandId: c.commandId,
        seq: c.seq,
        status: statuses[c.commandId]!,
        ...(errors[c.commandId] ? { error: { code: 'x', message: errors[c.commandId]! } } : {}),
      })),
    serverTime: at,
  },
});

describe('push answers', () => {
  it('conflict and rejected become dead letters and the user is told; the rest go on', async () => {
    const h = engineHarness();
    [1, 2, 3].forEach((n) => h.memory.enqueue(uuid(n)));
    h.net.onPush((r) =>
      answer(
        r,
        { [uuid(1)]: 'applied', [uuid(2)]: 'conflict', [uuid(3)]: 'rejected' },
        { [uuid(2)]: 'taken by Белова', [uuid(3)]: 'bad' },
      ),
    );
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.outbox).toEqual([]);
    const notices = h.events.flatMap((e) => (e.type === 'dead-letters' ? e.notices : []));
    expect(notices.map((n) => [n.commandId, n.status, n.message])).toEqual([
      [uuid(2), 'conflict', 'taken by Белова'],
      [uuid(3), 'rejected', 'bad'],
    ]);
    expect(h.engine.status().deadLetters).toBe(2);
  });

  it('a duplicate that carries an error was refused the first time: still a dead letter', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.net.onPush((r) => answer(r, { [uuid(1)]: 'duplicate' }, { [uuid(1)]: 'already resolved' }));
    await h.engine.syncNow();
    expect(h.memory.state.acks).toMatchObject([{ outcome: 'dead', status: 'rejected' }]);
  });

  it('a duplicate whose first answer was a conflict stays a conflict for the user', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.net.onPush((r) => {
      const value = answer(r, { [uuid(1)]: 'duplicate' }, { [uuid(1)]: 'taken by Белова' }).value;
      return {
        ok: true as const,
        value: {
          ...value,
          results: value.results.map((x) => ({ ...x, originalStatus: 'conflict' as const })),
        },
      };
    });
    await h.engine.syncNow();
    expect(h.memory.state.acks).toMatchObject([{ outcome: 'dead', status: 'conflict' }]);
  });

  it('deferred stops the batch: later commands stay, a retry is scheduled, no error shown', async () => {
    const h = engineHarness();
    [1, 2, 3].forEach((n) => h.memory.enqueue(uuid(n)));
    h.net.onPush((r) =>
      answer(r, { [uuid(1)]: 'applied', [uuid(2)]: 'deferred', [uuid(3)]: 'deferred' }),
    );
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.outbox.map((e) => e.commandId)).toEqual([uuid(2), uuid(3)]);
    expect(h.net.pushes).toHaveLength(1);
    expect(h.net.pulls).toHaveLength(1);
    expect(h.timer.armed()).toHaveLength(1);
    expect(h.engine.status().lastError).toBeNull();
    // Deferred again and again: the waits grow like any backoff.
    for (let i = 0; i < 4; i++) {
      h.net.onPush((r) => answer(r, { [uuid(2)]: 'deferred', [uuid(3)]: 'deferred' }));
      await h.engine.syncNow();
    }
    expect(h.timer.all()).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
  });

  it('a 400 for the batch is narrowed down to the one command that causes it', async () => {
    const h = engineHarness({ batchSize: 8 });
    for (let n = 1; n <= 8; n++) h.memory.enqueue(uuid(n));
    const poison = uuid(6);
    const refuse = (r: PushRequest) =>
      r.commands.some((c) => c.commandId === poison)
        ? {
            ok: false as const,
            failure: {
              kind: 'http' as const,
              status: 400,
              retryAfterMs: null,
              code: 'invalid',
              message: 'commands[0].payload: bad',
            },
          }
        : null;
    const push = h.net.transport.push;
    h.net.transport.push = async (r) => refuse(r) ?? push(r);
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.acks.filter((a) => a.outcome === 'dead').map((a) => a.commandId)).toEqual(
      [poison],
    );
    expect(h.memory.state.acks.filter((a) => a.outcome === 'done')).toHaveLength(7);
  });

  it('a 400 that even an empty push gets condemns nothing', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    const fail = h.net.fail({
      kind: 'http',
      status: 400,
      retryAfterMs: null,
      code: 'bad_device',
      message: 'deviceId',
    });
    h.net.onPush(fail, fail);
    expect((await h.engine.syncNow()).ok).toBe(false);
    expect(h.memory.state.acks).toEqual([]);
  });

  it('a 409 gap renumbers the outbox after the server’s last seq and resends', async () => {
    const h = engineHarness();
    h.memory.state.nextSeq = 7;
    [1, 2].forEach((n) => h.memory.enqueue(uuid(n)));
    h.net.onPush(h.net.fail({ kind: 'gap', lastSeq: 3, message: 'expected 4' }));
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.renumbered).toEqual([4]);
    expect(h.net.pushes.map((p) => p.commands.map((c) => c.seq))).toEqual([[7, 8], [4], [5]]);
  });

  it('a command that cannot be put on the wire is dead on arrival, the others are sent', async () => {
    const h = engineHarness();
    h.memory.enqueue('not-a-uuid');
    h.memory.enqueue(uuid(2));
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.acks.map((a) => [a.commandId, a.status])).toEqual([
      ['not-a-uuid', 'local'],
      [uuid(2), 'applied'],
    ]);
  });
});

describe('pull', () => {
  const page =
    (nextCursor: string, hasMore = false) =>
    () => ({ ok: true as const, value: { changes: [], nextCursor, hasMore } });

  it('410: one full resync from nothing, keeping the outbox', async () => {
    const h = engineHarness();
    h.memory.state.meta.cursor = 'old';
    h.net.onPull(
      h.net.fail({ kind: 'cursor_expired', message: 'expired' }),
      page('n1', true),
      page('n2'),
    );
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.memory.state.resyncs).toBe(1);
    expect(h.net.pulls).toEqual(['old', null, 'n1']);
  });

  it('a second 410 in the same run is an error, not a loop', async () => {
    const h = engineHarness();
    const expired = h.net.fail({ kind: 'cursor_expired', message: 'expired' });
    h.net.onPull(expired, expired);
    expect((await h.engine.syncNow()).ok).toBe(false);
    expect(h.memory.state.resyncs).toBe(1);
  });

  it('a page pointing back to a cursor already passed is refused (replayed answer)', async () => {
    const h = engineHarness();
    h.net.onPull(page('c1', true), page('c2'));
    await h.engine.syncNow();
    h.net.onPull(page('c1'));
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
    expect(h.memory.state.meta.cursor).toBe('c2');
  });
});

describe('pull from a server that does not move on', () => {
  const more = (nextCursor: (cursor: string | null) => string) => (cursor: string | null) => ({
    ok: true as const,
    value: { changes: [], nextCursor: nextCursor(cursor), hasMore: true },
  });

  it.each([
    ['from a stored cursor', 'c1', ['c1']],
    ['from the beginning', null, [null, 'c1']],
  ])(
    '"more to come" with the cursor it was asked with is refused at once (%s)',
    async (_label, start, asked) => {
      const h = engineHarness();
      h.memory.state.meta.cursor = start;
      // Enough answers that a client asking again and again would exhaust them and "succeed".
      h.net.onPull(...Array.from({ length: 1_000 }, () => more((cursor) => cursor ?? 'c1')));
      expect(await h.engine.syncNow()).toMatchObject({
        ok: false,
        error: { kind: 'bad_response', message: expect.stringContaining('did not advance') },
      });
      expect(h.net.pulls).toEqual(asked);
      expect(h.memory.state.meta.cursor).toBe(asked.at(-1));
    },
  );

  it('a cursor that comes back to one passed in this run is refused (a loop)', async () => {
    const h = engineHarness();
    h.memory.state.meta.cursor = 'a';
    h.net.onPull(
      ...Array.from({ length: 1_000 }, () => more((cursor) => (cursor === 'a' ? 'b' : 'a'))),
    );
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
    expect(h.net.pulls).toEqual(['a', 'b']);
    expect(h.memory.state.meta.cursor).toBe('b');
  });
});

describe('lifecycle', () => {
  it('a local change schedules a push soon, unless the engine is backing off', async () => {
    const h = engineHarness({ localChangeDelayMs: 250 });
    h.engine.notifyLocalChange();
    h.engine.notifyLocalChange();
    expect(h.timer.armed()).toEqual([250]);
    h.timer.fireAll();
    await h.engine.syncNow();
    h.memory.enqueue(uuid(1));
    h.net.onPush(h.net.fail({ kind: 'network', message: 'down' }));
    await h.engine.syncNow();
    const armed = h.timer.armed();
    h.engine.notifyLocalChange();
    expect(h.timer.armed()).toEqual(armed);
  });

  it('dispose cancels timers and ignores further hints', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.net.onPush(h.net.fail({ kind: 'network', message: 'down' }));
    await h.engine.syncNow();
    h.engine.dispose();
    expect(h.timer.armed()).toEqual([]);
    h.engine.hint('manual');
    expect(h.net.pushes).toHaveLength(1);
  });
});
