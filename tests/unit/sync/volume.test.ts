import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_COMMANDS } from '../../../shared/erp/protocol';
import { openDevice } from '../../fixtures/sync/device';
import { startErpHarness, USERS, type ErpHarness } from '../../fixtures/sync/erp-harness';
import { intake, ORG } from '../../fixtures/sync/inputs';
import { createPrng } from '../../fixtures/sync/prng';
import { comment, expectConverged, syncedDevice } from '../../fixtures/sync/scenario';

let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness({ seedTickets: 0 });
});
afterAll(() => harness.close());

describe('volume', () => {
  it('1,000 tickets with equal timestamps, changed by another device during paging', async () => {
    const writer = await syncedDevice(harness, 'b', { engine: { batchSize: MAX_PUSH_COMMANDS } });
    harness.serverClock.frozenAt = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const created = await writer.create(intake(ORG, `Одинаковое время ${i}`));
      if (created.ok) ids.push(created.ticketId);
    }
    await writer.syncUntilSettled();
    const rows = await writer.db.tickets.toArray();
    expect(new Set(rows.map((r) => r.view!.updatedAt)).size).toBe(1);

    // A new device pages through them while the writer changes tickets on both sides of its
    // cursor after every page.
    const reader = openDevice({
      name: 'paging',
      token: USERS.c.token,
      baseUrl: harness.proxy.url,
      engine: { pageSize: 100 },
    });
    const prng = createPrng(42);
    const applyPage = reader.store.applyPage;
    let pages = 0;
    reader.store.applyPage = async (page) => {
      await applyPage(page);
      pages++;
      for (let i = 0; i < 5; i++)
        await comment(writer, prng.pick(ids), `при загрузке ${pages}.${i}`);
      await writer.syncUntilSettled();
    };
    expect((await reader.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    reader.store.applyPage = applyPage;
    expect(pages).toBeGreaterThan(10);
    harness.serverClock.frozenAt = null;
    await expectConverged(harness, [writer, reader]);
    writer.close();
    reader.close();
  });

  it('a 5,000-command offline backlog, read and sent one batch at a time', async () => {
    const device = await syncedDevice(harness, 'a', { engine: { batchSize: MAX_PUSH_COMMANDS } });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await device.create(intake(ORG, `Заявка из офлайн-очереди ${i}`));
      if (created.ok) ids.push(created.ticketId);
    }
    for (let i = 0; i < 4_950; i++) await comment(device, ids[i % 50]!, `офлайн ${i}`);
    expect(await device.db.outbox.count()).toBe(5_000);
    let largestRead = 0;
    const readOutbox = device.store.readOutbox;
    device.store.readOutbox = async (limit) => {
      const rows = await readOutbox(limit);
      largestRead = Math.max(largestRead, rows.length);
      return rows;
    };
    await expectConverged(harness, [device]);
    expect(largestRead).toBeLessThanOrEqual(MAX_PUSH_COMMANDS);
    device.close();
  }, 60_000);
});
