import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EXTERNAL_ERP_VARIABLES } from '../unit/electron/demo-erp/external-erp';

// `npm run test:erp -- --url <ERP> --token <a> --second-token <b> --organization <id> [--prism]`:
// the reference server's black-box suite and the generated requests, run against another
// implementation of contract 2 (docs/erp-protocol.md, "The reference server as an executable
// specification"). With --prism, Stoplight Prism checks every answer against the document too.

export const USAGE = `Usage: npm run test:erp -- --url <ERP address> --token <token> --second-token <token> --organization <id> [--prism] [--seed <n>]

  --url            the ERP address the app would be configured with (http: or https:)
  --token          a bearer token of one user
  --second-token   a bearer token of another user (conflicts between engineers need two)
  --organization   an organization id both users may register tickets for
  --prism          check every answer against docs/erp-openapi.json with Stoplight Prism
  --seed <n>       seed of the generated requests (default: a fixed one)

The tests create tickets: point it at a test instance, never at production.`;

/** The files that need no test knobs of the reference server (the others skip themselves). */
export const EXTERNAL_SUITE = [
  'tests/unit/electron/demo-erp/session.test.ts',
  'tests/unit/electron/demo-erp/push.test.ts',
  'tests/unit/electron/demo-erp/team.test.ts',
  'tests/unit/electron/demo-erp/bad-input.test.ts',
  'tests/unit/electron/demo-erp/changes.test.ts',
  'tests/unit/electron/demo-erp/blobs.test.ts',
  'tests/unit/electron/demo-erp/attach.test.ts',
  'tests/contract/generated-requests.test.ts',
];

const flagsSchema = z.object({
  url: z.string({ error: '--url is required' }),
  token: z.string({ error: '--token is required' }),
  'second-token': z.string({ error: '--second-token is required' }),
  organization: z.string({ error: '--organization is required' }),
  prism: z.boolean().default(false),
  seed: z
    .string()
    .regex(/^\d{1,9}$/, '--seed must be a whole number')
    .optional(),
});

export type RunFlags = z.infer<typeof flagsSchema>;
export type ParsedRunFlags =
  | { ok: true; help: true }
  | { ok: true; help: false; flags: RunFlags }
  | { ok: false; message: string };

export function parseRunFlags(argv: readonly string[]): ParsedRunFlags {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        'second-token': { type: 'string' },
        organization: { type: 'string' },
        prism: { type: 'boolean' },
        seed: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values['help'] === true) return { ok: true, help: true };
  const parsed = flagsSchema.safeParse(values);
  return parsed.success
    ? { ok: true, help: false, flags: parsed.data }
    : { ok: false, message: parsed.error.issues[0]!.message };
}

async function main(): Promise<void> {
  const parsed = parseRunFlags(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`test:erp: ${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { flags } = parsed;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    [EXTERNAL_ERP_VARIABLES.url]: flags.url,
    [EXTERNAL_ERP_VARIABLES.token]: flags.token,
    [EXTERNAL_ERP_VARIABLES.secondToken]: flags['second-token'],
    [EXTERNAL_ERP_VARIABLES.organizationId]: flags.organization,
    ERP_CONTRACT_PROXY: flags.prism ? 'prism' : 'none',
    ...(flags.seed === undefined ? {} : { CONTRACT_SEED: flags.seed }),
  };
  const problem = await preflight(flags.url, flags.token, flags['second-token']);
  if (problem) {
    console.error(`test:erp: ${problem}`);
    process.exit(2);
  }
  const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json');
  const vitest = join(dirname(vitestPackage), 'vitest.mjs');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(
    process.execPath,
    [vitest, 'run', '--config', 'tests/vitest.contract.config.ts', ...EXTERNAL_SUITE],
    { cwd: root, env, stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 1));
}

/** Both tokens answer GET /sync/v1/session, for two different users; else why not. */
async function preflight(url: string, ...tokens: string[]): Promise<string | null> {
  const ids: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const flag = index === 0 ? '--token' : '--second-token';
    const session = `${url.replace(/\/+$/, '')}/sync/v1/session`;
    let response: Response;
    try {
      response = await fetch(session, { headers: { Authorization: `Bearer ${token}` } });
    } catch (error) {
      return `--url: GET ${session} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (response.status !== 200) return `${flag}: GET ${session} answered ${response.status}`;
    const body = (await response.json().catch(() => null)) as { user?: { id?: unknown } } | null;
    if (typeof body?.user?.id !== 'string') return `${flag}: the session answer names no user.id`;
    ids.push(body.user.id);
  }
  return ids[0] === ids[1] ? '--second-token belongs to the same user as --token' : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`test:erp: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
