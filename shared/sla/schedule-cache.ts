import type { ProductionCalendar } from '../calendars/calendar-format';
import type { PriorityPolicy, ResolvedPolicy } from './policy';
import { BusinessSchedule, ROUND_THE_CLOCK, type WorkSchedule } from './schedule';

// Keyed by object identity, no string building on the hot path: a re-registered calendar is a new
// object (so stale tables are never reused), and a ResolvedPolicy is cached per config object.
const tables = new WeakMap<
  ProductionCalendar,
  Map<string, WeakMap<ResolvedPolicy, BusinessSchedule>>
>();

/** The schedule a priority is counted on; business tables are shared by every ticket of a zone. */
export function scheduleFor(
  kind: PriorityPolicy['schedule'],
  zone: string,
  calendar: ProductionCalendar,
  policy: ResolvedPolicy,
): WorkSchedule {
  if (kind === '24x7') return ROUND_THE_CLOCK;
  let byZone = tables.get(calendar);
  if (!byZone)
    tables.set(calendar, (byZone = new Map<string, WeakMap<ResolvedPolicy, BusinessSchedule>>()));
  let byPolicy = byZone.get(zone);
  if (!byPolicy) byZone.set(zone, (byPolicy = new WeakMap()));
  let table = byPolicy.get(policy);
  if (!table) byPolicy.set(policy, (table = new BusinessSchedule(zone, calendar, policy)));
  return table;
}
