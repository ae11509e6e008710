import { dateText, offsetMinutes } from '@shared/format/instant-text';

/*
 * How the evidence PDF writes numbers and times. Russian typography: a non-breaking space keeps
 * "№ 1042", "25 ч 00 мин" and a date with its time on one line; every instant is written in the
 * customer's zone with its offset from UTC, so a reader can check it without knowing the zone.
 */

export const NBSP = '\u00a0';

/** "+05:00" for Asia/Yekaterinburg: the offset at that instant. */
export function utcOffsetText(ms: number, zone: string): string {
  const minutes = offsetMinutes(ms, zone);
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const TIME_SECONDS = new Map<string, Intl.DateTimeFormat>();

function timeWithSeconds(ms: number, zone: string): string {
  let format = TIME_SECONDS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    });
    TIME_SECONDS.set(zone, format);
  }
  return format.format(ms);
}

/**
 * "29.12.2026 11:00:00 UTC+05:00" in `zone`: the date and time never part, the offset may go to
 * the next line of a narrow column.
 */
export function instantText(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  return `${dateText(ms, zone, 'ru')}${NBSP}${timeWithSeconds(ms, zone)} ${utcOffsetText(ms, zone)}`;
}

/** A SHA-256 in four groups of 16, so a table cell can wrap it; the footer prints it whole. */
export function groupedHash(hex: string): string {
  return hex.replace(/(.{16})(?=.)/g, '$1 ');
}

/** "29.12.2026" for a civil date "2026-12-29". */
export function civilDateText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * Working or wall time as hours and minutes ("25 ч 00 мин", "52 мин 29 с"), never days: a working
 * day is 9 hours, so days would be ambiguous in a dispute. Whole seconds are kept when present.
 */
export function durationText(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const parts =
    hours > 0 ? [`${hours}${NBSP}ч`, `${pad(minutes)}${NBSP}мин`] : [`${minutes}${NBSP}мин`];
  if (seconds > 0) parts.push(`${pad(seconds)}${NBSP}с`);
  return sign + parts.join(NBSP);
}
