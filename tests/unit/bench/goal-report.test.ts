import { describe, expect, it } from 'vitest';
import {
  GOAL_LINE_PREFIX,
  isGoalMet,
  parseGoalLines,
  type GoalResult,
} from '../../bench/support/goal-report';

const openFirst: GoalResult = {
  bench: 'bench:sync',
  goal: 'every open ticket in the queue, 50,000 tickets',
  figure: 4.6,
  contender: null,
  contenderName: null,
  bar: 5,
  kind: 'max',
  unit: 's',
};

describe('benchmark goals', () => {
  it('judges absolute bars and ratios to the contender', () => {
    expect(isGoalMet(openFirst)).toBe(true);
    expect(isGoalMet({ ...openFirst, figure: 5.01 })).toBe(false);
    const vsNaive = { ...openFirst, kind: 'maxRatio' as const, contender: 10, bar: 1 };
    expect(isGoalMet({ ...vsNaive, figure: 9.9 })).toBe(true);
    expect(isGoalMet({ ...vsNaive, figure: 11 })).toBe(false);
    const vsMoment = { ...openFirst, kind: 'minRatio' as const, contender: 2, bar: 1000 };
    expect(isGoalMet({ ...vsMoment, figure: 1999 })).toBe(false);
    expect(isGoalMet({ ...vsMoment, figure: 2000 })).toBe(true);
    // A ratio goal without its contender was not measured side by side: never met.
    expect(isGoalMet({ ...vsNaive, contender: null })).toBe(false);
  });

  it('finds goal lines among a benchmark’s own output and refuses a malformed one by name', () => {
    const stdout = [
      'SLA benchmark',
      `${GOAL_LINE_PREFIX}${JSON.stringify(openFirst)}`,
      'done',
    ].join('\n');
    expect(parseGoalLines(stdout)).toEqual([openFirst]);
    const broken = `${GOAL_LINE_PREFIX}${JSON.stringify({ ...openFirst, unit: '' })}`;
    expect(() => parseGoalLines(broken)).toThrow(/malformed goal line/);
  });
});
