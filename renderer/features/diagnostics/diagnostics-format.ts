import { resolvedTimeZone } from '@shared/clock/device-zone';
import { dateTimeSecondsText } from '@shared/format/instant-text';

/** How long ago, in the UI language: "5 минут назад", "2 hours ago". */
export function formatAgo(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** A clock difference or a round trip: "1,25 с", "340 мс", "2 мин 5 с" (sign left to the caller). */
export function formatSpan(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const unit = (value: number, name: 'millisecond' | 'second' | 'minute', digits = 0) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  if (abs < 1000) return unit(abs, 'millisecond');
  if (abs < 60_000) return unit(abs / 1000, 'second', 2);
  return `${unit(Math.floor(abs / 60_000), 'minute')} ${unit(Math.round((abs % 60_000) / 1000), 'second')}`;
}

/** Date and time on this computer's clock, to the second: "02.12.2026, 19:30:00" / "02/12/2026, 19:30:00". */
export function formatInstant(iso: string, locale: string): string {
  return dateTimeSecondsText(Date.parse(iso), resolvedTimeZone(), locale);
}
