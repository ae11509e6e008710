import { DateTime } from 'luxon';
import { zoneLabel } from '../../lib/format';

// The moment a customer reported the fault, typed as the customer's own wall-clock time: the
// regulation counts "в часовом поясе пользователя", and a customer on the phone says "at 10:15"
// meaning their 10:15. These helpers turn that wall time into an instant and back.

/** The format of `<input type="datetime-local">` at minute precision. */
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const LOCAL_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export type WallTimeResult =
  { ok: true; ms: number } | { ok: false; reason: 'format' | 'nonexistent' };

/**
 * Epoch ms of a datetime-local value read in `zone`. A wall time the zone skips (a DST gap) is
 * refused rather than shifted: the form must not record an hour the customer never named.
 */
export function instantOfWallTime(local: string, zone: string): WallTimeResult {
  if (!LOCAL_VALUE.test(local)) return { ok: false, reason: 'format' };
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) return { ok: false, reason: 'format' };
  if (parsed.toFormat(LOCAL_FORMAT) !== local.slice(0, 16)) {
    return { ok: false, reason: 'nonexistent' };
  }
  return { ok: true, ms: parsed.toMillis() };
}

/** The datetime-local value showing instant `ms` on the wall clocks of `zone`. */
export function wallTimeOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(LOCAL_FORMAT);
}

/** The zone at instant `ms` as the language names it: "МСК+9" / "UTC+12", "МСК" / "UTC+3". */
export function utcOffsetLabel(zone: string, ms: number, locale: string): string {
  return zoneLabel(new Date(ms), zone, locale);
}

/** Whether two zones show different wall times at `ms` (different names may share an offset). */
export function zonesDiffer(a: string, b: string, ms: number): boolean {
  return (
    DateTime.fromMillis(ms, { zone: a }).offset !== DateTime.fromMillis(ms, { zone: b }).offset
  );
}
