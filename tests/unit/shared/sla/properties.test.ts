import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateSla,
  planAlerts,
  PAUSE_REASONS,
  type Priority,
  type SlaEvent,
  type SlaTicket,
} from '@shared/sla';

const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Asia/Vladivostok',
  'Asia/Kamchatka',
];
const MINUTE = 60_000;
// Creation instants from 2024-01-01 to 2027-10-01: every RU calendar year with data.
const FROM = Date.parse('2024-01-01T00:00:00Z');
const SPAN_MINUTES = (Date.parse('2027-10-01T00:00:00Z') - FROM) / MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

const priority = fc.constantFrom<Priority>(1, 2, 3, 4);
const created = fc.integer({ min: 0, max: SPAN_MINUTES }).map((m) => FROM + m * MINUTE);
const gap = fc.integer({ min: 0, max: 5 * 24 * 60 }); // up to five days between events, in minutes

/** A ticket with one closed pause (and maybe a reaction), used to compare with its pause-free twin. */
const pausedTicket = fc.record({
  priority,
  created,
  zone: fc.constantFrom(...ZONES),
  before: gap,
  length: gap,
  reason: fc.constantFrom(...PAUSE_REASONS),
});

describe('SLA invariants (property tests)', () => {
  it('elapsed never decreases as now grows', () => {
    fc.assert(
      fc.property(priority, created, fc.constantFrom(...ZONES), gap, gap, (p, c, zone, a, b) => {
        const t: SlaTicket = { priority: p, createdAt: iso(c), timeZone: zone, events: [] };
        const earlier = evaluateSla(t, iso(c + a * MINUTE));
        const later = evaluateSla(t, iso(c + (a + b) * MINUTE));
        expect(later.reaction.elapsedMs).toBeGreaterThanOrEqual(earlier.reaction.elapsedMs);
        expect(later.resolution.elapsedMs).toBeGreaterThanOrEqual(earlier.resolution.elapsedMs);
      }),
      { numRuns: 300 },
    );
  });

  it('a pause never makes the resolution deadline earlier', () => {
    fc.assert(
      fc.property(
        pausedTicket,
        gap,
        ({ priority: p, created: c, zone, before, length, reason }, after) => {
          const pausedAt = c + before * MINUTE;
          const resumedAt = pausedAt + length * MINUTE;
          const now = iso(resumedAt + after * MINUTE);
          const events: SlaEvent[] = [
            { type: 'paused', at: iso(pausedAt), reason, note: 'n' },
            { type: 'resumed', at: iso(resumedAt) },
          ];
          const withPause = evaluateSla(
            { priority: p, createdAt: iso(c), timeZone: zone, events },
            now,
          ).resolution;
          const without = evaluateSla(
            {
              priority: p,
              createdAt: iso(c),
              timeZone: zone,
              events: [{ type: 'reacted', at: iso(pausedAt) }],
            },
            now,
          ).resolution;
          expect(Date.parse(withPause.dueAt!)).toBeGreaterThanOrEqual(Date.parse(without.dueAt!));
          expect(withPause.elapsedMs).toBeLessThanOrEqual(without.elapsedMs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('P1 resolution deadline = created + 8 h + paused time (when the pause ended before the target)', () => {
    fc.assert(
      fc.property(
        created,
        fc.integer({ min: 0, max: 479 }),
        fc.integer({ min: 1, max: 3000 }),
        (c, before, length) => {
          const pausedAt = c + before * MINUTE;
          const resumedAt = pausedAt + length * MINUTE;
          const t: SlaTicket = {
            priority: 1,
            createdAt: iso(c),
            timeZone: 'Asia/Kamchatka',
            events: [
              { type: 'paused', at: iso(pausedAt), reason: 'awaiting_user_info' },
              { type: 'resumed', at: iso(resumedAt) },
            ],
          };
          expect(evaluateSla(t, iso(resumedAt)).resolution.dueAt).toBe(
            iso(c + 8 * 60 * MINUTE + length * MINUTE),
          );
        },
      ),
    );
  });

  it('remainingMs = targetMs − elapsedMs, and the level-1 alert is the deadline', () => {
    fc.assert(
      fc.property(priority, created, fc.constantFrom(...ZONES), gap, (p, c, zone, a) => {
        const t: SlaTicket = { priority: p, createdAt: iso(c), timeZone: zone, events: [] };
        const now = iso(c + a * MINUTE);
        const r = evaluateSla(t, now);
        for (const clock of [r.reaction, r.resolution])
          expect(clock.remainingMs).toBe(clock.targetMs - clock.elapsedMs);
        const breach = planAlerts(t, now, [1]);
        const expected = [
          ['reaction', r.reaction.dueAt],
          ['resolution', r.resolution.dueAt],
        ].filter(([, due]) => Date.parse(due!) > Date.parse(now));
        expect(breach.map((alert) => [alert.clock, alert.at]).sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('at the deadline exactly the target has been counted', () => {
    fc.assert(
      fc.property(priority, created, fc.constantFrom(...ZONES), (p, c, zone) => {
        const t: SlaTicket = { priority: p, createdAt: iso(c), timeZone: zone, events: [] };
        const due = evaluateSla(t, iso(c)).resolution.dueAt!;
        const atDue = evaluateSla(t, due).resolution;
        expect(atDue.elapsedMs).toBe(atDue.targetMs);
        expect(atDue.status).not.toBe('breached');
        expect(evaluateSla(t, iso(Date.parse(due) + 1)).resolution.status).toBe('breached');
      }),
      { numRuns: 300 },
    );
  });
});
