import { daysInMonth } from '../calendars/civil-date';
import { SlaInputError } from './types';

// Hand-rolled because Date.parse accepts 2025-02-30 and 24:00 and luxon costs ~10 µs a call; the
// engine parses two or more instants per ticket on every tick.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of a strict ISO 8601 instant with `Z` or an offset, or null if it is not one. */
export function parseInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 18 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** Parses `value` or throws an SlaInputError naming `what`. */
export function requireInstant(value: unknown, what: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new SlaInputError(`${what} is an invalid Date`);
    return ms;
  }
  if (typeof value !== 'string') {
    throw new SlaInputError(
      `${what} must be an ISO 8601 string with Z or an offset, got ${describe(value)}`,
    );
  }
  const ms = parseInstant(value);
  if (ms === null) {
    throw new SlaInputError(
      `${what} "${truncate(value)}" is not an ISO 8601 instant with Z or an offset (e.g. 2025-11-05T09:00:00+03:00)`,
    );
  }
  return ms;
}

/** UTC ISO string; fractional instants round up to the first whole millisecond that reaches them. */
export function formatInstant(ms: number): string {
  return new Date(Math.ceil(ms)).toISOString();
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${truncate(value)}"`;
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
