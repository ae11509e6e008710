import { durationUnits, pad2 } from '../../lib/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Beyond this the hours are noise next to the days (a clock reset to 1970 is 20,000 days off).
const DAYS_WITHOUT_HOURS = 100;

type DayCount = (count: number) => string;

/**
 * How far a clock is off, in words: "2 ч 03 мин", "45 мин", "31 день 4 ч", "20 454 дня". Unlike a
 * working-time span this is calendar time, so days are the right unit; their plural forms come
 * from i18next (`days(count)`), which knows Russian's three.
 */
export function formatClockSkew(ms: number, locale: string, days: DayCount): string {
  const u = durationUnits(locale);
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes * MINUTE < DAY) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return hours === 0 ? `${rest} ${u.min}` : `${hours} ${u.h} ${pad2(rest)} ${u.min}`;
  }
  const wholeDays = Math.floor((minutes * MINUTE) / DAY);
  const hours = Math.floor(((minutes * MINUTE) % DAY) / HOUR);
  const dayText = days(wholeDays);
  return wholeDays >= DAYS_WITHOUT_HOURS || hours === 0 ? dayText : `${dayText} ${hours} ${u.h}`;
}
