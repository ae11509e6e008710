import { z } from 'zod';
import { civilDateOf, formatDayNumber, isoWeekdayOf, parseIsoDate } from './civil-date';

/**
 * The JSON format of a production calendar. The built-in RU calendar (`ru.json`) uses it, and a
 * custom one can be registered at run time, so next year's decree is a data change:
 *
 * {
 *   "id": "RU",                       // how tickets refer to it (`SlaTicket.calendar`)
 *   "name": "…",                      // optional, for people
 *   "fixedHolidays": ["01-01", …],    // MM-DD, used for years the file has no data for
 *   "years": {
 *     "2026": {
 *       "holidays": ["2026-01-01", …],     // Mon–Fri days off (statutory or transferred)
 *       "workingWeekends": ["2027-02-20"], // Sat/Sun made working by transfer
 *       "shortDays": ["2026-11-03"]        // working days shortened before a holiday
 *     }
 *   }
 * }
 */
const dayList = z.array(z.string()).default([]);

const yearSchema = z
  .object({ holidays: dayList, workingWeekends: dayList, shortDays: dayList })
  .strict();

export const calendarFileSchema = z
  .object({
    id: z.string().min(1, 'id must not be empty').max(64),
    name: z.string().optional(),
    source: z.union([z.string(), z.array(z.string())]).optional(),
    fixedHolidays: z
      .array(
        z
          .string()
          .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'fixedHolidays entries must be MM-DD'),
      )
      .default([]),
    years: z
      .record(z.string().regex(/^\d{4}$/, 'years keys must be four-digit years'), yearSchema)
      .default({}),
  })
  .strict();

export type CalendarFile = z.input<typeof calendarFileSchema>;

export type DayKind = 'workday' | 'short_day' | 'weekend' | 'holiday';

/** A validated calendar with its dates indexed by day number. */
export interface ProductionCalendar {
  readonly id: string;
  readonly name: string;
  /** null: the calendar has no yearly data and is complete as it is (calendar `none`). */
  readonly years: ReadonlySet<number> | null;
  readonly fixedHolidays: ReadonlySet<string>;
  readonly holidays: ReadonlySet<number>;
  readonly workingWeekends: ReadonlySet<number>;
  readonly shortDays: ReadonlySet<number>;
}

export class CalendarFormatError extends Error {
  override name = 'CalendarFormatError';
}

function collectDays(
  id: string,
  year: number,
  field: string,
  dates: string[],
  check: (dayNumber: number, date: string) => string | null,
): Set<number> {
  const days = new Set<number>();
  for (const date of dates) {
    const dn = parseIsoDate(date);
    const where = `calendar "${id}", years.${year}.${field}: "${date}"`;
    if (dn === null) throw new CalendarFormatError(`${where} is not a valid YYYY-MM-DD date`);
    if (civilDateOf(dn).year !== year) throw new CalendarFormatError(`${where} is not in ${year}`);
    if (days.has(dn)) throw new CalendarFormatError(`${where} is listed twice`);
    const problem = check(dn, date);
    if (problem) throw new CalendarFormatError(`${where} ${problem}`);
    days.add(dn);
  }
  return days;
}

const isWeekend = (dn: number): boolean => isoWeekdayOf(dn) >= 6;

/** Validates a calendar file; throws a CalendarFormatError that names the offending entry. */
export function parseCalendarFile(input: unknown): ProductionCalendar {
  const parsed = calendarFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || '(root)';
    throw new CalendarFormatError(
      `invalid calendar file at ${path}: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  const file = parsed.data;
  const holidays = new Set<number>();
  const workingWeekends = new Set<number>();
  const shortDays = new Set<number>();
  for (const [key, data] of Object.entries(file.years)) {
    const year = Number(key);
    const yearHolidays = collectDays(file.id, year, 'holidays', data.holidays, () => null);
    const yearWorking = collectDays(file.id, year, 'workingWeekends', data.workingWeekends, (dn) =>
      !isWeekend(dn)
        ? 'is not a Saturday or Sunday'
        : yearHolidays.has(dn)
          ? 'is also listed as a holiday'
          : null,
    );
    const yearShort = collectDays(file.id, year, 'shortDays', data.shortDays, (dn) =>
      yearHolidays.has(dn)
        ? 'is also listed as a holiday'
        : isWeekend(dn) && !yearWorking.has(dn)
          ? 'falls on a weekend that is not listed in workingWeekends'
          : null,
    );
    yearHolidays.forEach((d) => holidays.add(d));
    yearWorking.forEach((d) => workingWeekends.add(d));
    yearShort.forEach((d) => shortDays.add(d));
  }
  return {
    id: file.id,
    name: file.name ?? file.id,
    years: new Set(Object.keys(file.years).map(Number)),
    fixedHolidays: new Set(file.fixedHolidays),
    holidays,
    workingWeekends,
    shortDays,
  };
}

/** What kind of day a local date is; `covered` is false when the calendar had no data for its year. */
export function classifyDay(
  calendar: ProductionCalendar,
  dayNumber: number,
): { kind: DayKind; covered: boolean } {
  const year = civilDateOf(dayNumber).year;
  const covered = calendar.years === null || calendar.years.has(year);
  if (covered) {
    if (calendar.holidays.has(dayNumber)) return { kind: 'holiday', covered };
    if (calendar.shortDays.has(dayNumber)) return { kind: 'short_day', covered };
    if (calendar.workingWeekends.has(dayNumber)) return { kind: 'workday', covered };
    return { kind: isWeekend(dayNumber) ? 'weekend' : 'workday', covered };
  }
  if (isWeekend(dayNumber)) return { kind: 'weekend', covered };
  const monthDay = formatDayNumber(dayNumber).slice(5);
  return { kind: calendar.fixedHolidays.has(monthDay) ? 'holiday' : 'workday', covered };
}
