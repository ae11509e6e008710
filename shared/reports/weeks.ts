import { DateTime } from 'luxon';
import { drillOf } from './aggregate';
import { decidedInstant } from './decided';
import type { TicketLine, WeekBucket } from './types';

/** Week keys per zone and UTC hour: zones shift on whole hours, and luxon costs ~10 µs a call. */
function weekStartOf(ms: number, timeZone: string, cache: Map<string, string>): string {
  const hour = Math.floor(ms / 3_600_000);
  const key = `${timeZone}|${hour}`;
  let week = cache.get(key);
  if (week === undefined) {
    week = DateTime.fromMillis(ms, { zone: timeZone }).startOf('week').toISODate() ?? '';
    cache.set(key, week);
  }
  return week;
}

/** Met vs breached per week, each clock in the week its verdict was decided (organization's zone). */
export function weekBuckets(
  lines: readonly TicketLine[],
  zoneOf: (organizationId: string) => string,
): WeekBucket[] {
  const cache = new Map<string, string>();
  const weeks = new Map<
    string,
    Record<'reactionMet' | 'reactionBreached' | 'resolutionMet' | 'resolutionBreached', string[]>
  >();
  for (const line of lines) {
    for (const clock of ['reaction', 'resolution'] as const) {
      const verdict = line[clock].verdict;
      if (verdict !== 'met' && verdict !== 'breached') continue;
      const at = decidedInstant(line[clock]);
      if (at === null) continue;
      const week = weekStartOf(at, zoneOf(line.organizationId), cache);
      const bucket = weeks.get(week) ?? {
        reactionMet: [],
        reactionBreached: [],
        resolutionMet: [],
        resolutionBreached: [],
      };
      bucket[`${clock}${verdict === 'met' ? 'Met' : 'Breached'}`].push(line.ticketId);
      weeks.set(week, bucket);
    }
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, ids]) => ({
      weekStart,
      reactionMet: drillOf(ids.reactionMet),
      reactionBreached: drillOf(ids.reactionBreached),
      resolutionMet: drillOf(ids.resolutionMet),
      resolutionBreached: drillOf(ids.resolutionBreached),
    }));
}
