import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBudget } from '@shared/sla/budget-split';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('splitBudget: counted and left add up to the target', () => {
  it.each([
    // 10 h 02 min 30 s of a 40 h P3 resolution: shown 10 h 02 min counted, 29 h 58 min left
    // (flooring both would show 29 h 57 min, 39:59 in all).
    [10 * HOUR + 2 * MIN + 30_000, 40 * HOUR, 10 * HOUR + 2 * MIN, 29 * HOUR + 58 * MIN],
    [0, 8 * HOUR, 0, 8 * HOUR],
    [59_999, HOUR, 0, HOUR],
    [HOUR, HOUR, HOUR, 0],
    // 20 s over a 1 h P1 reaction: the overdue minute is not complete yet.
    [HOUR + 20_000, HOUR, HOUR, 0],
    [HOUR + 90_000, HOUR, HOUR + MIN, -MIN],
  ])('elapsed %i of %i → counted %i, left %i', (elapsed, target, counted, left) => {
    expect(splitBudget(elapsed, target)).toEqual({
      countedMs: counted,
      leftMs: left,
      targetMs: target,
    });
  });

  it('splits to the second for live countdowns', () => {
    // 39 h 30 min 20.4 s of 40 h: 39:30:20 counted, 29 min 40 s left.
    const split = splitBudget(39 * HOUR + 30 * MIN + 20_400, 40 * HOUR, 1000);
    expect(split.countedMs).toBe(39 * HOUR + 30 * MIN + 20_000);
    expect(split.leftMs).toBe(29 * MIN + 40_000);
  });

  it('refuses what is not a time span', () => {
    expect(() => splitBudget(Number.NaN, HOUR)).toThrow(/finite/);
    expect(() => splitBudget(0, HOUR, 0)).toThrow(/unit/);
  });

  it('always adds up, never counts a unit before it has passed, and stays within a unit of the truth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * HOUR }),
        fc.integer({ min: 1, max: 80 }).map((hours) => hours * HOUR),
        fc.constantFrom(1000, MIN),
        (elapsed, target, unit) => {
          const split = splitBudget(elapsed, target, unit);
          expect(split.countedMs + split.leftMs).toBe(target);
          expect(split.countedMs % unit).toBe(0);
          expect(split.countedMs).toBeLessThanOrEqual(elapsed);
          expect(elapsed - split.countedMs).toBeLessThan(unit);
          const remaining = target - elapsed;
          expect(split.leftMs - remaining).toBeGreaterThanOrEqual(0);
          expect(split.leftMs - remaining).toBeLessThan(unit);
        },
      ),
    );
  });
});
