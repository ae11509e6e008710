import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ru from '@shared/calendars/ru.json';
import { classifyDay, findCalendar, parseIsoDate } from '@shared/calendars';
import { CalendarFormatError, evaluateSla, registerCalendar } from '@shared/sla';

const official = JSON.parse(
  readFileSync(new URL('../../../fixtures/ru-production-calendar.json', import.meta.url), 'utf8'),
);

const upstream = new URL('../../../../../shared/data/ru-production-calendar.json', import.meta.url);

describe('the shipped RU calendar', () => {
  // The fixture is a verbatim copy so a fresh clone tests without ../shared; guard it against drift.
  it.skipIf(!existsSync(upstream))('fixture equals the official file in ../shared/data', () => {
    expect(readFileSync(upstream, 'utf8')).toBe(
      readFileSync(
        new URL('../../../fixtures/ru-production-calendar.json', import.meta.url),
        'utf8',
      ),
    );
  });

  it('holds exactly the official data for 2024–2027', () => {
    expect(ru.years).toEqual(official.years);
  });

  it.each([
    ['2025-11-01', 'short_day'], // working Saturday, pre-holiday
    ['2024-04-27', 'workday'], // working Saturday
    ['2025-11-03', 'holiday'], // transferred day off
    ['2026-01-09', 'holiday'],
    ['2026-01-10', 'weekend'],
    ['2026-11-03', 'short_day'],
    ['2026-11-05', 'workday'],
  ])('classifies %s as %s', (date, kind) => {
    expect(classifyDay(findCalendar('RU')!, parseIsoDate(date)!)).toEqual({ kind, covered: true });
  });

  it('uses the fixed holidays, uncovered, for a year without data', () => {
    expect(classifyDay(findCalendar('RU')!, parseIsoDate('2028-01-05')!)).toEqual({
      kind: 'holiday',
      covered: false,
    });
    expect(classifyDay(findCalendar('RU')!, parseIsoDate('2028-01-10')!)).toEqual({
      kind: 'workday',
      covered: false,
    });
  });
});

describe('custom calendars registered at run time', () => {
  it("next year's decree is a data change: a registered 2028 moves the deadline and silences the warning", () => {
    const t = {
      priority: 2 as const,
      createdAt: '2028-01-10T17:00:00+03:00',
      timeZone: 'Europe/Moscow',
      calendar: 'RU-2028',
      events: [],
    };
    registerCalendar({
      id: 'RU-2028',
      fixedHolidays: ru.fixedHolidays,
      years: { 2028: { holidays: ['2028-01-11'] } },
    });
    // Mon 2028-01-10 17–18 = 1 h; Tue 11 is a holiday in this file; Wed 12 09–12.
    const r = evaluateSla(t, '2028-01-10T17:00:00+03:00');
    expect(r.reaction.dueAt).toBe('2028-01-12T09:00:00.000Z');
    expect(r).not.toHaveProperty('warnings');
  });

  it('replaces a registered id only when asked to', () => {
    registerCalendar({ id: 'KZ', years: { 2026: {} } });
    expect(() => registerCalendar({ id: 'KZ', years: {} })).toThrow(
      /already registered; pass \{ replace: true \}/,
    );
    expect(() => registerCalendar({ id: 'KZ', years: {} }, { replace: true })).not.toThrow();
    expect(() => registerCalendar({ id: 'none' })).toThrow(/reserved/);
  });

  it('re-evaluates with the replaced definition, not a cached one', () => {
    const t = {
      priority: 2 as const,
      createdAt: '2026-03-02T17:00:00+03:00',
      timeZone: 'Europe/Moscow',
      calendar: 'TEST',
      events: [],
    };
    registerCalendar({ id: 'TEST', years: { 2026: {} } });
    expect(evaluateSla(t, '2026-03-02T17:00:00+03:00').reaction.dueAt).toBe(
      '2026-03-03T09:00:00.000Z',
    );
    registerCalendar(
      { id: 'TEST', years: { 2026: { holidays: ['2026-03-03'] } } },
      { replace: true },
    );
    expect(evaluateSla(t, '2026-03-02T17:00:00+03:00').reaction.dueAt).toBe(
      '2026-03-04T09:00:00.000Z',
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing id', { years: {} }, /at id: /],
    ['an unknown field', { id: 'X', holidays: [] }, /Unrecognized key/],
    [
      'a malformed date',
      { id: 'X', years: { 2026: { holidays: ['2026-3-9'] } } },
      /years\.2026\.holidays: "2026-3-9" is not a valid YYYY-MM-DD date/,
    ],
    [
      'a date in another year',
      { id: 'X', years: { 2026: { holidays: ['2027-01-01'] } } },
      /"2027-01-01" is not in 2026/,
    ],
    [
      'a working weekend on a Wednesday',
      { id: 'X', years: { 2026: { workingWeekends: ['2026-03-04'] } } },
      /"2026-03-04" is not a Saturday or Sunday/,
    ],
    [
      'a short day on a holiday',
      { id: 'X', years: { 2026: { holidays: ['2026-03-09'], shortDays: ['2026-03-09'] } } },
      /shortDays: "2026-03-09" is also listed as a holiday/,
    ],
    [
      'a short day on a plain Sunday',
      { id: 'X', years: { 2026: { shortDays: ['2026-03-08'] } } },
      /falls on a weekend that is not listed in workingWeekends/,
    ],
    [
      'a duplicate',
      { id: 'X', years: { 2026: { holidays: ['2026-03-09', '2026-03-09'] } } },
      /listed twice/,
    ],
    [
      'a bad fixed holiday',
      { id: 'X', fixedHolidays: ['13-01'] },
      /fixedHolidays entries must be MM-DD/,
    ],
  ])('rejects %s with a message naming it', (_what, file, message) => {
    expect(() => registerCalendar(file)).toThrow(CalendarFormatError);
    expect(() => registerCalendar(file)).toThrow(message);
  });
});
