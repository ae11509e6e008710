import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SEED_TICKETS } from './seed/seed';

export const USAGE = `Usage: npm run erp:demo -- [options]

  --port <n>           port to listen on, 0 = any free one (default 8787)
  --host <address>     address to bind (default 127.0.0.1)
  --data <folder>      where the database lives (default ./.erp-data)
  --token <token>      the demo engineer's bearer token (default: a random one, printed); give it
                       again for more engineers (a second one lets \`npm run test:erp\` run here)
  --user <name>        the name events pushed with the first token are signed with (default
                       "Демо-инженер"; further tokens sign as "<name> 2", "<name> 3"…)
  --seed-tickets <n>   demo tickets seeded into an empty database (default ${DEFAULT_SEED_TICKETS})
  --test-mode          enable the /__test/* admin routes (fault knobs, compaction, deletion)
  --help               print this and exit`;

const integer = (flag: string, min: number, max: number) =>
  z
    .string()
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, {
      message: `${flag} must be an integer from ${min} to ${max}`,
    })
    .transform(Number);

const flagsSchema = z.object({
  port: integer('--port', 0, 65_535).default(8787),
  host: z.string().trim().min(1, '--host must not be empty').default('127.0.0.1'),
  data: z.string().trim().min(1, '--data must name a folder').default('./.erp-data'),
  token: z
    .array(
      z
        .string()
        .regex(
          /^[\x21-\x7e]{8,200}$/,
          '--token must be 8–200 printable ASCII characters, no spaces',
        ),
    )
    .refine(
      (tokens) => new Set(tokens).size === tokens.length,
      '--token given twice with the same value',
    )
    .optional(),
  user: z
    .string()
    .trim()
    .min(1, '--user must not be empty')
    .max(100, '--user must be at most 100 characters')
    .default('Демо-инженер'),
  'seed-tickets': integer('--seed-tickets', 0, 200_000).default(DEFAULT_SEED_TICKETS),
  'test-mode': z.boolean().default(false),
  help: z.boolean().default(false),
});
export type CliFlags = z.infer<typeof flagsSchema>;

export type ParsedFlags = { ok: true; flags: CliFlags } | { ok: false; message: string };

/** Parses argv (without node and the script); every error message names the flag at fault. */
export function parseCliFlags(argv: readonly string[]): ParsedFlags {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        token: { type: 'string', multiple: true },
        user: { type: 'string' },
        'seed-tickets': { type: 'string' },
        'test-mode': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = flagsSchema.safeParse(values);
  if (parsed.success) return { ok: true, flags: parsed.data };
  const issue = parsed.error.issues[0]!;
  const flag = `--${String(issue.path[0])}`;
  const message = issue.message.startsWith('--') ? issue.message : `${flag}: ${issue.message}`;
  const flagValue = values[String(issue.path[0])];
  // A repeated flag (--token) arrives as a list; the issue's path says which entry.
  const given: unknown = Array.isArray(flagValue)
    ? (flagValue as unknown[])[Number(issue.path[1])]
    : flagValue;
  return {
    ok: false,
    message: typeof given === 'string' ? `${message} (got "${given.slice(0, 60)}")` : message,
  };
}
