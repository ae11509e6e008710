import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '@shared/maintenance/window';
import {
  Device,
  expectReferenceWording,
  ORG_ID,
  pullAll,
  referenceOnly,
  startTestErp,
  TOKEN,
  userOf,
} from './erp-test-kit';

// Contract 2, "Maintenance windows": plan_window / cancel_window in the push (the window's id in
// `ticketId`), the `maintenance_window` entity in the feed, and the §5 rule enforced by the ERP.
// ORG_ID is in Asia/Novosibirsk (UTC+7, no DST) on the RU calendar. 2026-12-19 is a Saturday (open
// all day: its 07:00–23:59 local is 00:00–16:59Z); 2026-12-16 is a Wednesday, an ordinary working
// day (closed 07:00–18:00 local = 00:00–11:00Z). The RU calendar has no data for 2030.

/** A one-hour slot on Saturday 2026-12-19, 07:00 + k hours local: each test keeps to its own. */
const saturdaySlot = (k: number) => ({
  startsAt: new Date(Date.UTC(2026, 11, 19, k)).toISOString(),
  endsAt: new Date(Date.UTC(2026, 11, 19, k + 1)).toISOString(),
});
const plan = (patch: Record<string, unknown> = {}) => ({
  organizationId: ORG_ID,
  unavailable: 'Выгрузка в ЕГИСЗ и отчёты',
  mode: 'normal',
  ...patch,
});
// Before every window here and before this test's run: the action time the ERP records.
const ACTED = '2026-12-01T05:00:00.000Z';

let server: Awaited<ReturnType<typeof startTestErp>>;
let url: string;
let me: { id: string; name: string };

beforeAll(async () => {
  server = await startTestErp();
  url = server.erp.url;
  me = await userOf(url, TOKEN);
});
afterAll(() => server.stop());

async function planned(device: Device, patch: Record<string, unknown>, id = randomUUID()) {
  const result = await device.one({
    type: 'plan_window',
    ticketId: id,
    baseVersion: null,
    payload: plan(patch),
    clientCreatedAt: ACTED,
  });
  return { id, result, window: result.window as MaintenanceWindow | undefined };
}

async function fedVersions(id: string) {
  return (await pullAll(url)).changes
    .filter((change) => change.entity === 'maintenance_window' && change.id === id)
    .map((change) => change.data as MaintenanceWindow);
}

describe('plan_window', () => {
  it('stores the window, signed by the token user at the action time, and feeds it', async () => {
    const device = new Device(url);
    const { id, result, window } = await planned(device, saturdaySlot(0));
    expect(result.status).toBe('applied');
    expect(result.ticket).toBeUndefined();
    expect(window).toEqual({
      id,
      organizationId: ORG_ID,
      ...saturdaySlot(0),
      unavailable: 'Выгрузка в ЕГИСЗ и отчёты',
      mode: 'normal',
      planned: { author: me.name, authorId: me.id, commandId: result.commandId, at: ACTED },
      override: null,
      cancelled: null,
      version: 1,
    });
    expect(await fedVersions(id)).toEqual([window]);
  });

  it.each([
    [
      'closed hours of a working day without a reason',
      { startsAt: '2026-12-16T03:00:00Z', endsAt: '2026-12-16T05:00:00Z' },
      'outside_allowed_hours',
      /2026-12-16.*10:00–12:00/,
    ],
    [
      'a reason on a window that keeps to the allowed hours',
      { ...saturdaySlot(1), overrideReason: 'Так удобнее' },
      'override_not_needed',
      /allowed hours/,
    ],
    [
      'a year the production calendar does not cover',
      { startsAt: '2030-06-01T03:00:00Z', endsAt: '2030-06-01T05:00:00Z' },
      'calendar_not_covered',
      /2030/,
    ],
    [
      'an organization the ERP does not know',
      { ...saturdaySlot(1), organizationId: 'org-nowhere' },
      'unknown_organization',
      /org-nowhere/,
    ],
    [
      'an end before the start',
      { startsAt: saturdaySlot(2).endsAt, endsAt: saturdaySlot(2).startsAt },
      'invalid_payload',
      /endsAt must be after startsAt/,
    ],
    [
      'a mode that does not exist',
      { ...saturdaySlot(1), mode: 'offline' },
      'invalid_payload',
      /mode/,
    ],
  ])('refuses %s (%s), storing nothing', async (_, patch, code, wording) => {
    const { id, result } = await planned(new Device(url), patch);
    expect([result.status, result.error?.code]).toEqual(['rejected', code]);
    expectReferenceWording(result.error?.message, wording);
    expect(result.window).toBeUndefined();
    expect(await fedVersions(id)).toEqual([]);
  });

  it('plans closed hours with a reason and records it as the override', async () => {
    const { result, window } = await planned(new Device(url), {
      startsAt: '2026-12-16T05:00:00Z',
      endsAt: '2026-12-16T06:00:00Z',
      overrideReason: 'Авария: сервер БД не запускается',
    });
    expect(result.status).toBe('applied');
    expect(window?.override).toEqual({ reason: 'Авария: сервер БД не запускается' });
  });

  it('a retried push is a duplicate carrying the window: one window, one version in the feed', async () => {
    const device = new Device(url);
    const id = randomUUID();
    const command = device.command({
      type: 'plan_window',
      ticketId: id,
      baseVersion: null,
      payload: plan(saturdaySlot(3)),
      clientCreatedAt: ACTED,
    });
    const { cursor } = await pullAll(url);
    const first = await device.send([command]);
    const again = await device.send([command]);
    expect(first.body.results[0]?.status).toBe('applied');
    expect(again.body.results[0]).toMatchObject({
      status: 'duplicate',
      originalStatus: 'applied',
      window: first.body.results[0]?.window,
    });
    const logged = (await pullAll(url, cursor)).changes.filter((change) => change.id === id);
    expect(logged.map((change) => change.version)).toEqual([1]);
  });

  it('refuses a window overlapping another of the organization (conflict) until that one is cancelled', async () => {
    const device = new Device(url);
    const first = await planned(device, saturdaySlot(4));
    const overlapping = { startsAt: saturdaySlot(4).startsAt, endsAt: saturdaySlot(5).endsAt };
    const refused = await planned(device, overlapping);
    expect([refused.result.status, refused.result.error?.code]).toEqual([
      'conflict',
      'window_overlaps',
    ]);
    expectReferenceWording(refused.result.error?.message, new RegExp(first.id));
    await device.one({
      type: 'cancel_window',
      ticketId: first.id,
      baseVersion: 1,
      clientCreatedAt: ACTED,
    });
    expect((await planned(device, overlapping)).result.status).toBe('applied');
  });

  referenceOnly(
    'records the action time no later than the server time (a fast device clock)',
    async () => {
      const before = Date.now();
      const { result, window } = await new Device(url)
        .one({
          type: 'plan_window',
          ticketId: randomUUID(),
          baseVersion: null,
          payload: plan(saturdaySlot(6)),
          clientCreatedAt: '2099-01-01T00:00:00Z',
        })
        .then((r) => ({ result: r, window: r.window as MaintenanceWindow }));
      expect(result.status).toBe('applied');
      const at = Date.parse(window.planned.at);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThan(Date.parse('2099-01-01T00:00:00Z'));
    },
  );
});

describe('cancel_window', () => {
  it('marks the window cancelled (kept, one version on); cancelling again is a noop', async () => {
    const device = new Device(url);
    const { id, window } = await planned(device, saturdaySlot(7));
    const { cursor } = await pullAll(url);
    const cancel = await device.one({
      type: 'cancel_window',
      ticketId: id,
      baseVersion: 1,
      payload: { reason: 'Клиент перенёс работы' },
      clientCreatedAt: '2026-12-02T06:00:00Z',
    });
    expect(cancel.status).toBe('applied');
    const cancelled = cancel.window as MaintenanceWindow;
    expect(cancelled).toEqual({
      ...window,
      cancelled: {
        author: me.name,
        authorId: me.id,
        commandId: cancel.commandId,
        at: '2026-12-02T06:00:00.000Z',
        reason: 'Клиент перенёс работы',
      },
      version: 2,
    });
    const again = await device.one({ type: 'cancel_window', ticketId: id, baseVersion: 2 });
    expect(again).toMatchObject({ status: 'noop', window: cancelled });
    // Pulling on from before the cancel brings the new version; a snapshot has only the newest.
    const after = (await pullAll(url, cursor)).changes.filter((change) => change.id === id);
    expect(after.map((change) => [change.entity, change.version])).toEqual([
      ['maintenance_window', 2],
    ]);
    expect(await fedVersions(id)).toEqual([cancelled]);
  });

  it('is a noop for a window already over when the engineer acted, and refuses an unknown one', async () => {
    const device = new Device(url);
    // Saturday 2026-11-21, before the action time 2026-12-01.
    const { id } = await planned(device, {
      startsAt: '2026-11-21T03:00:00Z',
      endsAt: '2026-11-21T04:00:00Z',
    });
    const over = await device.one({ type: 'cancel_window', ticketId: id, clientCreatedAt: ACTED });
    expect(over.status).toBe('noop');
    const unknown = await device.one({ type: 'cancel_window', ticketId: randomUUID() });
    expect([unknown.status, unknown.error?.code]).toEqual(['rejected', 'unknown_window']);
  });

  it('applies plan and cancel of one push in order; the feed gets the final version', async () => {
    const device = new Device(url);
    const id = randomUUID();
    const answer = await device.send([
      device.command({
        type: 'plan_window',
        ticketId: id,
        baseVersion: null,
        payload: plan(saturdaySlot(8)),
        clientCreatedAt: ACTED,
      }),
      device.command({
        type: 'cancel_window',
        ticketId: id,
        baseVersion: 1,
        clientCreatedAt: ACTED,
      }),
    ]);
    expect(answer.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await fedVersions(id)).map((w) => [w.version, w.cancelled?.at])).toEqual([[2, ACTED]]);
  });
});
