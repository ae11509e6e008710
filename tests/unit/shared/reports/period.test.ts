import { describe, expect, it } from 'vitest';
import {
  periodBounds,
  periodDates,
  ReportPeriodError,
  validatePeriod,
  type ReportPeriod,
} from '@shared/reports';

describe('report periods', () => {
  // Moscow is UTC+3 all year; Vladivostok UTC+10; 2028 is a leap year.
  it.each<[ReportPeriod, string, string, string]>([
    [
      { kind: 'month', year: 2027, month: 1 },
      'Europe/Moscow',
      '2026-12-31T21:00:00.000Z',
      '2027-01-31T21:00:00.000Z',
    ],
    [
      { kind: 'month', year: 2027, month: 12 },
      'UTC',
      '2027-12-01T00:00:00.000Z',
      '2028-01-01T00:00:00.000Z',
    ],
    [
      { kind: 'month', year: 2028, month: 2 },
      'Asia/Vladivostok',
      '2028-01-31T14:00:00.000Z',
      '2028-02-29T14:00:00.000Z',
    ],
    [
      { kind: 'quarter', year: 2027, quarter: 4 },
      'Europe/Moscow',
      '2027-09-30T21:00:00.000Z',
      '2027-12-31T21:00:00.000Z',
    ],
    [
      { kind: 'custom', from: '2027-01-11', to: '2027-01-18' },
      'Europe/Moscow',
      '2027-01-10T21:00:00.000Z',
      '2027-01-17T21:00:00.000Z',
    ],
  ])('%j in %s is [%s, %s)', (period, zone, start, end) => {
    const bounds = periodBounds(period, zone);
    expect(new Date(bounds.startMs).toISOString()).toBe(start);
    expect(new Date(bounds.endMs).toISOString()).toBe(end);
  });

  it('names the civil dates of a quarter', () => {
    expect(periodDates({ kind: 'quarter', year: 2027, quarter: 1 })).toEqual({
      from: '2027-01-01',
      to: '2027-04-01',
    });
  });

  it.each<[ReportPeriod, string, RegExp]>([
    [{ kind: 'month', year: 2027, month: 13 }, 'invalid_month', /month 13/],
    [{ kind: 'quarter', year: 2027, quarter: 0 }, 'invalid_quarter', /quarter 0/],
    [{ kind: 'month', year: 27, month: 1 }, 'invalid_year', /year 27/],
    [{ kind: 'custom', from: '2027-02-30', to: '2027-03-10' }, 'invalid_from', /from "2027-02-30"/],
    [{ kind: 'custom', from: '2027-01-01', to: '10.03.2027' }, 'invalid_to', /to "10.03.2027"/],
    [
      { kind: 'custom', from: '2027-03-10', to: '2027-03-10' },
      'to_not_after_from',
      /must be after/,
    ],
    [{ kind: 'custom', from: '2026-01-01', to: '2027-03-10' }, 'period_too_long', /433 days/],
  ])('refuses %j with %s', (period, code, message) => {
    const attempt = () => validatePeriod(period);
    expect(attempt).toThrow(ReportPeriodError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ReportPeriodError).code).toBe(code);
    }
  });
});
