import { DateTime } from 'luxon';
import type { Organization } from '@shared/domain/ticket';
import { openSpans, type OpenSpan } from '@shared/maintenance';

/** A week of spans is enough to choose from; a longer window is checked as a whole on submit. */
const MAX_SHOWN_DAYS = 7;

export type SpanDays =
  | { ok: true; firstDay: string; lastDay: string; spans: OpenSpan[] }
  | { ok: false; problem: 'calendar_not_covered'; year: number }
  | { ok: false; problem: 'unknown_calendar'; calendar: string }
  | { ok: false; problem: 'unknown' };

const DAY_OF_VALUE = /^(\d{4}-\d{2}-\d{2})/;

function dayIn(value: string, zone: string): DateTime | null {
  const match = DAY_OF_VALUE.exec(value);
  if (!match?.[1]) return null;
  const day = DateTime.fromISO(match[1], { zone });
  return day.isValid ? day.startOf('day') : null;
}

/**
 * The open spans of the day(s) being typed, in the customer's zone: from the start's date to the
 * end's (a week at most), or the customer's today while no start is typed. Spans already over
 * are left out, and one running now starts now: the planner offers only what can still be used.
 */
export function openSpanDays(
  organization: Pick<Organization, 'timeZone' | 'calendar'>,
  startValue: string,
  endValue: string,
  nowMs: number,
): SpanDays {
  const zone = organization.timeZone;
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
  const first = dayIn(startValue, zone) ?? today;
  const typedLast = dayIn(endValue, zone);
  const last =
    typedLast && typedLast >= first && typedLast.diff(first, 'days').days < MAX_SHOWN_DAYS
      ? typedLast
      : first;
  const from = first.toUTC().toISO();
  const to = last.plus({ days: 1 }).startOf('day').toUTC().toISO();
  if (!from || !to) return { ok: false, problem: 'unknown' };
  const result = openSpans(from, to, organization);
  if (!('ok' in result)) {
    if (result.problem === 'calendar_not_covered')
      return { ok: false, problem: result.problem, year: result.year };
    if (result.problem === 'unknown_calendar')
      return { ok: false, problem: result.problem, calendar: result.calendar };
    return { ok: false, problem: 'unknown' };
  }
  const spans = result.spans
    .filter((span) => Date.parse(span.endsAt) > nowMs)
    .map((span) =>
      Date.parse(span.startsAt) >= nowMs
        ? span
        : { ...span, startsAt: new Date(Math.ceil(nowMs / 60_000) * 60_000).toISOString() },
    )
    .filter((span) => Date.parse(span.endsAt) > Date.parse(span.startsAt));
  return {
    ok: true,
    firstDay: first.toISODate() ?? '',
    lastDay: last.toISODate() ?? '',
    spans,
  };
}
