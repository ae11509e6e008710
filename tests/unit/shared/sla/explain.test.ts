import { describe, expect, it } from 'vitest';
import { explainSla } from '@shared/sla';
import { HOUR, ticket } from './helpers';

describe('explainSla', () => {
  it('shows the New Year holidays the resolution clock skipped and the hours it counted', () => {
    // Tue 2025-12-30 15:00 Moscow, P2 (24 h). 2025-12-31 and 2026-01-01…09 are holidays or weekends
    // (Jan 3–4 and 10–11 weekends); work resumes Mon 2026-01-12.
    const now = '2025-12-30T17:00:00+03:00';
    const e = explainSla(ticket(2, '2025-12-30T15:00:00+03:00', 'Europe/Moscow'), now);
    expect(e).toMatchObject({
      priority: 2,
      schedule: 'business',
      timeZone: 'Europe/Moscow',
      calendar: 'RU',
      warnings: [],
      assumedYears: [],
    });
    expect(e.businessHours).toEqual({ start: '09:00', end: '18:00', shortDayEnd: '17:00' });
    const r = e.resolution;
    expect(r.state.dueAt).toBe('2026-01-14T09:00:00.000Z'); // Dec 30 3 h, Jan 12 9, Jan 13 9, Jan 14 09–12
    expect(r.skipped.map((s) => [s.reason, s.fromDate, s.toDate])).toEqual([
      ['holiday', '2025-12-31', '2026-01-02'],
      ['weekend', '2026-01-03', '2026-01-04'],
      ['holiday', '2026-01-05', '2026-01-09'],
      ['weekend', '2026-01-10', '2026-01-11'],
    ]);
    expect(r.counted.map((c) => [c.localDate, c.ms / HOUR, c.projected])).toEqual([
      ['2025-12-30', 2, false],
      ['2025-12-30', 1, true],
      ['2026-01-12', 9, true],
      ['2026-01-13', 9, true],
      ['2026-01-14', 3, true],
    ]);
    expect(r.counted.reduce((sum, c) => sum + c.ms, 0)).toBe(r.state.targetMs);
  });

  it('marks the working Saturday, the short day and a pause with its reason', () => {
    // Sat 2025-11-01 is a working short day (09–17); Mon 3 and Tue 4 Nov are holidays.
    const t = ticket(2, '2025-10-31T17:00:00+03:00', 'Europe/Moscow', [
      {
        type: 'paused',
        at: '2025-11-01T10:00:00+03:00',
        reason: 'other',
        note: 'ждём доступ к серверу',
      },
      { type: 'resumed', at: '2025-11-05T10:00:00+03:00' },
    ]);
    const r = explainSla(t, '2025-11-05T11:00:00+03:00').resolution;
    expect(r.counted.slice(0, 3).map((c) => [c.localDate, c.dayKind, c.ms / HOUR])).toEqual([
      ['2025-10-31', 'workday', 1],
      ['2025-11-01', 'short_day', 1],
      ['2025-11-05', 'workday', 1],
    ]);
    expect(r.skipped).toContainEqual({
      reason: 'paused',
      from: '2025-11-01T07:00:00.000Z',
      to: '2025-11-05T07:00:00.000Z',
      pauseReason: 'other',
      note: 'ждём доступ к серверу',
    });
    expect(r.skipped).toContainEqual(
      expect.objectContaining({
        reason: 'short_day',
        fromDate: '2025-11-01',
        from: '2025-11-01T14:00:00.000Z',
        to: '2025-11-01T15:00:00.000Z',
      }),
    );
    expect(r.skipped).toContainEqual(
      expect.objectContaining({ reason: 'holiday', fromDate: '2025-11-03', toDate: '2025-11-04' }),
    );
  });

  it('shows an open pause as ongoing and P1 as one round-the-clock interval', () => {
    const t = ticket(1, '2025-11-05T10:00:00+03:00', 'Europe/Moscow', [
      { type: 'paused', at: '2025-11-05T12:00:00+03:00', reason: 'third_party_fault' },
    ]);
    const e = explainSla(t, '2025-11-05T13:00:00+03:00');
    expect(e.schedule).toBe('24x7');
    expect(e.businessHours).toBeNull();
    expect(e.resolution.counted).toEqual([
      {
        from: '2025-11-05T07:00:00.000Z',
        to: '2025-11-05T09:00:00.000Z',
        ms: 2 * HOUR,
        localDate: null,
        dayKind: 'round_the_clock',
        projected: false,
      },
    ]);
    expect(e.resolution.skipped).toEqual([
      {
        reason: 'paused',
        from: '2025-11-05T09:00:00.000Z',
        to: '2025-11-05T10:00:00.000Z',
        pauseReason: 'third_party_fault',
        ongoing: true,
      },
    ]);
  });

  it('carries the calendar warning for a year without data', () => {
    const e = explainSla(
      ticket(3, '2027-12-29T10:00:00+03:00', 'Europe/Moscow'),
      '2027-12-29T11:00:00+03:00',
    );
    expect(e.warnings).toEqual([expect.stringContaining('2028')]);
    expect(e.assumedYears).toEqual([2028]);
  });
});
