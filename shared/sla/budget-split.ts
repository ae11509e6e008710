/*
 * A clock's budget as people read it: what was counted and what is left, both at the precision
 * shown, from one exact split, so they add up to the target on every screen ("учтено 10 ч 02 мин"
 * and "осталось 29 ч 58 мин" of 40 h). Counted time is rounded down (a minute is counted once it
 * has passed) and the time left is the rest: rounding both down would lose a unit ("10 ч 02 мин"
 * + "29 ч 57 мин" = 39:59).
 */

export interface BudgetSplit {
  /** Counted time, a whole number of `unitMs`, never more than was counted. */
  countedMs: number;
  /** Target minus counted: negative when overdue, by a whole number of `unitMs`. */
  leftMs: number;
  /** The target at the same precision (targets are whole hours; an odd one is rounded). */
  targetMs: number;
}

export function splitBudget(elapsedMs: number, targetMs: number, unitMs = 60_000): BudgetSplit {
  if (!(unitMs > 0) || !Number.isFinite(elapsedMs) || !Number.isFinite(targetMs)) {
    throw new RangeError(
      `splitBudget: elapsed ${elapsedMs}, target ${targetMs} and unit ${unitMs} must be finite, the unit > 0`,
    );
  }
  const target = Math.round(targetMs / unitMs) * unitMs;
  const counted = Math.floor(Math.max(0, elapsedMs) / unitMs) * unitMs;
  return { countedMs: counted, leftMs: target - counted, targetMs: target };
}

/**
 * The precision a live countdown is shown at: seconds in its last hour (either side of the
 * deadline), where they visibly tick; minutes otherwise. One rule, so the queue and the ticket
 * page show the same time left at the same moment.
 */
export function countdownUnitMs(remainingMs: number): number {
  return Math.abs(remainingMs) < 3_600_000 ? 1000 : 60_000;
}
