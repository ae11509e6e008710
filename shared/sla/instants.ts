import { civilDateOf, dayNumberOf, daysInMonth } from '../calendars/civil-date';
import { SlaInputError, type SlaErrorCode } from './types';

// Hand-rolled because Date.parse accepts 2025-02-30 and 24:00 and luxon costs ~10 µs a call; the
// engine parses two or more instants per ticket on every tick, so this reads char codes directly.

/** Two or more ASCII digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
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
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return null;
  if (day > 28 && day > daysInMonth(year, month)) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return null;
    i += 3;
    const dot = text.charCodeAt(i);
    if (dot === 46 || dot === 44) {
      const fractionStart = ++i;
      while (
        i < length &&
        i - fractionStart < 9 &&
        text.charCodeAt(i) >= 48 &&
        text.charCodeAt(i) <= 57
      )
        i++;
      if (i === fractionStart) return null;
      // Only the first three digits (milliseconds) matter; the rest truncate, as Date does.
      const kept = Math.min(3, i - fractionStart);
      millis = digits(text, fractionStart, kept) * (kept === 1 ? 100 : kept === 2 ? 10 : 1);
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== length) return null;
  } else if (zone === 43 || zone === 45) {
    const offsetHours = digits(text, i + 1, 2);
    const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0;
    const offsetMins = digits(text, i + 3 + colon, 2);
    if (
      i + 5 + colon !== length ||
      offsetHours < 0 ||
      offsetHours > 18 ||
      offsetMins < 0 ||
      offsetMins > 59
    )
      return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return null;
  }
  return (
    dayNumberOf(year, month, day) * 86_400_000 +
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
  if (day < 0 || day > 2_932_896) return new Date(whole).toISOString(); // outside years 1970–9999
  let rest = whole - day * 86_400_000;
  const { year, month, day: dom } = civilDateOf(day);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  return `${year}-${PAD2[month]}-${PAD2[dom]}T${PAD2[hour]}:${PAD2[minute]}:${PAD2[second]}.${PAD3[millis]}Z`;
}

// Lookup tables: formatting runs for every deadline on every tick.
const PAD2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

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
