import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from '../../../shared/sync/backoff';
import { startErpHarness, type ErpHarness } from '../../fixtures/sync/erp-harness';
import {
  comment,
  expectConverged,
  registeredTicket,
  sleep,
  syncedDevice,
  waitForServer,
} from '../../fixtures/sync/scenario';

// Engine + real Dexie schema (fake-indexeddb) + the demo ERP over real HTTP, with faults from the
// server's knobs and from the byte-level proxy between them.
let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());
afterEach(() => harness.erp.faults.reset());

describe('lost and broken answers', () => {
  it.each([
    ['reset after commit (server knob)', () => harness.erp.faults.set({ resetAfterCommit: 1 })],
    [
      'reset after the request (proxy)',
      () => harness.proxy.enqueue({ kind: 'reset-after-request' }),
    ],
    ['reset before the body (proxy)', () => harness.proxy.enqueue({ kind: 'cut-after-headers' })],
    ['truncated response (server knob)', () => harness.erp.faults.set({ truncateResponse: 1 })],
    [
      'response cut after 40 bytes (proxy)',
      () => harness.proxy.enqueue({ kind: 'cut-response', afterBytes: 40 }),
    ],
    [
      'request body cut short (proxy)',
      () => harness.proxy.enqueue({ kind: 'cut-request', afterBytes: 300 }),
    ],
    ['reset before commit (server knob)', () => harness.erp.faults.set({ resetBeforeCommit: 1 })],
  ])('%s: the retry is answered once', async (_name, inject) => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'первый');
    await comment(device, id, 'второй');
    inject();
    const first = await device.engine.syncNow();
    expect(first.ok).toBe(false);
    expect(device.engine.status().pending).toBe(2);
    await expectConverged(harness, [device]);
    device.close();
  });

  it('a cut page of changes is not half-applied', async () => {
    const device = await syncedDevice(harness);
    const other = await syncedDevice(harness, 'b');
    await registeredTicket(other, 'Изменение на другом устройстве');
    harness.erp.faults.set({ truncateResponse: 1, endpoints: ['changes'] });
    const before = await device.db.meta.get('cursor');
    expect((await device.engine.syncNow()).ok).toBe(false);
    expect(await device.db.meta.get('cursor')).toEqual(before);
    await expectConverged(harness, [device, other]);
    device.close();
    other.close();
  });
});

describe('an overloaded server', () => {
  it('a series of 5xx: backs off with full jitter, then delivers', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'после серии ошибок');
    harness.erp.faults.set({ serverErrors: 4, serverErrorStatus: 502 });
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await device.engine.syncNow()).ok).toBe(false);
      const delay = device.timer.armed().at(-1)!;
      expect(delay).toBeLessThan(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
      expect(device.engine.status().lastError?.kind).toBe('server_error');
    }
    expect(device.timer.fireAll()).toBe(1);
    await expectConverged(harness, [device]);
    expect(device.engine.status().lastError).toBeNull();
    device.close();
  });

  it.each([429, 503] as const)(
    '%i with Retry-After: waits at least that long, even after a hint',
    async (status) => {
      const device = await syncedDevice(harness);
      const id = await registeredTicket(device);
      await comment(device, id, 'после 429');
      harness.erp.faults.set({ retryAfter: 1, retryAfterStatus: status, retryAfterSeconds: 30 });
      const result = await device.engine.syncNow();
      expect(result.ok).toBe(false);
      expect(device.engine.status().lastError?.kind).toBe('server_busy');
      expect(device.timer.armed()).toHaveLength(1);
      expect(device.timer.armed()[0]).toBeGreaterThanOrEqual(30_000);
      device.engine.hint('online');
      // The hint resets our backoff but keeps the server's wait: one timer, still ~30 s away.
      expect(device.timer.armed()).toHaveLength(1);
      expect(device.timer.armed()[0]).toBeGreaterThan(25_000);
      await expectConverged(harness, [device]);
      device.close();
    },
  );
});

describe('slow answers', () => {
  it('client timeout while the server commits late', async () => {
    const device = await syncedDevice(harness, 'a', { timeoutMs: 400 });
    const id = await registeredTicket(device);
    await comment(device, id, 'поздний коммит');
    harness.proxy.enqueue({ kind: 'delay-request', ms: 1_200 });
    const first = await device.engine.syncNow();
    expect(first.ok).toBe(false);
    expect(device.engine.status().lastError?.kind).toBe('timeout');
    await waitForServer(harness, id, (t) => t.comments.some((c) => c.text === 'поздний коммит'));
    await expectConverged(harness, [device]);
    device.close();
  });

  it('duplicate concurrent delivery: two windows push the same outbox at once', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    for (let i = 0; i < 20; i++) await comment(device, id, `параллельно ${i}`);
    const twin = await device.twin();
    harness.erp.faults.set({ delayMs: 100, endpoints: ['push'] });
    const results = await Promise.all([device.engine.syncNow(), twin.engine.syncNow()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect([...device.ledger.acks.values()].flat()).toContain('duplicate');
    await expectConverged(harness, [device, twin]);
    twin.close();
    device.close();
  });

  it('a replayed old page of changes is refused and moves nothing back', async () => {
    const mark = harness.proxy.recordings().length;
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    // This device's own first page: a page from another device's history could not be told
    // apart (the cursor is opaque), and is not what a replaying cache would serve.
    const old = harness.proxy
      .recordings()
      .findIndex(
        (r, i) => i >= mark && r.complete && r.requestLine.startsWith('GET /sync/v1/changes'),
      );
    await comment(device, id, 'после старой страницы');
    await device.syncUntilSettled();
    await comment(device, id, 'ещё одно');
    harness.proxy.enqueue({ kind: 'pass' }, { kind: 'replay', recording: old });
    const replayed = await device.engine.syncNow();
    expect(replayed).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
    await sleep(10);
    await expectConverged(harness, [device]);
    device.close();
  });
});
