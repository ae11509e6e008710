import type { ProductionCalendar } from '../calendars/calendar-format';
import { calendarRevision } from '../calendars/registry';
import type { PriorityPolicy, ResolvedPolicy } from './policy';
import { BusinessSchedule, ROUND_THE_CLOCK, type WorkSchedule } from './schedule';

const tables = new Map<string, BusinessSchedule>();

/** The schedule a priority is counted on; business tables are shared by every ticket of a zone. */
export function scheduleFor(
  kind: PriorityPolicy['schedule'],
  zone: string,
  calendar: ProductionCalendar,
  policy: ResolvedPolicy,
): WorkSchedule {
  if (kind === '24x7') return ROUND_THE_CLOCK;
  const key = `${zone}|${calendar.id}|${calendarRevision()}|${policy.startMinute}|${policy.endMinute}|${policy.shortEndMinute}`;
  let table = tables.get(key);
  if (!table) {
    table = new BusinessSchedule(zone, calendar, policy);
    tables.set(key, table);
  }
  return table;
}
