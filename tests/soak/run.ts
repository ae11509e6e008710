import { z } from 'zod';
import { runSoak, soakOptionsSchema } from './soak';

const USAGE =
  'usage: npm run test:soak -- --seed <non-negative integer> --runs <1…100000> [--steps <n>]';

/** `--name value` pairs; anything else is a mistake worth a clear sentence. */
function parseFlags(argv: string[]): Record<string, number> {
  const flags: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!/^--(seed|runs|steps)$/.test(name)) throw new Error(`unknown flag "${name}"`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got "${value}"`);
    flags[name.slice(2)] = Number(value);
  }
  return flags;
}

async function main(): Promise<number> {
  let options;
  try {
    const flags = parseFlags(process.argv.slice(2));
    options = soakOptionsSchema.parse({ seed: Date.now() % 1_000_000, runs: 10, ...flags });
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')
        : (error as Error).message;
    console.error(`test:soak: ${message}\n${USAGE}`);
    return 2;
  }
  console.log(`soak: seed ${options.seed}, ${options.runs} runs, ${options.steps} steps each`);
  const started = Date.now();
  const report = await runSoak(options, (line) => console.log(line));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${report.runs} runs, ${report.issued} commands, ${report.deadLetters} dead letters, ${seconds} s`,
  );
  if (report.problems.length === 0) return 0;
  console.error(`${report.problems.length} problems:\n${report.problems.join('\n')}`);
  return 1;
}

process.exitCode = await main();
