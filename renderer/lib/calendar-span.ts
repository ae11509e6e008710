import { durationUnits } from './format';

const DAY_UNIT = { ru: 'дн', en: 'd' } as const;

/**
 * A span of calendar time, such as how long a ticket has been paused: "3 ч 20 мин", "2 дн 5 ч"
 * (days here are calendar days, unlike working-time durations, which never use days).
 */
export function formatCalendarSpan(ms: number, locale: string): string {
  const units = durationUnits(locale);
  const day = locale.startsWith('en') ? DAY_UNIT.en : DAY_UNIT.ru;
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days} ${day} ${hours} ${units.h}` : `${days} ${day}`;
  if (hours > 0) return `${hours} ${units.h} ${String(minutes % 60).padStart(2, '0')} ${units.min}`;
  return `${minutes} ${units.min}`;
}
