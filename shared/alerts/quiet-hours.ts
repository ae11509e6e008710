import { DateTime } from 'luxon';
import { z } from 'zod';
import { classifyDay } from '../calendars/calendar-format';
import { dayNumberOf } from '../calendars/civil-date';
import { findCalendar } from '../calendars/registry';
import { isKnownZone, localWallTime } from '../sla/zone';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

/**
 * Quiet hours on the engineer's own calendar: a daily window (which may cross midnight) and,
 * optionally, the days off of a production calendar, in the engineer's zone (null: this
 * computer's). P1 notifies regardless: it runs 24×7.
 */
export const quietHoursSchema = z.strictObject({
  enabled: z.boolean(),
  from: hhmm,
  to: hhmm,
  nonWorkingDays: z.boolean(),
  calendar: z.string().min(1).max(64),
  timeZone: z
    .string()
    .max(64)
    .refine(isKnownZone, { message: 'must be an IANA time zone, e.g. Europe/Moscow' })
    .nullable(),
});
export type QuietHours = z.output<typeof quietHoursSchema>;

export function defaultQuietHours(): QuietHours {
  return {
    enabled: false,
    from: '20:00',
    to: '08:00',
    nonWorkingDays: true,
    calendar: 'RU',
    timeZone: null,
  };
}

const minuteOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function inDailyWindow(minute: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

// A quiet stretch is at most a long holiday plus a night; two months bounds any real calendar.
const MAX_STEPS = 130;

/**
 * The instant the quiet hours around `atMs` end, or null when `atMs` is not in them. Steps over
 * local midnights and the window's end, so weekends, holidays and DST days need no special case.
 */
export function quietHoursEnd(
  quiet: QuietHours,
  fallbackZone: string,
  atMs: number,
): number | null {
  if (!quiet.enabled) return null;
  const zone = quiet.timeZone ?? fallbackZone;
  const calendar = findCalendar(quiet.calendar) ?? findCalendar('none')!;
  const from = minuteOf(quiet.from);
  const to = minuteOf(quiet.to);
  let t = atMs;
  for (let step = 0; step < MAX_STEPS; step++) {
    const local = DateTime.fromMillis(t, { zone });
    const day = dayNumberOf(local.year, local.month, local.day);
    const minute = local.hour * 60 + local.minute;
    const dayOff = quiet.nonWorkingDays && isDayOff(calendar, day);
    if (!dayOff && !inDailyWindow(minute, from, to)) return step === 0 ? null : t;
    const nextMidnight = localWallTime(zone, day + 1, 0);
    const windowEnd = localWallTime(zone, day, to);
    t = !dayOff && windowEnd > t && windowEnd < nextMidnight ? windowEnd : nextMidnight;
  }
  return t;
}

function isDayOff(calendar: NonNullable<ReturnType<typeof findCalendar>>, day: number): boolean {
  const { kind } = classifyDay(calendar, day);
  return kind === 'weekend' || kind === 'holiday';
}
