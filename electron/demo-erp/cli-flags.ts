import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../shared/erp/blobs';
import { DEFAULT_SEED_TICKETS } from './seed/seed';
import { DEMO_TEAM, TYPED_TOKEN } from './team/team';

export const USAGE = `Usage: npm run erp:demo -- [options]

  --port <n>           port to listen on, 0 = any free one (default 8787)
  --host <address>     address to bind (default 127.0.0.1)
  --data <folder>      where the database lives (default ./.erp-data), and attachments (blobs/)
  --database <url>     a PostgreSQL server instead of the embedded database:
                       postgres://user[:password]@host[:port]/database; several servers on
                       different ports may share one database (and, on one machine, one --data)
  --users <file>       the team as JSON: {"users": [{"id", "name", "email"?, "active"?, "token"?}]};
                       members with a token can sign in with it (default: the demo team of eight
                       engineers, the first three with tokens made at start, all printed)
  --token <token>      without --users: a demo engineer's token; give it once per engineer, in
                       the team's order (the first is ${DEMO_TEAM[0]!.name}'s; a second lets
                       \`npm run test:erp\` run here). Engineers among the first three without
                       one get a random token (printed)
  --seed-tickets <n>   demo tickets seeded into an empty database (default ${DEFAULT_SEED_TICKETS})
  --max-blob-bytes <n> the largest attachment (blob) accepted, in bytes (default ${MAX_ATTACHMENT_BYTES},
                       25 MiB); stored in <data>/blobs
  --test-mode          enable the /__test/* admin routes (fault knobs, compaction, deletion)
  --help               print this and exit`;

const integer = (flag: string, min: number, max: number) =>
  z
    .string()
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, {
      message: `${flag} must be an integer from ${min} to ${max}`,
    })
    .transform(Number);

/** 4 GiB: far above any attachment, and still exact as a JavaScript number of bytes. */
const MAX_BLOB_BYTES_CEILING = 4 * 1024 ** 3;

const flagsSchema = z.object({
  port: integer('--port', 0, 65_535).default(8787),
  host: z.string().trim().min(1, '--host must not be empty').default('127.0.0.1'),
  data: z.string().trim().min(1, '--data must name a folder').default('./.erp-data'),
  database: z
    .string()
    .refine(
      (text) => URL.canParse(text) && /^postgres(ql)?:$/.test(new URL(text).protocol),
      '--database must be a postgres:// URL, e.g. postgres://erp@127.0.0.1:5432/erp',
    )
    .optional(),
  token: z
    .array(TYPED_TOKEN)
    .max(
      DEMO_TEAM.length,
      `--token given more than ${DEMO_TEAM.length} times: the demo team has ${DEMO_TEAM.length} engineers (a --users file can have more)`,
    )
    .refine(
      (tokens) => new Set(tokens).size === tokens.length,
      '--token given twice with the same value',
    )
    .optional(),
  users: z.string().trim().min(1, '--users must name a JSON file').optional(),
  'seed-tickets': integer('--seed-tickets', 0, 200_000).default(DEFAULT_SEED_TICKETS),
  'max-blob-bytes': integer('--max-blob-bytes', 1, MAX_BLOB_BYTES_CEILING).default(
    MAX_ATTACHMENT_BYTES,
  ),
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
        database: { type: 'string' },
        token: { type: 'string', multiple: true },
        users: { type: 'string' },
        'seed-tickets': { type: 'string' },
        'max-blob-bytes': { type: 'string' },
        'test-mode': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = flagsSchema.safeParse(values);
  if (parsed.success && parsed.data.token !== undefined && parsed.data.users !== undefined) {
    return {
      ok: false,
      message: '--token and --users do not go together: give the tokens in the --users file',
    };
  }
  if (parsed.success) return { ok: true, flags: parsed.data };
  const issue = parsed.error.issues[0]!;
  const flag = `--${String(issue.path[0])}`;
  const message = issue.message.startsWith('--') ? issue.message : `${flag}: ${issue.message}`;
  const flagValue = values[String(issue.path[0])];
  // A repeated flag (--token) arrives as a list; the issue's path says which entry.
  const given: unknown = Array.isArray(flagValue)
    ? (flagValue as unknown[])[Number(issue.path[1])]
    : flagValue;
  // A database URL may carry a password: it is not repeated into a terminal or a log.
  const echo = typeof given === 'string' && flag !== '--database';
  return { ok: false, message: echo ? `${message} (got "${given.slice(0, 60)}")` : message };
}
