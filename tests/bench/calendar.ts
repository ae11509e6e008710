// The RU production calendar as the bench's contenders see it, read from the facts file
// (tests/fixtures: a verbatim copy of shared/data/ru-production-calendar.json) and NOT from the engine's own calendar
// module: the epoch loop is an independent cross-check of the engine.
import { readFileSync } from 'node:fs';

interface CalendarYear {
  holidays: string[];
  workingWeekends: string[];
  shortDays: string[];
}

interface CalendarFile {
  years: Record<string, CalendarYear>;
}

export interface RuCalendar {
  /** Years the facts file covers, ascending. */
  years: number[];
  /** Weekdays (Mon–Fri) that are days off: statutory holidays and transferred days off. */
  holidays: ReadonlySet<string>;
  /** Saturdays/Sundays declared working days. */
  workingWeekends: ReadonlySet<string>;
  /** Pre-holiday working days that end one hour early. */
  shortDays: ReadonlySet<string>;
  /** Holidays of the given years only (what moment-business-time is configured with). */
  holidaysOf(years: readonly number[]): string[];
}

export function loadRuCalendar(): RuCalendar {
  const url = new URL('../fixtures/ru-production-calendar.json', import.meta.url);
  const file = JSON.parse(readFileSync(url, 'utf8')) as CalendarFile;
  const years = Object.keys(file.years)
    .map(Number)
    .sort((a, b) => a - b);
  const collect = (key: keyof CalendarYear, only?: readonly number[]): string[] =>
    years
      .filter((y) => !only || only.includes(y))
      .flatMap((y) => file.years[String(y)]?.[key] ?? []);
  return {
    years,
    holidays: new Set(collect('holidays')),
    workingWeekends: new Set(collect('workingWeekends')),
    shortDays: new Set(collect('shortDays')),
    holidaysOf: (only) => collect('holidays', only),
  };
}

/** `YYYY-MM-DD` of a civil day given as days since 1970-01-01. */
export function civilDateOf(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}
