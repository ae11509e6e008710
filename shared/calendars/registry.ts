import ruFile from './ru.json';
import { CalendarFormatError, parseCalendarFile, type ProductionCalendar } from './calendar-format';

const NONE: ProductionCalendar = {
  id: 'none',
  name: 'Mon–Fri, no holidays',
  years: null,
  fixedHolidays: new Set(),
  holidays: new Set(),
  workingWeekends: new Set(),
  shortDays: new Set(),
};

const calendars = new Map<string, ProductionCalendar>([
  ['RU', parseCalendarFile(ruFile)],
  ['none', NONE],
]);

export function findCalendar(id: string): ProductionCalendar | undefined {
  return calendars.get(id);
}

export function listCalendarIds(): string[] {
  return [...calendars.keys()];
}

/**
 * Registers a calendar from its JSON form (see calendar-format.ts). An id already registered is
 * replaced only with `replace: true`, so a typo cannot silently swap the RU calendar.
 */
export function registerCalendar(
  file: unknown,
  options: { replace?: boolean } = {},
): ProductionCalendar {
  const calendar = parseCalendarFile(file);
  if (calendar.id === 'none') throw new CalendarFormatError('calendar id "none" is reserved');
  if (calendars.has(calendar.id) && !options.replace) {
    throw new CalendarFormatError(
      `calendar "${calendar.id}" is already registered; pass { replace: true } to replace it`,
    );
  }
  calendars.set(calendar.id, calendar);
  return calendar;
}
