import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import type { AppDb } from '../../../renderer/db/schema';
import { openDevice } from '../../fixtures/sync/device';
import { startErpHarness, USERS, type ErpHarness } from '../../fixtures/sync/erp-harness';
import {
  comment,
  expectConverged,
  registeredTicket,
  syncedDevice,
  waitForServer,
} from '../../fixtures/sync/scenario';

let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());
afterEach(() => harness.erp.faults.reset());

/** Makes the n-th write of the pull cursor throw: the page's transaction dies half-written. */
function dieOnCursorWrite(n: number) {
  let writes = 0;
  return (db: AppDb) =>
    db.use({
      stack: 'dbcore',
      name: 'die-mid-page',
      create: (down: DBCore): DBCore => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'meta') return table;
          return {
            ...table,
            mutate(request) {
              const hit =
                request.type === 'put' &&
                request.values.some((v) => (v as { key: string }).key === 'cursor');
              if (hit && ++writes === n) throw new Error('power loss mid-page');
              return table.mutate(request);
            },
          };
        },
      }),
    });
}

describe('the app dies', () => {
  it('after the outbox write, before any sync', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'записано, но не отправлено');
    await device.perform('react', id, {});
    const reopened = await device.crash();
    expect(await reopened.db.outbox.count()).toBe(2);
    await expectConverged(harness, [reopened]);
    reopened.close();
  });

  it('after sending, before the answer is stored', async () => {
    const device = await syncedDevice(harness, 'a', { timeoutMs: 1_000 });
    const id = await registeredTicket(device);
    await comment(device, id, 'отправлено перед сбоем');
    harness.proxy.enqueue({ kind: 'blackhole' });
    const inFlight = device.engine.syncNow();
    await waitForServer(harness, id, (t) =>
      t.comments.some((c) => c.text === 'отправлено перед сбоем'),
    );
    const reopened = await device.crash();
    expect((await inFlight).ok).toBe(false);
    expect(await reopened.db.outbox.count()).toBe(1);
    await expectConverged(harness, [reopened]);
    expect(reopened.ledger.acks.get([...reopened.ledger.issued.keys()].at(-1)!)).toEqual([
      'duplicate',
    ]);
    reopened.close();
  });

  it('in the middle of storing a page of changes', async () => {
    const writer = await syncedDevice(harness, 'b');
    for (let i = 0; i < 12; i++)
      await registeredTicket(writer, `Тикет для постраничной загрузки ${i}`);
    const device = openDevice({
      name: 'mid-page',
      token: USERS.a.token,
      baseUrl: harness.proxy.url,
      engine: { pageSize: 5 },
      onOpen: dieOnCursorWrite(5),
    });
    const first = await device.engine.syncNow();
    expect(first).toMatchObject({ ok: false, error: { kind: 'local' } });
    // Pages 1–4 (the team's eight users, then twelve organizations) are stored; page 5 (the first
    // five tickets) died with its cursor and left nothing behind.
    expect(await device.db.users.count()).toBe(8);
    expect(await device.db.organizations.count()).toBe(12);
    expect(await device.db.tickets.count()).toBe(0);
    const reopened = await device.crash();
    await expectConverged(harness, [reopened, writer]);
    reopened.close();
    writer.close();
  });
});

describe('the user keeps working', () => {
  it('local edits during an in-flight push are kept and sent next', async () => {
    const device = await syncedDevice(harness);
    const id = await registeredTicket(device);
    await comment(device, id, 'в полёте');
    harness.proxy.enqueue({ kind: 'delay-response', ms: 300 });
    const run = device.engine.syncNow();
    await comment(device, id, 'добавлено во время отправки');
    await device.perform('pause', id, { reason: 'awaiting_user_info' });
    const during = (await device.db.tickets.get(id))!.view!;
    expect(during.comments.map((c) => c.text)).toContain('добавлено во время отправки');
    expect(during.state).toBe('paused');
    // Joins the run in flight, which then runs once more for the new commands.
    expect(device.engine.syncNow()).toBe(run);
    expect(await run).toEqual({ ok: true });
    expect(await device.db.outbox.count()).toBe(0);
    await expectConverged(harness, [device]);
    device.close();
  });
});
