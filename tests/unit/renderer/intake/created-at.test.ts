import { describe, expect, it } from 'vitest';
import {
  instantOfWallTime,
  utcOffsetLabel,
  wallTimeOf,
  zonesDiffer,
} from '../../../../renderer/features/intake/created-at';

// Russia has had no DST since 26 Oct 2014, so summer and winter offsets are the same there.
const JAN = Date.parse('2026-01-15T12:00:00Z');
const JUL = Date.parse('2026-07-15T12:00:00Z');

describe('wall time in a zone', () => {
  it.each([
    ['Asia/Kamchatka', '2026-07-15T09:00', '2026-07-14T21:00:00.000Z'],
    ['Europe/Kaliningrad', '2026-07-15T09:00', '2026-07-15T07:00:00.000Z'],
    ['Europe/Moscow', '2026-01-15T09:00:30', '2026-01-15T06:00:30.000Z'],
    // Berlin is on summer time in July (UTC+2), on winter time in January (UTC+1).
    ['Europe/Berlin', '2026-07-15T09:00', '2026-07-15T07:00:00.000Z'],
    ['Europe/Berlin', '2026-01-15T09:00', '2026-01-15T08:00:00.000Z'],
  ])('%s %s is %s', (zone, local, iso) => {
    const result = instantOfWallTime(local, zone);
    expect(result.ok && new Date(result.ms).toISOString()).toBe(iso);
  });

  it('round-trips to the datetime-local value', () => {
    expect(wallTimeOf(Date.parse('2026-07-14T21:00:00Z'), 'Asia/Kamchatka')).toBe(
      '2026-07-15T09:00',
    );
    expect(wallTimeOf(Date.parse('2026-07-14T21:00:00Z'), 'Europe/Kaliningrad')).toBe(
      '2026-07-14T23:00',
    );
  });

  it.each([['2026-07-15'], ['15.07.2026 09:00'], ['2026-07-15T25:00'], ['2026-07-15T09:00Z']])(
    'refuses %s as a datetime-local value',
    (local) => {
      expect(instantOfWallTime(local, 'Europe/Moscow')).toEqual({ ok: false, reason: 'format' });
    },
  );
});

describe('zone labels', () => {
  it.each([
    ['Asia/Kamchatka', JAN, 'UTC+12'],
    ['Asia/Kamchatka', JUL, 'UTC+12'],
    ['Europe/Kaliningrad', JUL, 'UTC+2'],
    ['Asia/Kolkata', JAN, 'UTC+5:30'],
    ['America/New_York', JAN, 'UTC−5'],
    ['UTC', JAN, 'UTC'],
  ])('%s at %s is %s', (zone, ms, label) => {
    expect(utcOffsetLabel(zone, ms, 'en')).toBe(label);
  });

  it('compares offsets, not names', () => {
    // Samara and Ulyanovsk are both UTC+4 all year.
    expect(zonesDiffer('Europe/Samara', 'Europe/Ulyanovsk', JAN)).toBe(false);
    expect(zonesDiffer('Asia/Kamchatka', 'Europe/Kaliningrad', JUL)).toBe(true);
    // Berlin and Kaliningrad agree in summer (UTC+2), not in winter.
    expect(zonesDiffer('Europe/Berlin', 'Europe/Kaliningrad', JUL)).toBe(false);
    expect(zonesDiffer('Europe/Berlin', 'Europe/Kaliningrad', JAN)).toBe(true);
  });
});
