import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerCalendar } from '@shared/calendars';
import {
  checkWindowHours,
  isWindowRunning,
  localWall,
  openSpans,
  type ClosedOverlap,
} from '@shared/maintenance';

const iso = (instant: string) => new Date(instant).toISOString();
const org = (timeZone: string, calendar = 'RU') => ({ timeZone, calendar });
const overlap = (
  date: string,
  startsAt: string,
  endsAt: string,
  dayKind: ClosedOverlap['dayKind'] = 'workday',
): ClosedOverlap => ({ date, dayKind, startsAt: iso(startsAt), endsAt: iso(endsAt) });

// A calendar whose only working weekend days are the weekends the clocks change in Berlin, so
// the change night falls between two working days (2027-03-28 and 2027-10-31 are Sundays).
registerCalendar({
  id: 'TEST-DST-2027',
  years: { 2027: { workingWeekends: ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31'] } },
});

type Row = [string, { timeZone: string; calendar: string }, string, string, ClosedOverlap[]];

describe('checkWindowHours: 07:00–18:00 of a working day is closed, the rest open (§5)', () => {
  // 2027-01-11 is a Monday and a working day in the RU calendar (the New Year holidays end on
  // Friday 2027-01-08; 09–10 are the weekend). Offsets: Moscow +3, Yekaterinburg +5,
  // Vladivostok +10, Kaliningrad +2 — none of them has DST.
  const rows: Row[] = [
    [
      'Moscow 06:00–07:00 is open',
      org('Europe/Moscow'),
      '2027-01-11T03:00:00Z',
      '2027-01-11T04:00:00Z',
      [],
    ],
    [
      'Moscow 07:00–08:00 is closed',
      org('Europe/Moscow'),
      '2027-01-11T04:00:00Z',
      '2027-01-11T05:00:00Z',
      [overlap('2027-01-11', '2027-01-11T04:00:00Z', '2027-01-11T05:00:00Z')],
    ],
    [
      'Moscow 17:59–18:00 is still closed',
      org('Europe/Moscow'),
      '2027-01-11T14:59:00Z',
      '2027-01-11T15:00:00Z',
      [overlap('2027-01-11', '2027-01-11T14:59:00Z', '2027-01-11T15:00:00Z')],
    ],
    [
      'Moscow 18:00–07:00 is open',
      org('Europe/Moscow'),
      '2027-01-11T15:00:00Z',
      '2027-01-12T04:00:00Z',
      [],
    ],
    [
      'Yekaterinburg 18:00–07:00 (13:00Z–02:00Z) is open',
      org('Asia/Yekaterinburg'),
      '2027-01-11T13:00:00Z',
      '2027-01-12T02:00:00Z',
      [],
    ],
    [
      'Yekaterinburg 07:00–18:00 is closed',
      org('Asia/Yekaterinburg'),
      '2027-01-11T02:00:00Z',
      '2027-01-11T13:00:00Z',
      [overlap('2027-01-11', '2027-01-11T02:00:00Z', '2027-01-11T13:00:00Z')],
    ],
    // Vladivostok's Monday 07:00 is Sunday 21:00 UTC.
    [
      'Vladivostok Sunday 20:00 – Monday 07:00 is open',
      org('Asia/Vladivostok'),
      '2027-01-10T10:00:00Z',
      '2027-01-10T21:00:00Z',
      [],
    ],
    [
      'Vladivostok Monday 07:00–18:00 is closed',
      org('Asia/Vladivostok'),
      '2027-01-10T21:00:00Z',
      '2027-01-11T08:00:00Z',
      [overlap('2027-01-11', '2027-01-10T21:00:00Z', '2027-01-11T08:00:00Z')],
    ],
    [
      'Kaliningrad 18:00–07:00 (16:00Z–05:00Z) is open',
      org('Europe/Kaliningrad'),
      '2027-01-11T16:00:00Z',
      '2027-01-12T05:00:00Z',
      [],
    ],
    [
      'Kaliningrad 07:00–18:00 is closed',
      org('Europe/Kaliningrad'),
      '2027-01-11T05:00:00Z',
      '2027-01-11T16:00:00Z',
      [overlap('2027-01-11', '2027-01-11T05:00:00Z', '2027-01-11T16:00:00Z')],
    ],
    // 2027-01-09/10 are Saturday and Sunday; the Monday's 00:00–07:00 after them is night.
    [
      'a weekend and the next night are open',
      org('Europe/Moscow'),
      '2027-01-09T00:00:00+03:00',
      '2027-01-11T07:00:00+03:00',
      [],
    ],
    // 2027-01-04…08 (Mon–Fri) are New Year holidays in the RU calendar, 2027-01-01 a Friday holiday.
    [
      'the New Year holidays 2027 are open all day',
      org('Europe/Moscow'),
      '2026-12-31T18:00:00+03:00',
      '2027-01-11T07:00:00+03:00',
      [],
    ],
    // 2024-04-27 is a Saturday made working by transfer (RU calendar), not shortened.
    [
      'a working Saturday is closed 07:00–18:00',
      org('Europe/Moscow'),
      '2024-04-27T06:00:00+03:00',
      '2024-04-27T19:00:00+03:00',
      [overlap('2024-04-27', '2024-04-27T07:00:00+03:00', '2024-04-27T18:00:00+03:00')],
    ],
    // 2027-02-20 is a working Saturday and a short pre-holiday day (before 2027-02-22/23).
    [
      'a short working Saturday is closed 07:00–18:00',
      org('Europe/Moscow'),
      '2027-02-20T17:00:00+03:00',
      '2027-02-20T20:00:00+03:00',
      [
        overlap(
          '2027-02-20',
          '2027-02-20T17:00:00+03:00',
          '2027-02-20T18:00:00+03:00',
          'short_day',
        ),
      ],
    ],
    // 2027-04-30 is a Friday shortened before the May holidays: work ends at 16:00, but the rule
    // names the hours, not the working day, so 16:00–18:00 stays closed.
    [
      'a short pre-holiday day is closed until 18:00',
      org('Europe/Moscow'),
      '2027-04-30T16:00:00+03:00',
      '2027-04-30T19:00:00+03:00',
      [
        overlap(
          '2027-04-30',
          '2027-04-30T16:00:00+03:00',
          '2027-04-30T18:00:00+03:00',
          'short_day',
        ),
      ],
    ],
    // 2027-01-12/13 are Tuesday and Wednesday, both working days.
    [
      'across midnight inside the night is open',
      org('Europe/Moscow'),
      '2027-01-12T19:00:00+03:00',
      '2027-01-13T06:00:00+03:00',
      [],
    ],
    [
      'across midnight touching both days names both',
      org('Europe/Moscow'),
      '2027-01-12T17:00:00+03:00',
      '2027-01-13T08:00:00+03:00',
      [
        overlap('2027-01-12', '2027-01-12T17:00:00+03:00', '2027-01-12T18:00:00+03:00'),
        overlap('2027-01-13', '2027-01-13T07:00:00+03:00', '2027-01-13T08:00:00+03:00'),
      ],
    ],
    // 2027-01-15 is a Friday, 2027-01-18 a Monday.
    [
      'Friday 18:00 to Monday 07:00 is open',
      org('Europe/Moscow'),
      '2027-01-15T18:00:00+03:00',
      '2027-01-18T07:00:00+03:00',
      [],
    ],
    [
      'Thursday night to Saturday morning names the whole Friday',
      org('Europe/Moscow'),
      '2027-01-14T20:00:00+03:00',
      '2027-01-16T10:00:00+03:00',
      [overlap('2027-01-15', '2027-01-15T07:00:00+03:00', '2027-01-15T18:00:00+03:00')],
    ],
    // Berlin: 2027-03-28 03:00 CEST follows 01:59 CET (the night loses an hour); with the weekend
    // working, Saturday's 18:00 CET (17:00Z) to Sunday's 07:00 CEST (05:00Z) is 12 UTC hours, and
    // Sunday's closed hours are 05:00Z–16:00Z (11 hours).
    [
      'spring DST night: closed hours stay 07:00–18:00 local',
      org('Europe/Berlin', 'TEST-DST-2027'),
      '2027-03-27T16:00:00Z',
      '2027-03-28T06:00:00Z',
      [
        overlap('2027-03-27', '2027-03-27T16:00:00Z', '2027-03-27T17:00:00Z'),
        overlap('2027-03-28', '2027-03-28T05:00:00Z', '2027-03-28T06:00:00Z'),
      ],
    ],
    [
      'spring DST night is 12 UTC hours',
      org('Europe/Berlin', 'TEST-DST-2027'),
      '2027-03-27T17:00:00Z',
      '2027-03-28T05:00:00Z',
      [],
    ],
    // 2027-10-31 03:00 CEST becomes 02:00 CET (the night gains an hour): Saturday 18:00 CEST is
    // 16:00Z, Sunday 07:00 CET is 06:00Z — 14 UTC hours.
    [
      'autumn DST night is 14 UTC hours',
      org('Europe/Berlin', 'TEST-DST-2027'),
      '2027-10-30T16:00:00Z',
      '2027-10-31T06:00:00Z',
      [],
    ],
    [
      'autumn DST Sunday is closed 06:00Z–17:00Z',
      org('Europe/Berlin', 'TEST-DST-2027'),
      '2027-10-31T05:00:00Z',
      '2027-10-31T18:00:00Z',
      [overlap('2027-10-31', '2027-10-31T06:00:00Z', '2027-10-31T17:00:00Z')],
    ],
    // Calendar `none`: Mon–Fri working, Saturday 2027-03-27 / Sunday 2027-03-28 open.
    [
      'calendar none: the DST weekend is open',
      org('Europe/Berlin', 'none'),
      '2027-03-26T17:00:00Z',
      '2027-03-29T05:00:00Z',
      [],
    ],
    [
      'calendar none: Monday after the change closes at 07:00 CEST (05:00Z)',
      org('Europe/Berlin', 'none'),
      '2027-03-29T04:00:00Z',
      '2027-03-29T06:00:00Z',
      [overlap('2027-03-29', '2027-03-29T05:00:00Z', '2027-03-29T06:00:00Z')],
    ],
  ];

  it.each(rows)('%s', (_name, organization, startsAt, endsAt, expected) => {
    const check = checkWindowHours({ startsAt, endsAt }, organization);
    if (expected.length === 0) expect(check).toEqual({ allowed: true });
    else expect(check).toEqual({ allowed: false, problem: 'closed_hours', overlaps: expected });
  });

  it('the same UTC instant is open for one customer and closed for another', () => {
    // 2027-01-11T15:30Z (a Monday): 18:30 in Moscow, 17:30 in Kaliningrad.
    const window = { startsAt: '2027-01-11T15:30:00Z', endsAt: '2027-01-11T15:45:00Z' };
    expect(checkWindowHours(window, org('Europe/Moscow'))).toEqual({ allowed: true });
    expect(checkWindowHours(window, org('Europe/Kaliningrad'))).toMatchObject({
      allowed: false,
      problem: 'closed_hours',
    });
    // 2027-01-11T03:00Z: 06:00 in Moscow (open), 08:00 in Yekaterinburg (closed).
    const morning = { startsAt: '2027-01-11T03:00:00Z', endsAt: '2027-01-11T03:30:00Z' };
    expect(checkWindowHours(morning, org('Europe/Moscow'))).toEqual({ allowed: true });
    expect(checkWindowHours(morning, org('Asia/Yekaterinburg'))).toMatchObject({ allowed: false });
  });
});

describe('checkWindowHours: what it cannot answer', () => {
  it('a year the calendar does not cover is named (RU has data for 2024–2027)', () => {
    expect(
      checkWindowHours(
        { startsAt: '2027-12-31T20:00:00+03:00', endsAt: '2028-01-03T06:00:00+03:00' },
        org('Europe/Moscow'),
      ),
    ).toEqual({ allowed: false, problem: 'calendar_not_covered', year: 2028 });
  });

  it('an unknown calendar, an unknown zone and a reversed or empty interval', () => {
    const window = { startsAt: '2027-01-11T20:00:00+03:00', endsAt: '2027-01-11T22:00:00+03:00' };
    expect(checkWindowHours(window, org('Europe/Moscow', 'XX'))).toEqual({
      allowed: false,
      problem: 'unknown_calendar',
      calendar: 'XX',
    });
    expect(checkWindowHours(window, org('Mars/Olympus'))).toEqual({
      allowed: false,
      problem: 'unknown_zone',
      timeZone: 'Mars/Olympus',
    });
    const reversed = { startsAt: window.endsAt, endsAt: window.startsAt };
    expect(checkWindowHours(reversed, org('Europe/Moscow'))).toEqual({
      allowed: false,
      problem: 'invalid_interval',
    });
    const empty = { startsAt: window.startsAt, endsAt: window.startsAt };
    expect(checkWindowHours(empty, org('Europe/Moscow')).allowed).toBe(false);
    expect(
      checkWindowHours({ startsAt: 'tomorrow', endsAt: window.endsAt }, org('Europe/Moscow')),
    ).toEqual({ allowed: false, problem: 'invalid_interval' });
  });
});

describe('openSpans', () => {
  it('a working Monday in Moscow: midnight to 07:00 and 18:00 to midnight', () => {
    // 2027-01-11 is a working Monday (RU).
    expect(
      openSpans('2027-01-11T00:00:00+03:00', '2027-01-12T00:00:00+03:00', org('Europe/Moscow')),
    ).toEqual({
      ok: true,
      spans: [
        { startsAt: iso('2027-01-11T00:00:00+03:00'), endsAt: iso('2027-01-11T07:00:00+03:00') },
        { startsAt: iso('2027-01-11T18:00:00+03:00'), endsAt: iso('2027-01-12T00:00:00+03:00') },
      ],
    });
  });

  const zones = [
    'Europe/Moscow',
    'Asia/Yekaterinburg',
    'Asia/Vladivostok',
    'Europe/Kaliningrad',
    'Europe/Berlin',
  ];
  // Starts from 2024-01-01 to 2027-12-16, at most 14 days long: every local date in any of these
  // zones stays inside the RU calendar's covered years (2024–2027), so every check answers.
  const FROM = Date.parse('2024-01-01T00:00:00Z');
  const SPAN = Date.parse('2027-12-16T00:00:00Z') - FROM;
  const interval = fc
    .tuple(
      fc.integer({ min: 0, max: SPAN / 60_000 }),
      fc.integer({ min: 1, max: 14 * 24 * 60 }),
      fc.constantFrom(...zones),
      fc.constantFrom('RU', 'none'),
    )
    .map(([startMinute, lengthMinutes, timeZone, calendar]) => ({
      from: FROM + startMinute * 60_000,
      to: FROM + (startMinute + lengthMinutes) * 60_000,
      organization: org(timeZone, calendar),
    }));

  it('open spans and closed overlaps tile the interval exactly, without overlapping', () => {
    fc.assert(
      fc.property(interval, ({ from, to, organization }) => {
        const startsAt = new Date(from).toISOString();
        const endsAt = new Date(to).toISOString();
        const open = openSpans(startsAt, endsAt, organization);
        const check = checkWindowHours({ startsAt, endsAt }, organization);
        if (!('ok' in open)) throw new Error(`openSpans failed: ${JSON.stringify(open)}`);
        const closed = check.allowed ? [] : 'overlaps' in check ? check.overlaps : null;
        if (closed === null) throw new Error(`check failed: ${JSON.stringify(check)}`);
        const pieces = [...open.spans, ...closed]
          .map((piece) => [Date.parse(piece.startsAt), Date.parse(piece.endsAt)] as const)
          .sort((a, b) => a[0] - b[0]);
        expect(pieces[0]![0]).toBe(from);
        expect(pieces.at(-1)![1]).toBe(to);
        for (const [start, end] of pieces) expect(end).toBeGreaterThan(start);
        for (let i = 1; i < pieces.length; i += 1) expect(pieces[i]![0]).toBe(pieces[i - 1]![1]);
        // A window inside any open span is allowed.
        for (const span of open.spans)
          expect(checkWindowHours(span, organization)).toEqual({ allowed: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe('isWindowRunning and localWall', () => {
  const window = {
    startsAt: '2027-01-11T19:00:00+03:00',
    endsAt: '2027-01-11T23:00:00+03:00',
    cancelled: null,
  };
  it('runs from its start (inclusive) to its end (exclusive); a cancelled one never', () => {
    expect(isWindowRunning(window, Date.parse('2027-01-11T18:59:59+03:00'))).toBe(false);
    expect(isWindowRunning(window, Date.parse('2027-01-11T19:00:00+03:00'))).toBe(true);
    expect(isWindowRunning(window, Date.parse('2027-01-11T22:59:59+03:00'))).toBe(true);
    expect(isWindowRunning(window, Date.parse('2027-01-11T23:00:00+03:00'))).toBe(false);
    expect(
      isWindowRunning(
        { ...window, cancelled: { at: '2027-01-10T10:00:00Z' } },
        Date.parse('2027-01-11T20:00:00+03:00'),
      ),
    ).toBe(false);
  });
  it('shows an instant on the customer wall clock', () => {
    // 2027-01-11T16:00Z is 19:00 in Moscow (+3) and 02:00 the next day in Vladivostok (+10).
    expect(localWall('2027-01-11T16:00:00Z', 'Europe/Moscow')).toBe('2027-01-11 19:00');
    expect(localWall('2027-01-11T16:00:00Z', 'Asia/Vladivostok')).toBe('2027-01-12 02:00');
  });
});
