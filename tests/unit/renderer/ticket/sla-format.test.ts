import { describe, expect, it } from 'vitest';
import {
  civilDaysInclusive,
  dualInstant,
  formatCivilDate,
  formatDateTime,
  formatTarget,
  offsetLabel,
} from '../../../../renderer/features/ticket/sla-format';
import { formatDuration } from '../../../../renderer/lib/format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatDuration', () => {
  it.each([
    [3 * HOUR + 5 * MIN, 'ru', {}, '3 ч 05 мин'],
    [40 * HOUR, 'ru', {}, '40 ч 00 мин'],
    [42 * MIN + 7_000, 'ru', {}, '42 мин'],
    [42 * MIN + 7_000, 'ru', { seconds: true }, '42 мин 07 с'],
    [-(5 * HOUR), 'ru', {}, '5 ч 00 мин'],
    [3 * HOUR + 5 * MIN, 'en', {}, '3 h 05 min'],
    [59_999, 'ru', {}, '0 мин'],
  ])('%d ms in %s %o → %s', (ms, locale, options, expected) => {
    expect(formatDuration(ms, locale, options)).toBe(expected);
  });
});

describe('formatTarget', () => {
  it.each([
    [8 * HOUR, 'ru', '8 ч'],
    [48 * HOUR + 30 * MIN, 'ru', '48 ч 30 мин'],
    [40 * HOUR, 'en', '40 h'],
  ])('%d ms in %s → %s', (ms, locale, expected) => {
    expect(formatTarget(ms, locale)).toBe(expected);
  });
});

describe('times in the customer zone', () => {
  it('shows the wall clock and offset of the zone at that instant', () => {
    // Moscow is UTC+3 all year since 2014; Kamchatka UTC+12; Kolkata UTC+5:30.
    expect(formatDateTime('2025-12-30T12:00:00Z', 'Europe/Moscow', 'ru-RU')).toBe(
      '30.12.2025, 15:00',
    );
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Europe/Moscow', 'en-GB')).toBe('UTC+3');
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Asia/Kamchatka', 'en-GB')).toBe('UTC+12');
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Asia/Kolkata', 'en-GB')).toBe('UTC+5:30');
    expect(offsetLabel('2025-12-30T12:00:00Z', 'UTC', 'en-GB')).toBe('UTC');
    // The same zones in Russian, named by their difference from Moscow.
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Europe/Moscow', 'ru-RU')).toBe('МСК');
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Asia/Kamchatka', 'ru-RU')).toBe('МСК+9');
    expect(offsetLabel('2025-12-30T12:00:00Z', 'Asia/Kolkata', 'ru-RU')).toBe('МСК+2:30');
  });

  it('adds the engineer zone only where its clock differs, with the date only if it differs', () => {
    // 2026-01-12 11:00Z: 14:00 in Moscow (UTC+3), 18:00 in Krasnoyarsk (UTC+7).
    expect(
      dualInstant('2026-01-12T11:00:00Z', 'Asia/Krasnoyarsk', 'Europe/Moscow', 'ru-RU'),
    ).toEqual({
      customer: { text: '12.01.2026, 18:00', offset: 'МСК+4' },
      engineer: { text: '14:00', offset: 'МСК' },
    });
    // The same instant in English: day first, 24 h, zones as offsets from UTC.
    expect(
      dualInstant('2026-01-12T11:00:00Z', 'Asia/Krasnoyarsk', 'Europe/Moscow', 'en-GB'),
    ).toEqual({
      customer: { text: '12/01/2026, 18:00', offset: 'UTC+7' },
      engineer: { text: '14:00', offset: 'UTC+3' },
    });
    // 2026-01-12 18:00Z: already 13.01 06:00 in Kamchatka (UTC+12), still 12.01 21:00 in Moscow.
    expect(
      dualInstant('2026-01-12T18:00:00Z', 'Asia/Kamchatka', 'Europe/Moscow', 'ru-RU').engineer,
    ).toEqual({
      text: '12.01.2026, 21:00',
      offset: 'МСК',
    });
    // Minsk and Moscow are both UTC+3: one time is enough.
    expect(
      dualInstant('2026-01-12T11:00:00Z', 'Europe/Moscow', 'Europe/Minsk', 'ru-RU').engineer,
    ).toBeNull();
  });

  it('names the weekday of a calendar date and counts whole days', () => {
    // 2025-12-30 was a Tuesday; 5–9 January 2026 are five days (Mon–Fri).
    expect(formatCivilDate('2025-12-30', 'ru-RU')).toBe('вт, 30.12.2025');
    expect(civilDaysInclusive('2026-01-05', '2026-01-09')).toBe(5);
    expect(civilDaysInclusive('2025-12-31', '2026-01-02')).toBe(3);
  });
});
