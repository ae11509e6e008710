import { describe, expect, it } from 'vitest';
import { formatCalendarSpan } from '../../../../renderer/lib/calendar-span';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatCalendarSpan', () => {
  it.each([
    [42 * MIN + 59_000, 'ru', '42 мин'],
    [3 * HOUR + 5 * MIN, 'ru', '3 ч 05 мин'],
    // Calendar days (a pause runs through nights and weekends), unlike working-time durations.
    [24 * HOUR, 'ru', '1 дн'],
    [17 * 24 * HOUR + 3 * HOUR + 59 * MIN, 'ru', '17 дн 3 ч'],
    [2 * 24 * HOUR + 5 * HOUR, 'en', '2 d 5 h'],
    [3 * HOUR + 5 * MIN, 'en', '3 h 05 min'],
    // A device clock behind the pause's own stamp: nothing negative is shown.
    [-5 * MIN, 'ru', '0 мин'],
  ])('%d ms in %s → %s', (ms, locale, text) => {
    expect(formatCalendarSpan(ms, locale)).toBe(text);
  });
});
