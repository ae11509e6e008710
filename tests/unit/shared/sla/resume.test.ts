import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateSla, workResumesAt } from '@shared/sla';
import { ticket } from './helpers';

describe('workResumesAt', () => {
  it.each([
    // Fri 2025-11-28 19:00 Moscow: after hours; Sat/Sun off, work resumes Mon 2025-12-01 09:00 (06:00Z).
    [
      'after hours on a Friday',
      2,
      '2025-11-28T16:00:00Z',
      'Europe/Moscow',
      '2025-12-01T06:00:00.000Z',
    ],
    // Wed 2025-12-31 is a holiday in the RU calendar 2025; Jan 1–11 2026 are off; Mon 2026-01-12 09:00 Moscow.
    [
      'the New Year holidays',
      3,
      '2025-12-31T10:00:00Z',
      'Europe/Moscow',
      '2026-01-12T06:00:00.000Z',
    ],
    // Kamchatka is UTC+12: 2025-11-27T22:30Z is Fri 10:30 local, inside working hours: now itself.
    [
      'inside working hours',
      4,
      '2025-11-27T22:30:00Z',
      'Asia/Kamchatka',
      '2025-11-27T22:30:00.000Z',
    ],
    // P1 runs 24×7: any instant counts.
    ['a P1 at night', 1, '2025-11-29T23:00:00Z', 'Europe/Moscow', '2025-11-29T23:00:00.000Z'],
  ] as const)('%s', (_name, priority, now, zone, expected) => {
    expect(workResumesAt(ticket(priority, '2025-11-20T07:00:00Z', zone), now)).toBe(expected);
  });

  it('is where a waiting clock starts counting again', () => {
    const t = ticket(2, '2025-11-24T07:00:00Z', 'Asia/Yekaterinburg');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 60 }), (minutes) => {
        const now = new Date(Date.parse('2025-11-24T08:00:00Z') + minutes * 60_000);
        const resumes = Date.parse(workResumesAt(t, now));
        expect(resumes).toBeGreaterThanOrEqual(now.getTime());
        const before = evaluateSla(t, now).resolution.elapsedMs;
        // Nothing counts between now and the resume instant; a minute after it, a minute does.
        expect(evaluateSla(t, new Date(resumes)).resolution.elapsedMs).toBe(before);
        const after = evaluateSla(t, new Date(resumes + 60_000)).resolution.elapsedMs;
        expect(after - before).toBe(60_000);
      }),
      { numRuns: 200 },
    );
  });
});
