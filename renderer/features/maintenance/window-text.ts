import { DateTime } from 'luxon';
import type { ClosedOverlap, OpenSpan } from '@shared/maintenance';

/*
 * Times of a maintenance window as the customer reads them: their own wall clock with the offset
 * from UTC ("UTC+3"), never the engineer's zone and never «МСК+…» — a customer outside the
 * support team does not count from Moscow. Pure (luxon), so it is tested with literal instants.
 */

type Language = 'ru' | 'en';

const lang = (language: string): Language => (language.startsWith('en') ? 'en' : 'ru');

/** "UTC+3", "UTC+5:30", "UTC−0" never: UTC itself is "UTC+0". */
export function utcOffsetText(iso: string, timeZone: string): string {
  const offset = DateTime.fromISO(iso, { zone: timeZone }).offset;
  const sign = offset < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "пн 11.01.2027" / "Mon 11/01/2027": the weekday matters, working days are what closes. */
export function dayText(iso: string, timeZone: string, language: string): string {
  const at = DateTime.fromISO(iso, { zone: timeZone });
  return lang(language) === 'en'
    ? at.setLocale('en-GB').toFormat('ccc dd/MM/yyyy')
    : at.setLocale('ru').toFormat('ccc dd.MM.yyyy');
}

/** "19:00" on the customer's clock. */
export function clockText(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat('HH:mm');
}

/** "18:00", or "24:00" for a span that ends at the customer's midnight on the day it started. */
function endClockText(startIso: string, endIso: string, timeZone: string): string {
  const start = DateTime.fromISO(startIso, { zone: timeZone });
  const end = DateTime.fromISO(endIso, { zone: timeZone });
  return end.hasSame(start.plus({ days: 1 }), 'day') && end.toFormat('HH:mm') === '00:00'
    ? '24:00'
    : end.toFormat('HH:mm');
}

/** What the refusal names about one closed overlap: the day, the hours, the offset. */
export interface OverlapWords {
  day: string;
  from: string;
  to: string;
  offset: string;
}

export function overlapWords(
  overlap: ClosedOverlap,
  timeZone: string,
  language: string,
): OverlapWords {
  return {
    day: dayText(overlap.startsAt, timeZone, language),
    from: clockText(overlap.startsAt, timeZone),
    to: endClockText(overlap.startsAt, overlap.endsAt, timeZone),
    offset: utcOffsetText(overlap.startsAt, timeZone),
  };
}

/** "пн 11.01.2027 18:00 – вт 12.01.2027 07:00" or, within one day, "сб 09.01.2027 00:00 – 24:00". */
export function spanText(span: OpenSpan, timeZone: string, language: string): string {
  const startDay = dayText(span.startsAt, timeZone, language);
  const endDay = dayText(span.endsAt, timeZone, language);
  const from = clockText(span.startsAt, timeZone);
  const to = endClockText(span.startsAt, span.endsAt, timeZone);
  return startDay === endDay || to === '24:00'
    ? `${startDay} ${from} – ${to}`
    : `${startDay} ${from} – ${endDay} ${to}`;
}

/** A window's interval in the customer's words: "12.01.2027 с 19:00 до 23:00" and its offset. */
export function intervalText(
  window: { startsAt: string; endsAt: string },
  timeZone: string,
  language: string,
): string {
  const start = DateTime.fromISO(window.startsAt, { zone: timeZone });
  const end = DateTime.fromISO(window.endsAt, { zone: timeZone });
  const dateFormat = lang(language) === 'en' ? 'dd/MM/yyyy' : 'dd.MM.yyyy';
  const to = endClockText(window.startsAt, window.endsAt, timeZone);
  const offset = utcOffsetText(window.startsAt, timeZone);
  const endOffset = utcOffsetText(window.endsAt, timeZone);
  // A DST change inside the window gives its end another offset: named, or the hours lie.
  const offsets = endOffset === offset ? `(${offset})` : `(${offset} / ${endOffset})`;
  if (start.hasSame(end, 'day') || to === '24:00')
    return lang(language) === 'en'
      ? `${start.toFormat(dateFormat)} from ${start.toFormat('HH:mm')} to ${to} ${offsets}`
      : `${start.toFormat(dateFormat)} с ${start.toFormat('HH:mm')} до ${to} ${offsets}`;
  return lang(language) === 'en'
    ? `from ${start.toFormat(`${dateFormat} HH:mm`)} to ${end.toFormat(`${dateFormat} HH:mm`)} ${offsets}`
    : `с ${start.toFormat(`${dateFormat} HH:mm`)} до ${end.toFormat(`${dateFormat} HH:mm`)} ${offsets}`;
}

/** A running window's end: "06:00" on the customer's today, "13.01.2027 06:00" on another day. */
export function untilText(
  endsAt: string,
  nowMs: number,
  timeZone: string,
  language: string,
): string {
  const end = DateTime.fromISO(endsAt, { zone: timeZone });
  const today = DateTime.fromMillis(nowMs, { zone: timeZone });
  if (end.hasSame(today, 'day')) return end.toFormat('HH:mm');
  return end.toFormat(lang(language) === 'en' ? 'dd/MM/yyyy HH:mm' : 'dd.MM.yyyy HH:mm');
}
