export { registerCalendar, findCalendar, listCalendarIds } from './registry';
export {
  CalendarFormatError,
  parseCalendarFile,
  classifyDay,
  calendarFileSchema,
} from './calendar-format';
export type { CalendarFile, DayKind, ProductionCalendar } from './calendar-format';
export {
  dayNumberOf,
  civilDateOf,
  formatDayNumber,
  isoWeekdayOf,
  parseIsoDate,
} from './civil-date';
