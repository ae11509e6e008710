import { resolvedTimeZone } from '@shared/clock/device-zone';
import {
  customerInstantText,
  dayText,
  dayTimeText,
  timeText,
  zoneLabel as zoneLabelAt,
} from '@shared/format/instant-text';

/** Time of day on this computer's clock, e.g. "14:05" (24 h in both languages). */
export function formatClock(iso: string, locale: string): string {
  return timeText(Date.parse(iso), resolvedTimeZone(), locale);
}

/** [0.75, 0.9, 1] → "75 %, 90 %, 100 %" in Russian, "75%, 90%, 100%" in English. */
export function formatPercentList(levels: readonly number[], locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(
    levels.map((level) => format.format(level)),
  );
}

/** Host part of a URL for display; the URL itself was validated by the host. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "at 14:05" today, "25.11 at 14:05" on another day: when the last sync succeeded. */
export function formatSyncMoment(
  iso: string,
  locale: string,
  t: (key: string, values: Record<string, string>) => string,
): string {
  const zone = resolvedTimeZone();
  const at = Date.parse(iso);
  const time = timeText(at, zone, locale);
  const date = dayText(at, zone, locale);
  if (date === dayText(Date.now(), zone, locale)) return t('sync.lastAt', { time });
  return t('sync.lastOn', { date, time });
}

/** An instant on this computer's clock with its date, e.g. "25.11 14:05" / "25/11 14:05". */
export function formatInZone(iso: string, timeZone: string | undefined, locale: string): string {
  return dayTimeText(Date.parse(iso), timeZone ?? resolvedTimeZone(), locale);
}

const UNITS = {
  ru: { h: 'ч', min: 'мин', s: 'с' },
  en: { h: 'h', min: 'min', s: 's' },
} as const;

export const durationUnits = (locale: string) => (locale.startsWith('en') ? UNITS.en : UNITS.ru);
export const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A span of working time: "3 ч 05 мин"; under an hour "42 мин", or "42 мин 07 с" with `seconds`
 * (live countdowns, so they visibly tick; `'always'`: "39 ч 30 мин 20 с", for the counted time
 * beside such a countdown); whole hours from `wholeHoursFrom` on, where minutes are
 * noise ("557 ч"). Never days: a working day is 9 hours (8 on a short day), so "2 days" would be
 * ambiguous in an SLA dispute. The sign is the caller's business: the absolute value is shown.
 */
export function formatDuration(
  ms: number,
  locale: string,
  options: { seconds?: boolean | 'always'; wholeHoursFrom?: number } = {},
): string {
  const u = durationUnits(locale);
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (options.wholeHoursFrom !== undefined && hours >= options.wholeHoursFrom) {
    return `${hours} ${u.h}`;
  }
  if (hours > 0 && options.seconds === 'always') {
    return `${hours} ${u.h} ${pad2(minutes)} ${u.min} ${pad2(seconds)} ${u.s}`;
  }
  if (hours > 0) return `${hours} ${u.h} ${pad2(minutes)} ${u.min}`;
  if (options.seconds) return `${minutes} ${u.min} ${pad2(seconds)} ${u.s}`;
  return `${minutes} ${u.min}`;
}

/**
 * An instant in the customer's zone ("03.12 15:00 МСК+9", or "15:00 МСК+9" on the customer's
 * today) and the engineer's own reading when it differs: see shared/format/instant-text.
 */
export function formatCustomerInstant(
  ms: number,
  timeZone: string,
  locale: string,
  ownZone: string,
  nowMs?: number,
): { customer: string; own: string | null } {
  return customerInstantText(ms, timeZone, locale, ownZone, nowMs);
}

/** A zone at an instant the way the interface language names it: "МСК+9" / "UTC+12". */
export function zoneLabel(at: Date, timeZone: string, locale: string): string {
  return zoneLabelAt(at.getTime(), timeZone, locale);
}
