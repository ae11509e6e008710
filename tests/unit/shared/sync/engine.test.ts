import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS } from '../../../../shared/sync/backoff';
import { engineHarness, uuid } from './engine-harness';

const http = (status: number, retryAfterMs: number | null = null) =>
  ({
    kind: 'http',
    status,
    retryAfterMs,
    code: `http_${status}`,
    message: `HTTP ${status}`,
  }) as const;

describe('a sync run', () => {
  it('pushes the outbox in seq order in batches, then pulls until caught up', async () => {
    const h = engineHarness({ batchSize: 2 });
    for (let i = 1; i <= 5; i++) h.memory.enqueue(uuid(i));
    h.net.onPull(
      () => ({ ok: true, value: { changes: [], nextCursor: 'c1', hasMore: true } }),
      () => ({ ok: true, value: { changes: [], nextCursor: 'c2', hasMore: false } }),
    );
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.net.pushes.map((p) => p.commands.map((c) => c.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(h.net.pulls).toEqual([null, 'c1']);
    expect(h.memory.state.meta.cursor).toBe('c2');
    expect(h.engine.status()).toMatchObject({
      pending: 0,
      lastError: null,
      connection: 'online',
      running: false,
    });
    expect(h.engine.status().lastSuccessAt).not.toBeNull();
  });

  it('is single flight: calls during a run join it, and one more run follows', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    const release = h.net.hold();
    const first = h.engine.syncNow();
    await Promise.resolve();
    h.memory.enqueue(uuid(2));
    const second = h.engine.syncNow();
    const third = h.engine.syncNow();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    expect(await first).toEqual({ ok: true });
    expect(h.net.pushes.map((p) => p.commands.map((c) => c.commandId))).toEqual([
      [uuid(1)],
      [uuid(2)],
    ]);
    expect(h.net.pulls).toHaveLength(2);
  });

  it('measures the clock offset at the midpoint of an exchange before stamping anything', async () => {
    const h = engineHarness({ measured: false });
    h.memory.enqueue(uuid(1));
    const push = h.net.transport.push;
    h.net.transport.push = async (request) => {
      h.clock.advance(200);
      return push(request);
    };
    await h.engine.syncNow();
    // The probe goes first. Every exchange re-measures: the last one was sent at T+200 and
    // answered at T+400 with the server saying T, so the server is 300 ms behind.
    expect(h.net.pushes.map((p) => p.commands.length)).toEqual([0, 1]);
    expect(h.memory.state.meta.clockOffset).toMatchObject({ offsetMs: -300, rttMs: 200 });
  });

  it('measures the offset again at once when told the device clock was set', async () => {
    // Set forward by 10 minutes: the stored offset is not old enough to be re-measured by age.
    const h = engineHarness();
    await h.engine.syncNow();
    expect(h.net.pushes).toHaveLength(0);
    h.clock.advance(10 * 60_000);
    h.net.onPush(h.net.fail({ kind: 'network', message: 'ECONNREFUSED' }));
    h.engine.hint('clock');
    await h.engine.syncNow();
    // The probe failed offline: the next run still measures, then no run after that does.
    await h.engine.syncNow();
    await h.engine.syncNow();
    expect(h.net.pushes.map((p) => p.commands.length)).toEqual([0, 0]);
    expect(h.memory.state.meta.clockOffset).toMatchObject({ measuredAt: h.clock.now() });
  });
});

describe('failures', () => {
  it('backs off with full jitter, growing to the cap, and resets after a success', async () => {
    const h = engineHarness({ random: 0.999 });
    h.memory.enqueue(uuid(1));
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      h.net.onPush(h.net.fail({ kind: 'network', message: 'ECONNRESET' }));
      expect((await h.engine.syncNow()).ok).toBe(false);
      delays.push(h.timer.armed().at(-1)!);
    }
    expect(delays.slice(0, 4)).toEqual([999, 1998, 3996, 7992]);
    expect(delays.at(-1)).toBe(299_700);
    expect(h.engine.status()).toMatchObject({
      connection: 'offline',
      lastError: { kind: 'offline' },
    });
    expect(await h.engine.syncNow()).toEqual({ ok: true });
    expect(h.timer.armed()).toEqual([]);
    h.memory.enqueue(uuid(2));
    h.net.onPush(h.net.fail({ kind: 'timeout', message: 'slow' }));
    await h.engine.syncNow();
    expect(h.timer.armed()).toEqual([Math.floor(0.999 * BACKOFF_BASE_MS)]);
  });

  it('honours Retry-After; a hint resets the backoff but not the server’s wait', async () => {
    const h = engineHarness({ random: 0 });
    h.memory.enqueue(uuid(1));
    h.net.onPush(h.net.fail(http(429, 120_000)));
    await h.engine.syncNow();
    expect(h.timer.armed()).toEqual([120_000]);
    h.clock.advance(20_000);
    h.engine.hint('online');
    expect(h.timer.armed()).toEqual([100_000]);
    expect(h.net.pushes).toHaveLength(1);
    h.clock.advance(100_000);
    h.engine.hint('manual');
    await h.engine.syncNow();
    expect(h.memory.state.outbox).toEqual([]);
  });

  it('a periodic trigger does not cut a backoff short; online and resume do', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.net.onPush(h.net.fail({ kind: 'network', message: 'down' }));
    await h.engine.syncNow();
    h.engine.hint('timer');
    expect(h.net.pushes).toHaveLength(1);
    h.engine.hint('resume');
    await h.engine.syncNow();
    expect(h.net.pushes).toHaveLength(2);
  });

  it.each([
    ['401', { kind: 'unauthorized', message: 'bad token' } as const, 'unauthorized'],
    ['426', http(426), 'upgrade_required'],
    ['no ERP configured', { kind: 'not_configured', message: 'none' } as const, 'not_configured'],
  ])('%s stops without a retry timer', async (_name, failure, kind) => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.net.onPush(h.net.fail(failure));
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { kind } });
    expect(h.timer.armed()).toEqual([]);
    expect(h.memory.state.outbox).toHaveLength(1);
  });

  it('an answer that does not match the batch is not applied at all', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.memory.enqueue(uuid(2));
    h.net.onPush(() => ({
      ok: true,
      value: {
        lastSeq: 2,
        results: [
          { commandId: uuid(1), seq: 1, status: 'applied' },
          { commandId: uuid(9), seq: 2, status: 'applied' },
        ],
        serverTime: '2026-11-25T10:00:00Z',
      },
    }));
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
    expect(h.memory.state.acks).toEqual([]);
  });

  it('a store failure is reported in plain words and retried', async () => {
    const h = engineHarness();
    h.memory.enqueue(uuid(1));
    h.memory.store.ack = async () => {
      throw new Error('QuotaExceededError');
    };
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'local' } });
    expect(h.engine.status().lastError?.message).toContain('QuotaExceededError');
    expect(h.timer.armed()).toHaveLength(1);
  });
});
