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

  // 2026-12-02T21:00Z is 03.12 09:00 in Kamchatka (UTC+12), 03.12 04:00 in Novosibirsk
  // (UTC+7), 03.12 00:00 in Moscow (UTC+3) and 02.12 23:00 in Kaliningrad (UTC+2). The reading
  // happens at that same instant, so "today" is 03.12 everywhere but Kaliningrad.
  const deadline = Date.parse('2026-12-02T21:00:00Z');
  it.each([
    ['Asia/Kamchatka', { customer: '09:00 МСК+9', own: null }],
    ['Europe/Moscow', { customer: '09:00 МСК+9', own: '00:00' }],
    ['Asia/Novosibirsk', { customer: '09:00 МСК+9', own: '04:00' }],
    ['Europe/Kaliningrad', { customer: '09:00 МСК+9', own: '23:00' }],
  ])('a Kamchatka deadline read by an engineer in %s', (ownZone, expected) => {
    expect(formatCustomerInstant(deadline, 'Asia/Kamchatka', 'ru', ownZone, deadline)).toEqual(
      expected,
    );
  });

  it('names the day of either reading when it is not today there', () => {
    // Read a day earlier (01.12 21:00Z): the deadline is on another day in both zones.
    const dayBefore = deadline - 24 * 3_600_000;
    expect(
      formatCustomerInstant(deadline, 'Asia/Kamchatka', 'ru', 'Europe/Moscow', dayBefore),
    ).toEqual({ customer: '03.12 09:00 МСК+9', own: '03.12 00:00' });
  });

  it('follows the engineer to a new zone at once (no formatter keeps the old one)', () => {
    // Moscow → Novosibirsk while the app runs: the same instant, read again, in the new zone.
    const read = (ownZone: string) =>
      formatCustomerInstant(deadline, 'Asia/Kamchatka', 'ru', ownZone, deadline).own;
    expect([read('Europe/Moscow'), read('Asia/Novosibirsk'), read('Europe/Moscow')]).toEqual([
      '00:00',
      '04:00',
      '00:00',
    ]);
  });
});
