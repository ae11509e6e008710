// One line per goal of issue 14 (and any later goal), printed by each benchmark beside its own
// human-readable output, so `npm run bench:all` can gather every goal of every benchmark into one
// table without parsing prose. A benchmark run alone prints the line too; it reads as a summary.
import { z } from 'zod';

export const GOAL_LINE_PREFIX = 'BENCH-GOAL ';

export const goalResultSchema = z.object({
  /** Which benchmark measured it, e.g. `bench:sync`. */
  bench: z.string().min(1),
  /** The goal in words, as the issue states it: "every open ticket stored, 50,000 tickets". */
  goal: z.string().min(1),
  /** What the app measured, in `unit`. */
  figure: z.number().finite(),
  /** The side-by-side contender's figure in the same run and unit; null when the goal is absolute. */
  contender: z.number().finite().nullable(),
  /** Who the contender is: "naive client", "300 tickets", "moment-business-time". */
  contenderName: z.string().nullable(),
  /** The bar the goal sets, in `unit` (an absolute limit) or as a ratio to the contender. */
  bar: z.number().finite(),
  /** `max`: figure ≤ bar; `min`: figure ≥ bar; `maxRatio`/`minRatio`: figure / contender against bar. */
  kind: z.enum(['max', 'min', 'maxRatio', 'minRatio']),
  unit: z.string().min(1),
});

export type GoalResult = z.infer<typeof goalResultSchema>;

/** figure / contender, or null when there is no contender to compare with. */
export function goalRatio(result: GoalResult): number | null {
  return result.contender === null || result.contender === 0
    ? null
    : result.figure / result.contender;
}

export function isGoalMet(result: GoalResult): boolean {
  const ratio = goalRatio(result);
  switch (result.kind) {
    case 'max':
      return result.figure <= result.bar;
    case 'min':
      return result.figure >= result.bar;
    case 'maxRatio':
      return ratio !== null && ratio <= result.bar;
    case 'minRatio':
      return ratio !== null && ratio >= result.bar;
  }
}

/** Prints the machine-readable line `bench:all` collects (validated, so a typo fails loudly). */
export function reportGoal(result: GoalResult): void {
  const checked = goalResultSchema.parse(result);
  process.stdout.write(`${GOAL_LINE_PREFIX}${JSON.stringify(checked)}\n`);
}

/** The goal lines in a benchmark's output; anything else on stdout is its own report. */
export function parseGoalLines(stdout: string): GoalResult[] {
  const results: GoalResult[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(GOAL_LINE_PREFIX)) continue;
    const parsed = goalResultSchema.safeParse(JSON.parse(line.slice(GOAL_LINE_PREFIX.length)));
    if (!parsed.success)
      throw new Error(`a malformed goal line: ${line} (${parsed.error.message})`);
    results.push(parsed.data);
  }
  return results;
}
