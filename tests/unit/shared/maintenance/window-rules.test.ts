import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../shared/domain/ticket';
import {
  applyWindowCommand,
  type WindowCommandContext,
} from '../../../../shared/maintenance/apply-window-command';
import { checkWindowHours } from '../../../../shared/maintenance/allowed-hours';
import type { MaintenanceWindow } from '../../../../shared/maintenance/window';
import { windowViews } from '../../../../shared/maintenance/window-view';
import type { OutboxEntry } from '../../../../shared/sync/ports';

// ORG: Europe/Moscow (UTC+3, no DST), RU calendar. December 2026: the 5th, 6th, 12th, 13th, 19th,
// 20th, 26th and 27th are weekends; 31 December 2026 is a holiday in the RU calendar; every other
// day is a working day (closed 07:00–18:00 MSK = 04:00–15:00Z).
const ORG: Organization = {
  id: 'org-msk',
  name: 'ГБУ «Столица»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: [],
  contactEmails: [],
  version: 1,
};
const HOUR = 3_600_000;
const DEC_1 = Date.parse('2026-12-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const ctx = (patch: Partial<WindowCommandContext> = {}): WindowCommandContext => ({
  commandId: 'c1',
  windowId: 'w1',
  author: 'Андреев Павел',
  authorId: 'andreev',
  at: '2026-11-30T09:00:00.000Z',
  organization: ORG,
  others: [],
  ...patch,
});

/** A window of whole hours somewhere in December 2026 (a calendar the RU data covers). */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 29 * 24 }), fc.integer({ min: 1, max: 72 }))
  .map(([startHour, hours]) => ({
    startsAt: iso(DEC_1 + startHour * HOUR),
    endsAt: iso(DEC_1 + (startHour + hours) * HOUR),
  }));
const plan = (span: { startsAt: string; endsAt: string }, overrideReason?: string) => ({
  organizationId: ORG.id,
  ...span,
  unavailable: 'Отчёты',
  mode: 'normal' as const,
  ...(overrideReason === undefined ? {} : { overrideReason }),
});

describe('plan_window and the allowed hours', () => {
  it('is applied without a reason exactly when §5 allows it, and with one exactly when it does not', () => {
    fc.assert(
      fc.property(interval, fc.boolean(), (span, withReason) => {
        const allowed = checkWindowHours(span, ORG).allowed;
        const outcome = applyWindowCommand(
          null,
          'plan_window',
          plan(span, withReason ? 'Авария' : undefined),
          ctx(),
        );
        if (allowed === !withReason) {
          expect(outcome.status).toBe('applied');
          if (outcome.status === 'applied')
            expect(outcome.window.override).toEqual(withReason ? { reason: 'Авария' } : null);
        } else {
          const code = withReason ? 'override_not_needed' : 'outside_allowed_hours';
          expect(outcome).toMatchObject({ status: 'rejected', error: { code } });
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // Saturday 2026-12-12, 10:00–14:00 MSK.
    ['a Saturday daytime', '2026-12-12T07:00:00Z', '2026-12-12T11:00:00Z', true],
    // Wednesday 2026-12-09, 18:00–23:00 MSK: after the closed hours.
    ['a working evening', '2026-12-09T15:00:00Z', '2026-12-09T20:00:00Z', true],
    // Wednesday 2026-12-09, 17:00–19:00 MSK: its first hour is closed.
    ['an evening starting at 17:00', '2026-12-09T14:00:00Z', '2026-12-09T16:00:00Z', false],
    // Thursday 2026-12-31 is a holiday in the RU calendar: open all day.
    ['New Year’s Eve daytime', '2026-12-31T07:00:00Z', '2026-12-31T11:00:00Z', true],
  ])('%s: allowed %s', (_, startsAt, endsAt, allowed) => {
    const outcome = applyWindowCommand(null, 'plan_window', plan({ startsAt, endsAt }), ctx());
    expect(outcome.status).toBe(allowed ? 'applied' : 'rejected');
  });

  it('refuses exactly the plans that overlap a window of the organization not cancelled', () => {
    fc.assert(
      fc.property(interval, interval, fc.boolean(), (mine, theirs, cancelled) => {
        const other: MaintenanceWindow = {
          id: 'w-other',
          ...plan(theirs),
          planned: { author: 'Б', authorId: 'b', commandId: 'c0', at: '2026-11-29T00:00:00Z' },
          override: null,
          cancelled: cancelled
            ? { author: 'Б', authorId: 'b', commandId: 'c9', at: '2026-11-29T01:00:00Z' }
            : null,
          version: cancelled ? 2 : 1,
        };
        // Every window may leave the hours here: the reason is given whenever it is needed.
        const reason = checkWindowHours(mine, ORG).allowed ? undefined : 'Авария';
        const outcome = applyWindowCommand(
          null,
          'plan_window',
          plan(mine, reason),
          ctx({ others: [other] }),
        );
        const overlapping =
          !cancelled &&
          Date.parse(mine.startsAt) < Date.parse(theirs.endsAt) &&
          Date.parse(theirs.startsAt) < Date.parse(mine.endsAt);
        expect(outcome.status).toBe(overlapping ? 'conflict' : 'applied');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the device’s view of its windows', () => {
  const entry = (
    seq: number,
    type: 'plan_window' | 'cancel_window',
    windowId: string,
    span = { startsAt: '2026-12-12T07:00:00Z', endsAt: '2026-12-12T11:00:00Z' },
  ): OutboxEntry => ({
    seq,
    commandId: `c${seq}`,
    type,
    ticketId: windowId,
    baseVersion: type === 'plan_window' ? null : 1,
    payload: type === 'plan_window' ? plan(span) : {},
    actedAt: Date.parse('2026-11-30T09:00:00Z') + seq * 60_000,
    offsetMs: null,
    author: 'Андреев Павел',
    authorId: 'andreev',
  });

  it('shows each window once, pending exactly when a command about it is unsent, newest first', () => {
    const command = fc.record({
      type: fc.constantFrom('plan_window' as const, 'cancel_window' as const),
      window: fc.constantFrom('w1', 'w2', 'w3'),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 8 }),
        fc.subarray(['w1', 'w2']),
        (commands, storedIds) => {
          const stored: MaintenanceWindow[] = storedIds.map((id, n) => ({
            id,
            ...plan({ startsAt: iso(DEC_1 + n * HOUR), endsAt: iso(DEC_1 + (n + 1) * HOUR) }),
            planned: { author: 'Б', authorId: 'b', commandId: `s${n}`, at: '2026-11-29T00:00:00Z' },
            override: null,
            cancelled: null,
            version: 1,
          }));
          const pending = commands.map((c, i) =>
            entry(i + 1, c.type, c.window, {
              startsAt: iso(DEC_1 + c.day * 24 * HOUR),
              endsAt: iso(DEC_1 + (c.day * 24 + 2) * HOUR),
            }),
          );
          const views = windowViews(stored, pending, [], null);
          const ids = views.map((view) => view.id);
          expect(new Set(ids).size).toBe(ids.length);
          const shown = new Set([
            ...storedIds,
            ...pending.filter((p) => p.type === 'plan_window').map((p) => p.ticketId),
          ]);
          expect(new Set(ids)).toEqual(shown);
          for (const view of views)
            expect(view.pending).toBe(pending.some((p) => p.ticketId === view.id));
          const starts = views.map((view) => Date.parse(view.startsAt));
          expect(starts).toEqual([...starts].sort((a, b) => b - a));
        },
      ),
      { numRuns: 200 },
    );
  });
});
