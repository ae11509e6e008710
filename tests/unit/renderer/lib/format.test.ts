import { describe, expect, it } from 'vitest';
import { formatCustomerInstant, formatDuration, zoneLabel } from '../../../../renderer/lib/format';

describe('formatDuration as the queue uses it (seconds, whole hours from 100 h)', () => {
  it.each([
    [5 * 3_600_000 + 7 * 60_000 + 30_000, '5 ч 07 мин'],
    [42 * 60_000 + 5_000, '42 мин 05 с'],
    [-(3 * 3_600_000 + 59 * 60_000), '3 ч 59 мин'],
    [557 * 3_600_000 + 20 * 60_000, '557 ч'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms, 'ru', { seconds: true, wholeHoursFrom: 100 })).toBe(expected);
  });
});

describe('zone labels and customer instants', () => {
  // Russia has had no DST since 2014: Kaliningrad UTC+2, Moscow +3, Omsk +6, Kamchatka +12.
  const at = new Date('2025-11-27T06:00:00Z');
  it.each([
    ['Europe/Kaliningrad', 'ru', 'МСК−1'],
    ['Europe/Moscow', 'ru', 'МСК'],
    ['Asia/Omsk', 'ru', 'МСК+3'],
    ['Asia/Kamchatka', 'ru', 'МСК+9'],
    ['Asia/Kolkata', 'ru', 'МСК+2:30'],
    ['Asia/Kamchatka', 'en', 'UTC+12'],
    ['UTC', 'en', 'UTC'],
  ])('%s in %s is %s', (zone, locale, expected) => {
    expect(zoneLabel(at, zone, locale)).toBe(expected);
  });

  it('adds the engineer’s own reading only when it differs', () => {
    // The test process runs in the zone vitest was given; compare against a zone equal to it.
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatCustomerInstant(at.getTime(), own, 'ru').own).toBeNull();
    const far = own === 'Asia/Kamchatka' ? 'Europe/Kaliningrad' : 'Asia/Kamchatka';
    const shown = formatCustomerInstant(at.getTime(), far, 'ru');
    expect(shown.customer).toMatch(/^\d{2}\.\d{2} \d{2}:\d{2} МСК/);
    expect(shown.own).not.toBeNull();
  });
});
