// The command line of `npm run bench:all`, validated: a mistyped flag is named, never ignored.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface BenchAllFlags {
  /** Short or full script names to run; all when absent. */
  only?: string[];
  /** Where each benchmark's output is kept; a fresh timestamped folder when absent. */
  logDir?: string;
  help: boolean;
}

export const BENCH_ALL_USAGE = [
  'usage: npm run bench:all -- [--only sla,sync,queue] [--log-dir <folder>]',
  '  --only     run only these benchmarks (short names: the part after "bench:", "sla" for `npm run bench`)',
  '  --log-dir  keep each benchmark’s output here (default node_modules/.cache/bench-all/<time>)',
].join('\n');

const benchName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9:-]*$/, 'a benchmark name is lower-case letters, digits, ":" and "-"');

const flagsSchema = z
  .object({
    only: z
      .string()
      .transform((text) => text.split(',').map((name) => name.trim()))
      .pipe(z.array(benchName).min(1))
      .optional(),
    'log-dir': z.string().trim().min(1, 'needs a folder').optional(),
    help: z.boolean().optional(),
  })
  .strict();

export function parseBenchAllFlags(argv: string[]): BenchAllFlags {
  let values: unknown;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        'log-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n${BENCH_ALL_USAGE}`,
    );
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path[0] === undefined ? 'a flag' : `--${String(issue.path[0])}`;
    throw new Error(`${flag}: ${issue?.message ?? 'invalid'}\n${BENCH_ALL_USAGE}`);
  }
  const { only, 'log-dir': logDir, help } = parsed.data;
  return { ...(only ? { only } : {}), ...(logDir ? { logDir } : {}), help: help ?? false };
}
