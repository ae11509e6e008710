import { describe, expect, it } from 'vitest';
import { openSpanDays } from '../../../../renderer/features/maintenance/open-span-days';

const moscow = { timeZone: 'Europe/Moscow', calendar: 'RU' };
// Sunday 2027-01-10 12:00 Moscow (09:00Z).
const now = Date.parse('2027-01-10T09:00:00Z');

describe('openSpanDays', () => {
  it('the typed start’s day on the customer’s clock: a working Tuesday has night and evening', () => {
    // 2027-01-12 is a working Tuesday in the RU calendar.
    expect(openSpanDays(moscow, '2027-01-12T19:00', '', now)).toEqual({
      ok: true,
      firstDay: '2027-01-12',
      lastDay: '2027-01-12',
      spans: [
        { startsAt: '2027-01-11T21:00:00.000Z', endsAt: '2027-01-12T04:00:00.000Z' },
        { startsAt: '2027-01-12T15:00:00.000Z', endsAt: '2027-01-12T21:00:00.000Z' },
      ],
    });
  });

  it('with nothing typed, the customer’s today from now on (a Sunday: open all day)', () => {
    expect(openSpanDays(moscow, '', '', now)).toEqual({
      ok: true,
      firstDay: '2027-01-10',
      lastDay: '2027-01-10',
      spans: [{ startsAt: '2027-01-10T09:00:00.000Z', endsAt: '2027-01-10T21:00:00.000Z' }],
    });
  });

  it('start to end day, across the weekend into Monday morning', () => {
    // Friday 2027-01-15 to Monday 2027-01-18: one open span from Friday 18:00 to Monday 07:00.
    const days = openSpanDays(moscow, '2027-01-15T20:00', '2027-01-18T05:00', now);
    expect(days.ok && days.spans).toContainEqual({
      startsAt: '2027-01-15T15:00:00.000Z',
      endsAt: '2027-01-18T04:00:00.000Z',
    });
  });

  it('a year the calendar does not cover says so', () => {
    expect(openSpanDays(moscow, '2028-01-03T19:00', '', now)).toEqual({
      ok: false,
      problem: 'calendar_not_covered',
      year: 2028,
    });
  });
});
