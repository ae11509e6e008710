import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow, PlanWindowPayload } from '../../../../shared/maintenance/window';
import type { Organization } from '../../../../shared/domain/ticket';
import type { AppDb } from '../../../../renderer/db/schema';
import { listMaintenanceWindows } from '../../../../renderer/db/repos/maintenance-windows';
import { listRefusedLetters, retryDeadLetter } from '../../../../renderer/db/repos/dead-letters';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { recordAcks } from '../../../../renderer/db/repos/push-acks';
import {
  createWindowCommands,
  WindowActionError,
} from '../../../../renderer/db/repos/window-commands';
import { ME, ORG, T0, orgChange, seededDb } from '../db/db-fixture';

// ORG is Europe/Moscow (UTC+3, no DST) on the RU production calendar. 2026-12-12 is a Saturday
// (open all day); 2026-12-09 is a Wednesday, an ordinary working day (closed 07:00–18:00 MSK).
const SATURDAY: PlanWindowPayload = {
  organizationId: ORG.id,
  startsAt: '2026-12-12T07:00:00Z', // 10:00 MSK
  endsAt: '2026-12-12T11:00:00Z', // 14:00 MSK
  unavailable: 'Отчёты и выгрузка в 1С',
  mode: 'normal',
};
const WEDNESDAY_MORNING: PlanWindowPayload = {
  ...SATURDAY,
  startsAt: '2026-12-09T07:00:00Z', // 10:00 MSK
  endsAt: '2026-12-09T09:00:00Z', // 12:00 MSK
};
const OTHER_ORG: Organization = { ...ORG, id: 'org-spb', name: 'СПб', version: 1 };

async function windowDb() {
  const { db } = await seededDb();
  await applyPulledPage(db, { changes: [orgChange(OTHER_ORG)], nextCursor: 'c1', hasMore: false });
  let clock = T0;
  let ids = 0;
  let recorded = 0;
  const windows = createWindowCommands(db, {
    now: () => (clock += 60_000),
    newId: () => `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
    newWindowId: () => `00000000-0000-7000-9000-${String(++ids).padStart(12, '0')}`,
    onRecorded: () => (recorded += 1),
  });
  return { db, windows, recordedCount: () => recorded };
}

const stored = (id: string, patch: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id,
  ...SATURDAY,
  planned: {
    author: 'Белова Марина',
    authorId: 'belova',
    commandId: `c-${id}`,
    at: '2026-11-20T08:00:00Z',
  },
  override: null,
  cancelled: null,
  version: 1,
  ...patch,
});
const windowChange = (window: MaintenanceWindow) => ({
  entity: 'maintenance_window' as const,
  id: window.id,
  version: window.version,
  deleted: false,
  data: window,
});

async function expectRefused(action: Promise<unknown>, code: string) {
  const error: unknown = await action.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WindowActionError);
  expect((error as WindowActionError).code).toBe(code);
  return error as WindowActionError;
}

async function outboxOf(db: AppDb) {
  return db.outbox.orderBy('seq').toArray();
}

describe('planning a window on this device', () => {
  it('queues one plan_window under a new window id and shows the window at once, pending', async () => {
    const { db, windows, recordedCount } = await windowDb();
    const { id } = await windows.plan(SATURDAY);
    const [entry, ...rest] = await outboxOf(db);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      seq: 1,
      type: 'plan_window',
      ticketId: id,
      baseVersion: null,
      payload: SATURDAY,
      actedAt: T0 + 60_000,
      author: ME.name,
      authorId: ME.id,
    });
    expect(await listMaintenanceWindows(db)).toEqual([
      {
        id,
        ...SATURDAY,
        planned: {
          author: ME.name,
          authorId: ME.id,
          commandId: entry!.commandId,
          at: '2026-11-25T07:01:00.000Z',
        },
        override: null,
        cancelled: null,
        version: 0,
        pending: true,
      },
    ]);
    expect(recordedCount()).toBe(1);
  });

  it('stamps the action time with the clock offset known when the engineer acted', async () => {
    const { db, windows } = await windowDb();
    await db.meta.put({
      key: 'clockOffset',
      value: { offsetMs: -3_600_000, rttMs: 50, measuredAt: T0 },
    });
    await windows.plan(SATURDAY);
    const [entry] = await outboxOf(db);
    expect(entry!.offsetMs).toBe(-3_600_000);
    const [view] = await listMaintenanceWindows(db);
    // T0 + 1 min, one hour earlier by the ERP's clock.
    expect(view!.planned.at).toBe('2026-11-25T06:01:00.000Z');
  });

  it.each([
    [
      'endsAt before startsAt',
      { ...SATURDAY, endsAt: SATURDAY.startsAt },
      'invalid_payload',
      /endsAt must be after startsAt/,
    ],
    [
      'an empty "unavailable"',
      { ...SATURDAY, unavailable: '  ' },
      'invalid_payload',
      /unavailable must not be empty/,
    ],
    [
      'a mode that does not exist',
      { ...SATURDAY, mode: 'offline' },
      'invalid_payload',
      /mode must be/,
    ],
    [
      'closed hours without a reason',
      WEDNESDAY_MORNING,
      'outside_allowed_hours',
      /2026-12-09 .*10:00–12:00/,
    ],
    [
      'a reason on a window that needs none',
      { ...SATURDAY, overrideReason: 'срочно' },
      'override_not_needed',
      /allowed hours/,
    ],
    [
      'an organization this device does not know',
      { ...SATURDAY, organizationId: 'org-x' },
      'unknown_organization',
      /org-x/,
    ],
  ])('refuses %s with a clear error and queues nothing', async (_, input, code, message) => {
    const { db, windows, recordedCount } = await windowDb();
    const error = await expectRefused(windows.plan(input as PlanWindowPayload), code);
    expect(error.message).toMatch(message);
    expect(await db.outbox.count()).toBe(0);
    expect(await listMaintenanceWindows(db)).toEqual([]);
    expect(recordedCount()).toBe(0);
  });

  it('plans closed hours with a reason, and the reason is shown as the override', async () => {
    const { db, windows } = await windowDb();
    const { id } = await windows.plan({
      ...WEDNESDAY_MORNING,
      overrideReason: 'Авария на сервере',
    });
    const [view] = await listMaintenanceWindows(db);
    expect(view).toMatchObject({ id, override: { reason: 'Авария на сервере' }, pending: true });
  });

  it('refuses a window overlapping another of the same organization, stored or pending', async () => {
    const { db, windows } = await windowDb();
    await applyPulledPage(db, {
      changes: [windowChange(stored('w1'))],
      nextCursor: 'c2',
      hasMore: false,
    });
    await expectRefused(
      windows.plan({
        ...SATURDAY,
        startsAt: '2026-12-12T10:00:00Z',
        endsAt: '2026-12-12T12:00:00Z',
      }),
      'window_overlaps',
    );
    const later = { ...SATURDAY, startsAt: '2026-12-12T12:00:00Z', endsAt: '2026-12-12T14:00:00Z' };
    await windows.plan(later);
    await expectRefused(windows.plan(later), 'window_overlaps');
    // Another organization's window at the same time is no overlap.
    await windows.plan({ ...later, organizationId: OTHER_ORG.id });
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('cancelling a window', () => {
  it('queues cancel_window with the window version; the window shows cancelled, pending', async () => {
    const { db, windows } = await windowDb();
    await applyPulledPage(db, {
      changes: [windowChange(stored('w1', { version: 3 }))],
      nextCursor: 'c2',
      hasMore: false,
    });
    expect(await windows.cancel('w1', 'Клиент перенёс')).toEqual({ queued: true });
    const [entry] = await outboxOf(db);
    expect(entry).toMatchObject({
      type: 'cancel_window',
      ticketId: 'w1',
      baseVersion: 3,
      payload: { reason: 'Клиент перенёс' },
    });
    const [view] = await listMaintenanceWindows(db);
    expect(view).toMatchObject({
      id: 'w1',
      version: 3,
      pending: true,
      cancelled: {
        author: ME.name,
        authorId: ME.id,
        commandId: entry!.commandId,
        reason: 'Клиент перенёс',
      },
    });
    // A second cancel changes nothing and queues nothing.
    expect(await windows.cancel('w1')).toEqual({ queued: false });
    expect(await db.outbox.count()).toBe(1);
  });

  it('a window planned here and not yet sent can be cancelled (based on version 1)', async () => {
    const { db, windows } = await windowDb();
    const { id } = await windows.plan(SATURDAY);
    await windows.cancel(id);
    expect((await outboxOf(db)).map((e) => [e.type, e.baseVersion])).toEqual([
      ['plan_window', null],
      ['cancel_window', 1],
    ]);
    expect((await listMaintenanceWindows(db))[0]).toMatchObject({
      id,
      pending: true,
      cancelled: { authorId: ME.id },
    });
  });

  it('refuses an unknown window and a window already over', async () => {
    const { db, windows } = await windowDb();
    await expectRefused(windows.cancel('nope'), 'unknown_window');
    // Ended 2026-11-01, before this device's clock (2026-11-25): cancelling it means nothing.
    const past = stored('w-past', {
      startsAt: '2026-10-31T20:00:00Z',
      endsAt: '2026-11-01T02:00:00Z',
    });
    await applyPulledPage(db, { changes: [windowChange(past)], nextCursor: 'c2', hasMore: false });
    expect(await windows.cancel('w-past')).toEqual({ queued: false });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('the ERP answers', () => {
  it('applied: the stored copy replaces the pending view', async () => {
    const { db, windows } = await windowDb();
    const { id } = await windows.plan(SATURDAY);
    const [entry] = await outboxOf(db);
    const copy = stored(id, {
      planned: {
        author: ME.name,
        authorId: ME.id,
        commandId: entry!.commandId,
        at: '2026-11-25T07:01:00Z',
      },
    });
    await recordAcks(
      db,
      [{ commandId: entry!.commandId, outcome: 'done', status: 'applied', window: copy }],
      T0,
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tickets.count()).toBe(0);
    expect(await listMaintenanceWindows(db)).toEqual([{ ...copy, pending: false }]);
  });

  it('rejected: the refusal is a dead letter and the window shows it, no longer pending', async () => {
    const { db, windows } = await windowDb();
    const { id } = await windows.plan(SATURDAY);
    const [entry] = await outboxOf(db);
    const error = {
      code: 'window_overlaps',
      message: 'plan_window: the window overlaps window w9',
    };
    await recordAcks(
      db,
      [{ commandId: entry!.commandId, outcome: 'dead', status: 'conflict', error }],
      T0,
    );
    expect(await db.deadLetters.get(entry!.commandId)).toMatchObject({
      type: 'plan_window',
      ticketId: id,
      error,
    });
    expect(await listMaintenanceWindows(db)).toMatchObject([
      { id, pending: false, version: 0, refusal: error },
    ]);
    expect(await db.tickets.count()).toBe(0);
  });
});

describe('pulled windows', () => {
  it('are stored; a later version (the cancel) replaces them, an older one never does', async () => {
    const { db } = await windowDb();
    const planned = stored('w1');
    const cancelled = stored('w1', {
      version: 2,
      cancelled: {
        author: 'Белова Марина',
        authorId: 'belova',
        commandId: 'c2',
        at: '2026-11-21T08:00:00Z',
      },
    });
    await applyPulledPage(db, {
      changes: [windowChange(planned)],
      nextCursor: 'c2',
      hasMore: false,
    });
    expect(await listMaintenanceWindows(db)).toEqual([{ ...planned, pending: false }]);
    await applyPulledPage(db, {
      changes: [windowChange(cancelled)],
      nextCursor: 'c3',
      hasMore: false,
    });
    await applyPulledPage(db, {
      changes: [windowChange(planned)],
      nextCursor: 'c4',
      hasMore: false,
    });
    expect(await listMaintenanceWindows(db)).toEqual([{ ...cancelled, pending: false }]);
  });

  it('are listed newest first, and per organization when asked', async () => {
    const { db } = await windowDb();
    const early = stored('w-early', {
      startsAt: '2026-12-05T20:00:00Z',
      endsAt: '2026-12-05T22:00:00Z',
    });
    const late = stored('w-late');
    const spb = stored('w-spb', {
      organizationId: OTHER_ORG.id,
      startsAt: '2026-12-19T07:00:00Z',
      endsAt: '2026-12-19T09:00:00Z',
    });
    await applyPulledPage(db, {
      changes: [early, late, spb].map(windowChange),
      nextCursor: 'c2',
      hasMore: false,
    });
    expect((await listMaintenanceWindows(db)).map((w) => w.id)).toEqual([
      'w-spb',
      'w-late',
      'w-early',
    ]);
    expect((await listMaintenanceWindows(db, { organizationId: ORG.id })).map((w) => w.id)).toEqual(
      ['w-late', 'w-early'],
    );
  });
});

describe('a refused window action in the refused-actions list', () => {
  it('names the window and its organization, and is sent again under the same window id', async () => {
    const { db, windows } = await windowDb();
    const { id } = await windows.plan(SATURDAY);
    const [entry] = await outboxOf(db);
    const error = { code: 'internal_error', message: 'plan_window: the server failed' };
    await recordAcks(
      db,
      [{ commandId: entry!.commandId, outcome: 'dead', status: 'rejected', error }],
      T0,
    );
    const [refused] = await listRefusedLetters(db);
    expect(refused).toMatchObject({
      ticket: null,
      title: null,
      timeZone: ORG.timeZone,
      window: { startsAt: SATURDAY.startsAt, endsAt: SATURDAY.endsAt, organization: ORG.name },
    });

    const result = await retryDeadLetter(
      db,
      createTicketActions(db, {}),
      entry!.commandId,
      windows,
    );
    expect(result).toMatchObject({ ok: true, ticketId: id });
    expect(await db.deadLetters.count()).toBe(0);
    const [again] = await outboxOf(db);
    expect(again).toMatchObject({ type: 'plan_window', ticketId: id, seq: 2, payload: SATURDAY });
    expect(again!.commandId).not.toBe(entry!.commandId);
    expect(await db.tickets.count()).toBe(0);
  });
});
