import { DateTime } from 'luxon';
import { z } from 'zod';

/** The preset spans, in calendar days counted back from today (today included). */
export const PERIOD_PRESETS = [7, 30, 90, 365] as const;

/**
 * Which resolved tickets a view shows, by when they were resolved: all of them, the last N days,
 * or a range of dates typed by the engineer (inclusive, either end open). Days are this
 * computer's calendar days: a list spans customers in many zones, and "resolved yesterday"
 * means the engineer's yesterday.
 */
export type ResolutionPeriod =
  | { kind: 'all' }
  | { kind: 'last'; days: (typeof PERIOD_PRESETS)[number] }
  | { kind: 'range'; from: string; to: string };

export const ALL_TIME: ResolutionPeriod = { kind: 'all' };

/** [from, to): resolution instants in epoch ms; the period holds `from <= resolvedAt < to`. */
export interface PeriodBounds {
  fromMs: number;
  toMs: number;
}

export type PeriodProblem = 'invalidFrom' | 'invalidTo' | 'fromAfterTo';

export type PeriodResult =
  { ok: true; bounds: PeriodBounds } | { ok: false; problem: PeriodProblem };

// What `<input type="date">` gives; an empty end is open. A date Chromium lets through but that
// does not exist (2026-02-30, typed by hand in some locales) is refused below.
const civilDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

function startOfDay(date: string, zone: string): number | null {
  const day = DateTime.fromISO(date, { zone });
  return day.isValid ? day.startOf('day').toMillis() : null;
}

/**
 * The instants a period covers for an engineer in `zone` at `nowMs`, or what is wrong with the
 * dates typed (never quietly swapped or dropped: the view says which date to fix).
 */
export function periodBounds(period: ResolutionPeriod, nowMs: number, zone: string): PeriodResult {
  switch (period.kind) {
    case 'all':
      return { ok: true, bounds: { fromMs: -Infinity, toMs: Infinity } };
    case 'last': {
      const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
      return {
        ok: true,
        bounds: { fromMs: today.minus({ days: period.days - 1 }).toMillis(), toMs: Infinity },
      };
    }
    case 'range': {
      const from = civilDate.safeParse(period.from);
      const to = civilDate.safeParse(period.to);
      const fromMs = from.success && period.from !== '' ? startOfDay(period.from, zone) : null;
      const lastDay = to.success && period.to !== '' ? startOfDay(period.to, zone) : null;
      if (period.from !== '' && fromMs === null) return { ok: false, problem: 'invalidFrom' };
      if (period.to !== '' && lastDay === null) return { ok: false, problem: 'invalidTo' };
      const toMs =
        lastDay === null
          ? Infinity
          : DateTime.fromMillis(lastDay, { zone }).plus({ days: 1 }).startOf('day').toMillis();
      if (fromMs !== null && fromMs >= toMs) return { ok: false, problem: 'fromAfterTo' };
      return { ok: true, bounds: { fromMs: fromMs ?? -Infinity, toMs } };
    }
  }
}

export const inPeriod = (resolvedAt: number, bounds: PeriodBounds): boolean =>
  resolvedAt >= bounds.fromMs && resolvedAt < bounds.toMs;
