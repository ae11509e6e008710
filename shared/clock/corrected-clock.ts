import type { ClockOffset } from '../sync/ports';

/*
 * One notion of "now" for everything that shows or plans time: the device clock corrected by the
 * offset the sync engine measured against the ERP (`offsetMs` = ERP time − device time). The ERP's
 * clock is the one the regulation's deadlines are counted in and the one that stamps every
 * event, so a device clock two hours off must not move a single countdown.
 *
 * An offset measured long ago is still the best estimate there is: a device clock drifts by
 * seconds a day, far less than the error of assuming no offset at all, so the age of a
 * measurement never makes it be ignored. It is replaced whenever the engine measures again (every
 * push, an empty push when it is older than 15 minutes, and after a jump of the device clock).
 */

/** Beyond this the device clock is called wrong to the user (the banner); below it is noise. */
export const CLOCK_SKEW_NOTICE_MS = 2 * 60_000;

/**
 * The largest offset accepted across a boundary. A clock whose battery died reads 1970 (about 57
 * years behind today); a century is more than any real clock can be off, so more is garbage.
 */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 86_400_000;

/** ERP time now: the device clock corrected by the last measured offset (none: the device's). */
export function correctedNow(
  deviceNowMs: number,
  offset: Pick<ClockOffset, 'offsetMs'> | null,
): number {
  return deviceNowMs + (offset?.offsetMs ?? 0);
}

export interface ClockSkew {
  /** `behind`: the device clock shows an earlier time than the ERP's. */
  direction: 'behind' | 'ahead';
  magnitudeMs: number;
}

/** How far and which way the device clock is off, when by more than `thresholdMs`; else null. */
export function clockSkewOf(
  offset: Pick<ClockOffset, 'offsetMs'> | null,
  thresholdMs: number = CLOCK_SKEW_NOTICE_MS,
): ClockSkew | null {
  if (offset === null || Math.abs(offset.offsetMs) <= thresholdMs) return null;
  return {
    direction: offset.offsetMs > 0 ? 'behind' : 'ahead',
    magnitudeMs: Math.abs(offset.offsetMs),
  };
}
