import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_NOTICE_MS,
  clockSkewOf,
  correctedNow,
  MAX_CLOCK_OFFSET_MS,
} from '../../../../shared/clock/corrected-clock';
import { measureOffset } from '../../../../shared/sync/stamp';

const HOUR = 3_600_000;
const epoch = fc.integer({
  min: Date.parse('2000-01-01T00:00:00Z'),
  max: Date.parse('2100-01-01T00:00:00Z'),
});
const offsetMs = fc.integer({ min: -MAX_CLOCK_OFFSET_MS, max: MAX_CLOCK_OFFSET_MS });

describe('corrected now', () => {
  it('is the ERP time when the device clock is two hours behind', () => {
    // The device reads 10:00 while the ERP reads 12:03: measured offset +2 h 03 min.
    const device = Date.parse('2026-11-25T10:00:00Z');
    expect(new Date(correctedNow(device, { offsetMs: 2 * HOUR + 180_000 })).toISOString()).toBe(
      '2026-11-25T12:03:00.000Z',
    );
  });

  it('is the device clock while no offset has been measured', () => {
    fc.assert(fc.property(epoch, (device) => correctedNow(device, null) === device));
  });

  it('keeps the order and the spacing of device instants (a countdown still ticks by seconds)', () => {
    fc.assert(
      fc.property(epoch, epoch, offsetMs, (a, b, offset) => {
        const ca = correctedNow(a, { offsetMs: offset });
        const cb = correctedNow(b, { offsetMs: offset });
        expect(cb - ca).toBe(b - a);
      }),
    );
  });

  it('recovers the ERP time within half the round trip, whatever the device clock error', () => {
    // A device clock off by `error`, an exchange whose server reading falls anywhere in the round
    // trip, then a reading some time later: corrected, it is ERP time ± rtt/2 (+1 ms rounding).
    fc.assert(
      fc.property(
        epoch,
        offsetMs,
        fc.integer({ min: 0, max: 20_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 * 24 * HOUR }),
        (erpSentAt, error, rttMs, serverShare, later) => {
          const device = (erp: number) => erp - error;
          const serverTime = new Date(erpSentAt + Math.round(rttMs * serverShare)).toISOString();
          const measured = measureOffset(device(erpSentAt), device(erpSentAt + rttMs), serverTime);
          expect(measured).not.toBeNull();
          const erpNow = erpSentAt + rttMs + later;
          const corrected = correctedNow(device(erpNow), measured);
          expect(Math.abs(corrected - erpNow)).toBeLessThanOrEqual(rttMs / 2 + 1);
        },
      ),
    );
  });
});

describe('clock skew', () => {
  it.each([
    // offsetMs = ERP − device: positive means the device clock reads earlier (behind).
    [2 * HOUR + 180_000, { direction: 'behind', magnitudeMs: 2 * HOUR + 180_000 }],
    [-(31 * 24 * HOUR), { direction: 'ahead', magnitudeMs: 31 * 24 * HOUR }],
    [CLOCK_SKEW_NOTICE_MS + 1, { direction: 'behind', magnitudeMs: CLOCK_SKEW_NOTICE_MS + 1 }],
    [CLOCK_SKEW_NOTICE_MS, null],
    [-CLOCK_SKEW_NOTICE_MS, null],
    [450, null],
  ])('offset %d ms → %o', (offset, skew) => {
    expect(clockSkewOf({ offsetMs: offset })).toEqual(skew);
  });

  it('says nothing before any measurement', () => {
    expect(clockSkewOf(null)).toBeNull();
  });

  it('is shown exactly beyond two minutes, either way, with the offset as its size', () => {
    fc.assert(
      fc.property(offsetMs, (offset) => {
        const skew = clockSkewOf({ offsetMs: offset });
        expect(skew !== null).toBe(Math.abs(offset) > CLOCK_SKEW_NOTICE_MS);
        if (skew) {
          expect(skew.magnitudeMs).toBe(Math.abs(offset));
          expect(skew.direction).toBe(offset > 0 ? 'behind' : 'ahead');
          expect(clockSkewOf({ offsetMs: -offset })?.direction).not.toBe(skew.direction);
        }
      }),
    );
  });
});
