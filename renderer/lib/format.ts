const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared formatter per locale and options. Building one costs far more than using it, and the
 * queue formats dozens of instants on every tick.
 */
export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Time of day in the user's locale, e.g. "14:05". */
export function formatClock(iso: string, locale: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
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
  const at = new Date(iso);
  const time = formatClock(iso, locale);
  if (at.toDateString() === new Date().toDateString()) return t('sync.lastAt', { time });
  const date = at.toLocaleDateString(locale, { day: '2-digit', month: '2-digit' });
  return t('sync.lastOn', { date, time });
}

/** A ticket's creation instant in its organization's zone, e.g. "25.11 14:05". */
export function formatInZone(iso: string, timeZone: string | undefined, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

const UNITS = {
  ru: { h: 'ч', min: 'мин', s: 'с' },
  en: { h: 'h', min: 'min', s: 's' },
} as const;

export const durationUnits = (locale: string) => (locale.startsWith('en') ? UNITS.en : UNITS.ru);
export const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A span of working time: "3 ч 05 мин"; under an hour "42 мин", or "42 мин 07 с" with `seconds`
 * (live countdowns, so they visibly tick); whole hours from `wholeHoursFrom` on, where minutes are
 * noise ("557 ч"). Never days: a working day is 9 hours (8 on a short day), so "2 days" would be
 * ambiguous in an SLA dispute. The sign is the caller's business: the absolute value is shown.
 */
export function formatDuration(
  ms: number,
  locale: string,
  options: { seconds?: boolean; wholeHoursFrom?: number } = {},
): string {
  const u = durationUnits(locale);
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (options.wholeHoursFrom !== undefined && hours >= options.wholeHoursFrom) {
    return `${hours} ${u.h}`;
  }
  if (hours > 0) return `${hours} ${u.h} ${pad2(minutes)} ${u.min}`;
  if (options.seconds) return `${minutes} ${u.min} ${pad2(seconds)} ${u.s}`;
  return `${minutes} ${u.min}`;
}

const MOSCOW_OFFSET_MINUTES = 180;

function offsetMinutes(at: Date, timeZone: string): number {
  const part = dateFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function signedHours(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/**
 * A zone's offset the way people in it say it: "МСК+9" in Russian (how Russian time zones are
 * named), "UTC+12" in English.
 */
export function zoneLabel(at: Date, timeZone: string, locale: string): string {
  const offset = offsetMinutes(at, timeZone);
  return locale.startsWith('ru')
    ? `МСК${signedHours(offset - MOSCOW_OFFSET_MINUTES)}`
    : `UTC${signedHours(offset)}`;
}

// The zone is always named: a cached formatter without one would keep the zone it was built in.
function dayAndTime(at: Date, locale: string, timeZone: string): { day: string; time: string } {
  return {
    day: dateFormat(locale, { day: '2-digit', month: '2-digit', timeZone }).format(at),
    time: dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(at),
  };
}

/**
 * An instant in the customer's zone ("03.12 15:00 МСК+9", or "15:00 МСК+9" on the customer's
 * today) and, when the engineer's own clock reads differently, that reading too ("06:00", or
 * "02.12 21:00" on another day): the regulation counts in the customer's zone, the engineer lives
 * in their own (`ownZone`, this computer's, which changes when the engineer travels).
 */
export function formatCustomerInstant(
  ms: number,
  timeZone: string,
  locale: string,
  ownZone: string,
  nowMs?: number,
): { customer: string; own: string | null } {
  const at = new Date(ms);
  const customer = dayAndTime(at, locale, timeZone);
  const own = dayAndTime(at, locale, ownZone);
  const today = nowMs === undefined ? null : new Date(nowMs);
  const customerDay =
    today && dayAndTime(today, locale, timeZone).day === customer.day ? '' : `${customer.day} `;
  const customerText = `${customerDay}${customer.time} ${zoneLabel(at, timeZone, locale)}`;
  if (own.day === customer.day && own.time === customer.time)
    return { customer: customerText, own: null };
  const ownDay = today
    ? dayAndTime(today, locale, ownZone).day === own.day
    : own.day === customer.day;
  return { customer: customerText, own: ownDay ? own.time : `${own.day} ${own.time}` };
}
