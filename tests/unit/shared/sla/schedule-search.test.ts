// The schedule tables answer "when has this much working time been counted" by walking from the
// day looked up last, and a clock's deadline and elapsed time come from one pass over its spans.
// Both are shortcuts; these properties compare them with the straightforward answers: a day-by-day
// walk with luxon in the zone, and the two separate passes.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { classifyDay, dayNumberOf, findCalendar } from '@shared/calendars';
import {
  evaluateClock,
  evaluateClockState,
  instantWhenCounted,
  lastDueMs,
  type ClockModel,
} from '@shared/sla/clocks';
import { toClockState } from '@shared/sla/evaluate';
import { BusinessSchedule, type WorkSchedule } from '@shared/sla/schedule';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const HOURS = { startMinute: 9 * 60, endMinute: 18 * 60, shortEndMinute: 17 * 60 };
// DST zones (Berlin, New York, Lord Howe's 30-minute shift), a +05:45 zone, and RU zones without DST.
const ZONES = [
  'Europe/Moscow',
  'Asia/Kamchatka',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];
// Instants from 2024-01-01 to 2027-06-30: years the RU calendar has data for, leap day included.
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2027-06-30T00:00:00Z');

/** The earliest instant after `t` at which `amount` ms of working time have passed, by luxon. */
function walkWithLuxon(zone: string, calendarId: string, t: number, amount: number): number {
  const calendar = findCalendar(calendarId)!;
  let date = DateTime.fromMillis(t, { zone }).startOf('day');
  let left = amount;
  for (;;) {
    const day = dayNumberOf(date.year, date.month, date.day);
    const { kind } = classifyDay(calendar, day);
    if (kind === 'workday' || kind === 'short_day') {
      const start = date.set({ hour: 9 }).toMillis();
      const end = date.set({ hour: kind === 'short_day' ? 17 : 18 }).toMillis();
      const from = Math.max(t, start);
      if (from < end) {
        if (left <= end - from) return from + left;
        left -= end - from;
      }
    }
    date = date.plus({ days: 1 });
  }
}

// One table per zone and calendar for the whole file, as the engine keeps them: every property
// run then starts from whatever day the previous lookups left behind.
const tables = new Map<string, BusinessSchedule>();
function tableFor(zone: string, calendarId: string): BusinessSchedule {
  const key = `${zone} ${calendarId}`;
  let table = tables.get(key);
  if (!table)
    tables.set(key, (table = new BusinessSchedule(zone, findCalendar(calendarId)!, HOURS)));
  return table;
}

const lookup = fc.record({
  t: fc.integer({ min: FROM, max: TO }),
  // 1 ms to 60 working hours: reaction and resolution targets and an extension beyond them.
  amount: fc.oneof(fc.integer({ min: 1, max: 60 * HOUR }), fc.constantFrom(1, HOUR, 8 * HOUR)),
  // Another instant looked up between counting and reaching, as a clock with spans does.
  between: fc.integer({ min: FROM, max: TO }),
});

describe('schedule search shortcuts vs the straightforward answers', () => {
  it('reach finds the same instant as a day-by-day walk, whatever was looked up before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('RU', 'none'),
        // Several lookups in random order: the search starts from a stale day.
        fc.array(lookup, { minLength: 1, maxLength: 8 }),
        (zone, calendarId, lookups) => {
          const schedule = tableFor(zone, calendarId);
          for (const { t, amount, between } of lookups) {
            const counted = schedule.counted(t);
            schedule.counted(between);
            const due = schedule.reach(counted + amount);
            expect(due).toBe(walkWithLuxon(zone, calendarId, t, amount));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reach is right for a deadline weeks on (past the short walk, into the bisection)', () => {
    const schedule = new BusinessSchedule('Europe/Berlin', findCalendar('RU')!, HOURS);
    // 400 working hours from Friday 2024-03-01 run to early May: over 32 days, across the Berlin
    // DST change of 2024-03-31 and the RU holidays of March 8 and May 1.
    const t = Date.parse('2024-03-01T08:00:00Z');
    expect(schedule.reach(schedule.counted(t) + 400 * HOUR)).toBe(
      walkWithLuxon('Europe/Berlin', 'RU', t, 400 * HOUR),
    );
  });

  it('one pass gives the deadline and elapsed time of the two separate passes', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 5 * 24 * 60 }), fc.integer({ min: 0, max: 5 * 24 * 60 }))
      .map(([gap, length]) => [gap * MINUTE, length * MINUTE] as const);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO - 60 * 24 * HOUR }),
        fc.array(span, { maxLength: 4 }),
        fc.record({
          target: fc.integer({ min: 1, max: 48 * HOUR }),
          tailGap: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined }),
          stopAfter: fc.option(fc.integer({ min: 0, max: 10 * 24 * 60 }), { nil: undefined }),
          nowAfter: fc.integer({ min: 0, max: 10 * 24 * 60 }),
        }),
        (zone, created, pieces, { target, tailGap, stopAfter, nowAfter }) => {
          const schedule = tableFor(zone, 'RU');
          const spans: Array<[number, number]> = [];
          let cursor = created;
          for (const [gap, length] of pieces) {
            spans.push([cursor + gap, cursor + gap + length]);
            cursor += gap + length;
          }
          const tailFrom = tailGap === undefined ? null : cursor + tailGap * MINUTE;
          const last = tailFrom ?? cursor;
          const stopMs =
            stopAfter === undefined || tailFrom === null ? null : last + stopAfter * MINUTE;
          const nowMs = Math.max(last, stopMs ?? last) + nowAfter * MINUTE;
          const model: ClockModel = { targetMs: target, spans, tailFrom, stopMs, paused: false };
          const result = evaluateClock(model, schedule, nowMs);
          expect(result.dueMs).toBe(instantWhenCounted(model, schedule, target));
          expect(result.elapsedMs).toBe(elapsedInTwoPasses(model, schedule, nowMs));
          // evaluateSla's path builds the ClockState without the intermediate result.
          const state = evaluateClockState(target, spans, tailFrom, stopMs, false, schedule, nowMs);
          expect(state).toEqual(toClockState(result));
          expect(lastDueMs()).toBe(result.dueMs);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('schedule answers remembered or short-cut vs computed afresh', () => {
  // Instants of 2025 in the zone's year, so that a fresh table builds one year only.
  const in2025 = fc.integer({
    min: Date.parse('2025-01-02T00:00:00Z'),
    max: Date.parse('2025-12-30T00:00:00Z'),
  });

  it('counted() of an instant asked again, soon or after others, is what a fresh table says', () => {
    // Totals count from the day a table was first built, so tables are compared by differences.
    const reference = Date.parse('2025-01-01T12:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(in2025, { minLength: 1, maxLength: 4 }),
        // Indexes into that pool: repeats back to back, one or two lookups apart, or never.
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (zone, pool, picks) => {
          const shared = tableFor(zone, 'RU');
          for (const pick of picks) {
            const t = pool[pick % pool.length]!;
            const fresh = new BusinessSchedule(zone, findCalendar('RU')!, HOURS);
            expect(shared.counted(t) - shared.counted(reference)).toBe(
              fresh.counted(t) - fresh.counted(reference),
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('hasUncoveredYears says yes exactly when uncoveredYears names a year', () => {
    // 2023–2029: the RU calendar has data for some of these years only (see the fixture).
    const instant = fc.integer({
      min: Date.parse('2023-01-01T00:00:00Z'),
      max: Date.parse('2029-12-31T00:00:00Z'),
    });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, instant, (zone, a, b) => {
        const schedule = tableFor(zone, 'RU');
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(schedule.hasUncoveredYears(from, to)).toBe(
          schedule.uncoveredYears(from, to).length > 0,
        );
      }),
      { numRuns: 300 },
    );
  });
});

function elapsedInTwoPasses(model: ClockModel, schedule: WorkSchedule, nowMs: number): number {
  let elapsed = 0;
  for (const [from, to] of model.spans) elapsed += schedule.counted(to) - schedule.counted(from);
  if (model.tailFrom !== null) {
    const end = model.stopMs ?? nowMs;
    if (end > model.tailFrom) elapsed += schedule.counted(end) - schedule.counted(model.tailFrom);
  }
  return elapsed;
}
