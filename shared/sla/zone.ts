import { DateTime, IANAZone } from 'luxon';
import { civilDateOf } from '../calendars/civil-date';

const knownZones = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (cached: the check costs an Intl call). */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    knownZones.set(zone, known);
  }
  return known;
}

/**
 * Epoch ms of a local wall-clock time on a civil day in `zone`. This is the only place the engine
 * asks luxon (≈13 µs a call), once or twice per local day, cached by the schedule tables.
 */
export function localWallTime(zone: string, dayNumber: number, minuteOfDay: number): number {
  const { year, month, day } = civilDateOf(dayNumber);
  return DateTime.fromObject(
    { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  ).toMillis();
}

/** The civil date (`YYYY-MM-DD`) on the wall calendars of `zone` at instant `ms`. */
export function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
}
