import { resolvedTimeZone } from '@shared/clock/device-zone';
import { dateText } from '@shared/format/instant-text';
/*
 * Small formats of the Settings page, kept pure so their tables can be tested: a clock difference
 * in words and the day a token was saved.
 */

const UNITS = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1_000 },
] as const;

/**
 * A non-negative duration as the two largest units a person reads at a glance: "1 мин 35 с",
 * "2 ч 5 мин", "3 дн. 4 ч" ("1 min 35 sec" in English). Below a second: "0 с".
 */
export function formatDurationShort(ms: number, locale: string): string {
  let rest = Math.floor(Math.abs(ms) / 1000) * 1000;
  const counts = UNITS.map(({ unit, ms: size }) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return { unit, count };
  });
  const first = counts.findIndex(({ count }) => count > 0);
  if (first === -1) return unitFormat(locale, 'second').format(0);
  return counts
    .slice(first, first + 2)
    .filter(({ count }) => count > 0)
    .map(({ unit, count }) => unitFormat(locale, unit).format(count))
    .join(' ');
}

/** Less than this is "in step": the round trip itself is measured to no better. */
export const SAME_CLOCK_MS = 1_000;

export type ClockRelation = 'ahead' | 'behind' | 'same';

/** ERP clock minus this computer's → how a person says it. */
export function clockRelation(offsetMs: number): ClockRelation {
  if (Math.abs(offsetMs) < SAME_CLOCK_MS) return 'same';
  return offsetMs > 0 ? 'ahead' : 'behind';
}

/** "12.01.2027" in Russian, "12/01/2027" in English: the day a token was saved, on this computer. */
export function formatSavedDay(iso: string, locale: string): string {
  return dateText(Date.parse(iso), resolvedTimeZone(), locale);
}

/** The host and port of an address or origin, as the user typed it: "erp.example.ru". */
export function hostOfAddress(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: string): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    unitFormats.set(key, format);
  }
  return format;
}
