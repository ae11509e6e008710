import { civilDateOf } from '../calendars/civil-date';
import {
  MILLIS_TEXT,
  MINUTE_OF_DAY_TEXT,
  SECOND_TEXT,
  WHOLE_SECOND_TEXT,
  dayNumberFast,
  monthLength,
} from './instant-tables';
import { SlaInputError, type SlaErrorCode } from './types';

// Hand-rolled because Date.parse accepts 2025-02-30 and 24:00 and luxon costs ~10 µs a call; the
// engine parses two or more instants per ticket on every tick, so this reads char codes directly,
// at the fixed positions of the accepted shapes.

/** The two ASCII digits at `at` as a number, or -1 (also past the end of the text). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** Epoch ms of a strict ISO 8601 instant (`YYYY-MM-DDTHH:MM[:SS[.fff]]` and `Z` or ±HH:MM), or null. */
export function parseInstant(text: string): number | null {
  const length = text.length;
  if (
    length < 17 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58
  )
    return null;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && separator !== 32) return null; // T, t or space
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (
    century < 0 ||
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return null;
  const year = century * 100 + yearOfCentury;
  if (day > 28 && day > monthLength(year, month)) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  let next = text.charCodeAt(16);
  if (next === 58) {
    second = twoDigits(text, 17);
    if (second < 0 || second > 59) return null;
    i = 19;
    next = text.charCodeAt(19);
    if (next === 46 || next === 44) {
      // Only the first three digits (milliseconds) matter; the rest truncate, as Date does.
      next = text.charCodeAt(++i);
      while (i < 29 && next >= 48 && next <= 57) {
        if (i < 23) millis = millis * 10 + (next - 48);
        next = text.charCodeAt(++i);
      }
      if (i === 20) return null;
      if (i === 21) millis *= 100;
      else if (i === 22) millis *= 10;
    }
  }
  let offsetMinutes = 0;
  if (next === 90 || next === 122) {
    if (i + 1 !== length) return null;
  } else if (next === 43 || next === 45) {
    const offsetHours = twoDigits(text, i + 1);
    const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0;
    const offsetMins = twoDigits(text, i + 3 + colon);
    if (
      i + 5 + colon !== length ||
      offsetHours < 0 ||
      offsetHours > 18 ||
      offsetMins < 0 ||
      offsetMins > 59
    )
      return null;
    offsetMinutes = (next === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return null;
  }
  return (
    dayNumberFast(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis
  );
}

/** Parses `value` or throws an SlaInputError naming `what`, of kind `code`. */
export function requireInstant(value: unknown, what: string, code: SlaErrorCode): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new SlaInputError(code, `${what} is an invalid Date`);
    return ms;
  }
  if (typeof value !== 'string') {
    throw new SlaInputError(
      code,
      `${what} must be an ISO 8601 string with Z or an offset, got ${describe(value)}`,
    );
  }
  const ms = parseInstant(value);
  if (ms === null) {
    throw new SlaInputError(
      code,
      `${what} "${truncate(value)}" is not an ISO 8601 instant with Z or an offset (e.g. 2025-11-05T09:00:00+03:00)`,
    );
  }
  return ms;
}

/** UTC ISO string; fractional instants round up to the first whole millisecond that reaches them. */
export function formatInstant(ms: number): string {
  const whole = Math.ceil(ms);
  const day = Math.floor(whole / 86_400_000);
  // Outside years 1970–9999, and NaN (a RangeError from Date, never a cached garbage prefix).
  if (!(day >= 0 && day <= 2_932_896)) return new Date(whole).toISOString();
  const msOfDay = whole - day * 86_400_000;
  const minuteOfDay = Math.floor(msOfDay / 60_000);
  const msOfMinute = msOfDay - minuteOfDay * 60_000;
  const second = Math.floor(msOfMinute / 1000);
  const millis = msOfMinute - second * 1000;
  // Each `+` of a long string allocates a piece (a cons string): whole seconds take one fewer.
  return (
    datePrefix(day) +
    MINUTE_OF_DAY_TEXT[minuteOfDay]! +
    (millis === 0 ? WHOLE_SECOND_TEXT[second]! : SECOND_TEXT[second]! + MILLIS_TEXT[millis]!)
  );
}

// `YYYY-MM-DDT` of recently formatted days, direct-mapped by day number: deadlines of one queue
// fall on a few hundred days, and converting a day number to a date costs more than the rest.
const PREFIX_SLOTS = 1024;
const prefixDays = new Int32Array(PREFIX_SLOTS).fill(-1);
const prefixTexts: string[] = new Array<string>(PREFIX_SLOTS).fill('');

function datePrefix(day: number): string {
  const slot = day & (PREFIX_SLOTS - 1);
  if (prefixDays[slot] === day) return prefixTexts[slot]!;
  const { year, month, day: dayOfMonth } = civilDateOf(day);
  const text = `${year}-${MONTH_OR_DAY_TEXT[month]}-${MONTH_OR_DAY_TEXT[dayOfMonth]}T`;
  prefixDays[slot] = day;
  prefixTexts[slot] = text;
  return text;
}

const MONTH_OR_DAY_TEXT = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${truncate(value)}"`;
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${value}`;
  }
  // undefined, a symbol or a function: the type says enough (a function's text is its source).
  return typeof value;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
