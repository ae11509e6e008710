import { DateTime } from 'luxon';
import { findCalendar } from '../calendars/registry';
import { classifyDay, type DayKind } from '../calendars/calendar-format';
import { formatDayNumber, parseIsoDate } from '../calendars/civil-date';
import type { Organization } from '../domain/ticket';
import { formatInstant, parseInstant } from '../sla/instants';
import { isKnownZone, localDateOf, localWallTime } from '../sla/zone';

/*
 * Regulation §5: "Время технологических работ устанавливается разработчиком – рабочие дни с 18:00
 * до 07:00, в выходные дни – круглосуточно", in the customer's zone and production calendar. Read
 * as: the only time closed to maintenance is 07:00–18:00 of a working day (a working Saturday and a
 * shortened pre-holiday day included); nights, weekends and holidays are open, so a Monday's
 * 00:00–07:00 after a weekend is open too.
 */
export const CLOSED_FROM_MINUTE = 7 * 60;
export const CLOSED_TO_MINUTE = 18 * 60;

type WindowOrganization = Pick<Organization, 'timeZone' | 'calendar'>;

/** A part of a window that falls into a working day's closed hours. */
export interface ClosedOverlap {
  /** The customer's local date of that working day. */
  date: string;
  dayKind: Extract<DayKind, 'workday' | 'short_day'>;
  startsAt: string;
  endsAt: string;
}

export type WindowHoursCheck =
  | { allowed: true }
  | { allowed: false; problem: 'closed_hours'; overlaps: ClosedOverlap[] }
  /** The calendar has no data for a year the window touches: whether it is a holiday is unknown. */
  | { allowed: false; problem: 'calendar_not_covered'; year: number }
  | { allowed: false; problem: 'unknown_calendar'; calendar: string }
  | { allowed: false; problem: 'unknown_zone'; timeZone: string }
  | { allowed: false; problem: 'invalid_interval' };

/** An open span for the planner: maintenance may run in [startsAt, endsAt). */
export interface OpenSpan {
  startsAt: string;
  endsAt: string;
}

interface ClosedSpan {
  dayNumber: number;
  kind: DayKind;
  from: number;
  to: number;
}

type Walk =
  | { ok: true; closed: ClosedSpan[] }
  | Exclude<WindowHoursCheck, { allowed: true } | { problem: 'closed_hours' }>;

/** The working days' closed hours intersecting [fromMs, toMs), in order. */
function closedSpans(fromMs: number, toMs: number, organization: WindowOrganization): Walk {
  if (!(toMs > fromMs)) return { allowed: false, problem: 'invalid_interval' };
  if (!isKnownZone(organization.timeZone))
    return { allowed: false, problem: 'unknown_zone', timeZone: organization.timeZone };
  const calendar = findCalendar(organization.calendar);
  if (!calendar)
    return { allowed: false, problem: 'unknown_calendar', calendar: organization.calendar };
  const first = parseIsoDate(localDateOf(fromMs, organization.timeZone))!;
  const last = parseIsoDate(localDateOf(toMs - 1, organization.timeZone))!;
  const closed: ClosedSpan[] = [];
  for (let dayNumber = first; dayNumber <= last; dayNumber += 1) {
    const day = classifyDay(calendar, dayNumber);
    if (!day.covered)
      return {
        allowed: false,
        problem: 'calendar_not_covered',
        year: Number(formatDayNumber(dayNumber).slice(0, 4)),
      };
    if (day.kind !== 'workday' && day.kind !== 'short_day') continue;
    const from = Math.max(
      fromMs,
      localWallTime(organization.timeZone, dayNumber, CLOSED_FROM_MINUTE),
    );
    const to = Math.min(toMs, localWallTime(organization.timeZone, dayNumber, CLOSED_TO_MINUTE));
    if (to > from) closed.push({ dayNumber, kind: day.kind, from, to });
  }
  return { ok: true, closed };
}

/** Whether a window [startsAt, endsAt) keeps to the hours §5 allows, and where it does not. */
export function checkWindowHours(
  window: { startsAt: string; endsAt: string },
  organization: WindowOrganization,
): WindowHoursCheck {
  const fromMs = parseInstant(window.startsAt);
  const toMs = parseInstant(window.endsAt);
  if (fromMs === null || toMs === null) return { allowed: false, problem: 'invalid_interval' };
  const walk = closedSpans(fromMs, toMs, organization);
  if (!('ok' in walk)) return walk;
  if (walk.closed.length === 0) return { allowed: true };
  return {
    allowed: false,
    problem: 'closed_hours',
    overlaps: walk.closed.map((span) => ({
      date: formatDayNumber(span.dayNumber),
      dayKind: span.kind as ClosedOverlap['dayKind'],
      startsAt: formatInstant(span.from),
      endsAt: formatInstant(span.to),
    })),
  };
}

/** The open spans within [from, to): what the planner offers. Fails like `checkWindowHours`. */
export function openSpans(
  from: string,
  to: string,
  organization: WindowOrganization,
):
  | { ok: true; spans: OpenSpan[] }
  | Exclude<WindowHoursCheck, { allowed: true } | { problem: 'closed_hours' }> {
  const fromMs = parseInstant(from);
  const toMs = parseInstant(to);
  if (fromMs === null || toMs === null) return { allowed: false, problem: 'invalid_interval' };
  const walk = closedSpans(fromMs, toMs, organization);
  if (!('ok' in walk)) return walk;
  const spans: OpenSpan[] = [];
  let cursor = fromMs;
  for (const span of walk.closed) {
    if (span.from > cursor)
      spans.push({ startsAt: formatInstant(cursor), endsAt: formatInstant(span.from) });
    cursor = Math.max(cursor, span.to);
  }
  if (toMs > cursor) spans.push({ startsAt: formatInstant(cursor), endsAt: formatInstant(toMs) });
  return { ok: true, spans };
}

/** Whether a window is running at `nowMs` (cancelled windows never are). */
export function isWindowRunning(
  window: { startsAt: string; endsAt: string; cancelled: unknown },
  nowMs: number,
): boolean {
  if (window.cancelled) return false;
  const from = parseInstant(window.startsAt);
  const to = parseInstant(window.endsAt);
  return from !== null && to !== null && from <= nowMs && nowMs < to;
}

/** The customer's wall-clock view of an instant, for messages: "2027-01-11 07:00". */
export function localWall(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
