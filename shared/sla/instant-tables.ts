import { dayNumberOf } from '../calendars/civil-date';

// Lookup tables for reading and writing instants, which the engine does several times per ticket
// on every tick: a table read costs less than the civil-date divisions or padding digit by digit.

/** Years whose first day is tabulated; others fall back to the civil-date arithmetic. */
const FIRST_TABLE_YEAR = 1970;
const LAST_TABLE_YEAR = 2199;

const YEAR_STARTS = Int32Array.from({ length: LAST_TABLE_YEAR - FIRST_TABLE_YEAR + 1 }, (_, i) =>
  dayNumberOf(FIRST_TABLE_YEAR + i, 1, 1),
);

// Index: month (1–12); [0] unused. Days before the month, and the month's length, in a common year.
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTH[month]!;
}

/** Days since 1970-01-01 of a valid civil date (month 1–12, day within the month). */
export function dayNumberFast(year: number, month: number, day: number): number {
  if (year < FIRST_TABLE_YEAR || year > LAST_TABLE_YEAR) return dayNumberOf(year, month, day);
  const leapShift = month > 2 && isLeapYear(year) ? 1 : 0;
  return YEAR_STARTS[year - FIRST_TABLE_YEAR]! + DAYS_BEFORE_MONTH[month]! + leapShift + day - 1;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `HH:MM:` for each minute of a day, `SS.` for each second, `mmmZ` for each millisecond. */
export const MINUTE_OF_DAY_TEXT = Array.from(
  { length: 1440 },
  (_, m) => `${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}:`,
);
export const SECOND_TEXT = Array.from({ length: 60 }, (_, s) => `${pad(s, 2)}.`);
export const MILLIS_TEXT = Array.from({ length: 1000 }, (_, ms) => `${pad(ms, 3)}Z`);
/** `SS.000Z` for each second: most instants are whole seconds, and one piece is one string less. */
export const WHOLE_SECOND_TEXT = Array.from({ length: 60 }, (_, s) => `${pad(s, 2)}.000Z`);
