import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow, PlanWindowPayload } from '../../../shared/maintenance/window';
import { listMaintenanceWindows } from '../../../renderer/db/repos/maintenance-windows';
import { createWindowCommands } from '../../../renderer/db/repos/window-commands';
import { startErpHarness, type ErpHarness } from '../../fixtures/sync/erp-harness';
import type { Device } from '../../fixtures/sync/device';
import { syncedDevice } from '../../fixtures/sync/scenario';
import { ORG } from '../../fixtures/sync/inputs';

// Engine + real Dexie schema (fake-indexeddb) + the demo ERP over real HTTP: window commands go
// through the same outbox as ticket actions, exactly once whatever happens to the answers.
// ORG is in Europe/Moscow (UTC+3, no DST) on the RU calendar; 2026-12-19 and 2026-12-26 are
// Saturdays, open to maintenance all day.

let harness: ErpHarness;
beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());
afterEach(() => harness.erp.faults.reset());

const plan = (day: number, fromHourUtc: number, hours = 1): PlanWindowPayload => ({
  organizationId: ORG,
  startsAt: new Date(Date.UTC(2026, 11, day, fromHourUtc)).toISOString(),
  endsAt: new Date(Date.UTC(2026, 11, day, fromHourUtc + hours)).toISOString(),
  unavailable: 'Отчёты по звонкам',
  mode: 'autonomous',
});

const windowsOf = (device: Device) => createWindowCommands(device.db, {});

async function serverWindow(id: string): Promise<MaintenanceWindow | undefined> {
  return (await harness.snapshot()).windows.get(id)?.data as MaintenanceWindow | undefined;
}

describe('maintenance windows through the sync engine', () => {
  // Each case plans its own hour (UTC) of Saturday 2026-12-19: the server is shared.
  it.each([
    [
      'reset after commit (server knob)',
      6,
      () => harness.erp.faults.set({ resetAfterCommit: 1 }),
      'duplicate',
    ],
    [
      'response cut after 40 bytes (proxy)',
      8,
      () => harness.proxy.enqueue({ kind: 'cut-response', afterBytes: 40 }),
      'duplicate',
    ],
    [
      'reset before commit (server knob)',
      10,
      () => harness.erp.faults.set({ resetBeforeCommit: 1 }),
      'applied',
    ],
  ])(
    '%s: the retried plan makes one window on the server and one on the device',
    async (_, slot, inject, retryAnswer) => {
      const device = await syncedDevice(harness);
      const { id } = await windowsOf(device).plan(plan(19, slot));
      const { commandId } = (await device.db.outbox.where('ticketId').equals(id).first())!;
      inject();
      expect((await device.engine.syncNow()).ok).toBe(false);
      const mineOn = async () =>
        (await listMaintenanceWindows(device.db)).filter((w) => w.id === id);
      expect(await mineOn()).toMatchObject([{ id, pending: true, version: 0 }]);
      expect((await device.syncUntilSettled()).at(-1)).toEqual({ ok: true });

      const stored = await serverWindow(id);
      expect(stored).toMatchObject({
        id,
        version: 1,
        cancelled: null,
        planned: { authorId: 'andreev' },
      });
      const log = (await device.db.outbox.count()) + (await device.db.deadLetters.count());
      expect(log).toBe(0);
      expect(await mineOn()).toEqual([{ ...stored, pending: false }]);
      // The one answer the device got: the first delivery's, or the retry's when the first committed.
      expect(device.ledger.acks.get(commandId)).toEqual([retryAnswer]);
      // No window ever becomes a ticket row.
      expect(await device.db.tickets.get(id)).toBeUndefined();
      device.close();
    },
  );

  it('another device pulls the window, cancels it, and the first device pulls the cancel', async () => {
    const planner = await syncedDevice(harness);
    const { id } = await windowsOf(planner).plan(plan(26, 6));
    await planner.syncUntilSettled();
    const colleague = await syncedDevice(harness, 'b');
    expect(await listMaintenanceWindows(colleague.db)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, version: 1, pending: false })]),
    );
    expect(await windowsOf(colleague).cancel(id, 'Клиент перенёс')).toEqual({ queued: true });
    await colleague.syncUntilSettled();
    await planner.syncUntilSettled();
    const [seen] = (await listMaintenanceWindows(planner.db)).filter((w) => w.id === id);
    expect(seen).toMatchObject({
      version: 2,
      pending: false,
      cancelled: { authorId: 'belova', reason: 'Клиент перенёс' },
    });
    planner.close();
    colleague.close();
  });

  it('a plan overtaken offline by a colleague’s overlapping one comes back refused, in words', async () => {
    const late = await syncedDevice(harness);
    const early = await syncedDevice(harness, 'b');
    const mine = await windowsOf(late).plan(plan(26, 9, 2));
    await windowsOf(early).plan(plan(26, 10, 2));
    await early.syncUntilSettled();
    await late.syncUntilSettled();
    const [letter] = await late.db.deadLetters.toArray();
    expect(letter).toMatchObject({
      type: 'plan_window',
      ticketId: mine.id,
      status: 'conflict',
      error: { code: 'window_overlaps' },
    });
    const [view] = (await listMaintenanceWindows(late.db)).filter((w) => w.id === mine.id);
    expect(view).toMatchObject({
      pending: false,
      version: 0,
      refusal: { code: 'window_overlaps' },
    });
    expect(await serverWindow(mine.id)).toBeUndefined();
    late.close();
    early.close();
  });
});
