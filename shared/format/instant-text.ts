/*
 * How every screen (and every desk notification) writes an instant, one convention per language
 * (docs/ui.md, "Dates, zones and durations"):
 * - Russian: "16.11.2026, 23:09", short "16.11 23:09", zones named as Russians name them: "МСК+5";
 * - English: "16/11/2026, 23:09", short "16/11 23:09", zones as offsets from UTC: "UTC+8".
 * Both use the 24-hour clock and put the day first, so an engineer switching languages reads the
 * same shapes. Pure Intl: shared by the window, the browser host and Electron's main process.
 */

export type DisplayLanguage = 'ru' | 'en';

/** The interface language behind an i18next or BCP 47 tag ("en", "en-US", "ru-RU" …). */
export function displayLanguage(language: string): DisplayLanguage {
  return language.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** The Intl locale that writes dates the language's way (English: day first, 24 h). */
export function displayLocale(language: string): 'ru-RU' | 'en-GB' {
  return displayLanguage(language) === 'en' ? 'en-GB' : 'ru-RU';
}

const formats = new Map<string, Intl.DateTimeFormat>();

// The zone is always part of the key: a cached formatter without one keeps the zone it was built in.
function format(
  language: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const locale = displayLocale(language);
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { ...DAY, year: 'numeric' };

/** "23:09" in `timeZone`. */
export function timeText(ms: number, timeZone: string, language: string): string {
  return format(language, timeZone, TIME).format(ms);
}

/** "16.11" / "16/11" in `timeZone`. */
export function dayText(ms: number, timeZone: string, language: string): string {
  return format(language, timeZone, DAY).format(ms);
}

/** "16.11.2026" / "16/11/2026" in `timeZone`. */
export function dateText(ms: number, timeZone: string, language: string): string {
  return format(language, timeZone, DATE).format(ms);
}

/** "16.11 23:09" / "16/11 23:09": the short form lists use, where the year is this year's. */
export function dayTimeText(ms: number, timeZone: string, language: string): string {
  return `${dayText(ms, timeZone, language)} ${timeText(ms, timeZone, language)}`;
}

const TIME_SECONDS: Intl.DateTimeFormatOptions = { ...TIME, second: '2-digit' };

/** "16.11.2026, 23:09:05" / "16/11/2026, 23:09:05": diagnostics and clock checks, to the second. */
export function dateTimeSecondsText(ms: number, timeZone: string, language: string): string {
  return `${dateText(ms, timeZone, language)}, ${format(language, timeZone, TIME_SECONDS).format(ms)}`;
}

/** "16.11.2026, 23:09" / "16/11/2026, 23:09": the full form pages and letters use. */
export function dateTimeText(ms: number, timeZone: string, language: string): string {
  return `${dateText(ms, timeZone, language)}, ${timeText(ms, timeZone, language)}`;
}

const MOSCOW_OFFSET_MINUTES = 180;

/** The zone's offset from UTC at instant `ms`, in minutes (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const name = format('en', timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
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
 * A zone at instant `ms`, the way each language names it: "МСК+5", "МСК", "МСК−1" in Russian
 * (how Russian zones are named, by their difference from Moscow), "UTC+8", "UTC" in English.
 */
export function zoneLabel(ms: number, timeZone: string, language: string): string {
  const offset = offsetMinutes(ms, timeZone);
  return displayLanguage(language) === 'ru'
    ? `МСК${signedHours(offset - MOSCOW_OFFSET_MINUTES)}`
    : `UTC${signedHours(offset)}`;
}

/**
 * An instant in the customer's zone, led by it ("03.12 15:00 МСК+9", or "15:00 МСК+9" on the
 * customer's today), and the reader's own reading when their clock shows something else
 * ("06:00" on their today, else "02.12 21:00"): the regulation counts in the customer's zone,
 * the engineer lives in their own. Each date is left out on its own zone's today.
 */
export function customerInstantText(
  ms: number,
  customerZone: string,
  language: string,
  ownZone: string,
  nowMs?: number,
): { customer: string; own: string | null } {
  const customerDay = dayText(ms, customerZone, language);
  const customerTime = timeText(ms, customerZone, language);
  const today = nowMs !== undefined && dayText(nowMs, customerZone, language) === customerDay;
  const customer = `${today ? '' : `${customerDay} `}${customerTime} ${zoneLabel(ms, customerZone, language)}`;
  const ownDay = dayText(ms, ownZone, language);
  const ownTime = timeText(ms, ownZone, language);
  if (ownDay === customerDay && ownTime === customerTime) return { customer, own: null };
  const ownToday =
    nowMs === undefined ? ownDay === customerDay : dayText(nowMs, ownZone, language) === ownDay;
  return { customer, own: ownToday ? ownTime : `${ownDay} ${ownTime}` };
}
