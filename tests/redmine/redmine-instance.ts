import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
  unlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { redmineMapping, type RedmineMapping } from '../../shared/erp/redmine/mapping';
import { detectRedmine, REDMINE_ROOT } from './detect-redmine';

const run = promisify(execFile);
const INSTANCES = join(REDMINE_ROOT, 'instances');
/** Tenants this helper creates are named `pk-test-<owner pid>-<random>`: the pid finds stale ones. */
const TENANT_PREFIX = 'pk-test-';
const CONFIGURE_SCRIPT = fileURLToPath(new URL('./configure-redmine.rb', import.meta.url));

const setupLine = z.object({
  adminKey: z.string().min(20),
  users: z.array(z.object({ id: z.number(), login: z.string(), apiKey: z.string().min(20) })),
  trackerId: z.number(),
  statuses: z.array(z.object({ id: z.number(), name: z.string(), isClosed: z.boolean() })),
  priorities: z.array(z.object({ id: z.number(), name: z.string() })),
  issueFields: z.record(z.string(), z.number()),
  projectFields: z.record(z.string(), z.number()),
  activityId: z.number(),
  roleId: z.number(),
  projects: z.array(z.object({ id: z.number(), identifier: z.string() })),
});
export type RedmineSetup = z.infer<typeof setupLine>;

export interface RedmineInstance {
  url: string;
  adminKey: string;
  /** The engineer first, then the colleague. */
  users: { id: number; login: string; apiKey: string }[];
  mapping: RedmineMapping;
  setup: RedmineSetup;
  tenant: string;
  dir: string;
  stop(): Promise<void>;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function serverPid(dir: string): Promise<number | null> {
  const text = await readFile(join(dir, 'tmp', 'server.pid'), 'utf8').catch(() => null);
  const pid = text === null ? NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function removeTenant(tenant: string): Promise<void> {
  const link = join(INSTANCES, tenant);
  const dir = await readlink(link).catch(() => null);
  // Only ever delete a directory this helper made (mkdtemp under tmpdir with the tenant's prefix).
  if (dir !== null && dirname(dir) === tmpdir() && basename(dir).startsWith(TENANT_PREFIX)) {
    const pid = await serverPid(dir);
    if (pid !== null && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
  await unlink(link).catch(() => undefined);
}

/** Removes tenants whose owning process has died (a crashed test run never called stop). */
export async function removeStaleTenants(): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(INSTANCES).catch(() => [] as string[])) {
    if (!name.startsWith(TENANT_PREFIX)) continue;
    const owner = Number(name.slice(TENANT_PREFIX.length).split('-')[0]);
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    await removeTenant(name);
    removed.push(name);
  }
  return removed;
}

/** Ruby's backtraces run to dozens of lines; the cause is in the first few. */
const firstLines = (text: string) => text.split('\n').slice(0, 4).join('\n');

function redmineEnv(tenant: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, REDMINE_INSTANCE: tenant, RAILS_ENV: 'production', ...extra };
}

async function inRedmine(tenant: string, args: string[], extra: Record<string, string> = {}) {
  try {
    return await run('bundle', ['exec', ...args], {
      cwd: REDMINE_ROOT,
      env: redmineEnv(tenant, extra),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `Redmine: "${args.join(' ')}" failed: ${firstLines(`${failed.stderr ?? ''}${failed.stdout ?? ''}`)}`,
    );
  }
}

/** The app's mapping for the ids this instance's setup script created. */
export function mappingFor(setup: RedmineSetup): RedmineMapping {
  // Redmine's default data, in any language, creates statuses New, In Progress, Resolved,
  // Feedback, Closed, Rejected and priorities Low … Immediate in this order (names are localised).
  const [created, inProgress, resolved, feedback, closed] = setup.statuses.map((s) => s.id);
  const [, normal, high, urgent, immediate] = setup.priorities.map((p) => p.id);
  return redmineMapping.parse({
    trackerId: setup.trackerId,
    statuses: { new: created, inProgress, paused: feedback, resolved, closed },
    priorities: { 1: immediate, 2: urgent, 3: high, 4: normal },
    issueFields: setup.issueFields,
    projectFields: setup.projectFields,
    timeEntryActivityId: setup.activityId,
  });
}

async function waitUntilServing(url: string, pid: () => boolean, log: () => string): Promise<void> {
  // Webrick needs ≈8 s to load Rails on a quiet machine, minutes on a shared busy one.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (!pid()) throw new Error(`Redmine server exited before serving:\n${log()}`);
    const answer = await fetch(`${url}/issue_statuses.json`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Redmine did not answer at ${url} within 300 s:\n${log()}`);
}

/** Brings up a throwaway, configured Redmine on 127.0.0.1:`port`; `stop()` removes every trace. */
export async function startRedmine(port: number): Promise<RedmineInstance> {
  const problem = await detectRedmine();
  if (problem) throw new Error(problem);
  await removeStaleTenants();
  const tenant = `${TENANT_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), `${tenant}-`));
  await Promise.all(['config', 'log', 'tmp', 'files', 'db'].map((d) => mkdir(join(dir, d))));
  await writeFile(
    join(dir, 'config', 'database.yml'),
    `production:\n  adapter: sqlite3\n  database: ${join(dir, 'db', 'redmine.sqlite3')}\n  timeout: 5000\n`,
  );
  await writeFile(join(dir, 'config', 'secret_key.txt'), randomBytes(32).toString('hex'));
  await symlink(dir, join(INSTANCES, tenant));
  const stop = () => removeTenant(tenant);
  try {
    // Two boots: in one, the default data loader sees the models as they were before migrating
    // and loads nothing.
    await inRedmine(tenant, ['rake', 'db:migrate'], { SCHEMA: '/dev/null' });
    await inRedmine(tenant, ['rake', 'redmine:load_default_data'], { REDMINE_LANG: 'ru' });
    const { stdout } = await inRedmine(tenant, ['rails', 'runner', CONFIGURE_SCRIPT]);
    const line = stdout.split('\n').find((l) => l.startsWith('PROKONTAKT_SETUP '));
    if (!line) throw new Error(`Redmine setup printed no PROKONTAKT_SETUP line:\n${stdout}`);
    const setup = setupLine.parse(JSON.parse(line.slice('PROKONTAKT_SETUP '.length)));
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    const server = spawn(
      'bundle',
      [
        'exec',
        'rails',
        'server',
        '-u',
        'webrick',
        '-b',
        '127.0.0.1',
        '-p',
        String(port),
        '-P',
        join(dir, 'tmp', 'server.pid'),
      ],
      { cwd: REDMINE_ROOT, env: redmineEnv(tenant), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8_000));
    server.stdout.on('data', keep);
    server.stderr.on('data', keep);
    let exited = false;
    server.on('exit', () => (exited = true));
    await waitUntilServing(
      url,
      () => !exited,
      () => output,
    );
    return {
      url,
      adminKey: setup.adminKey,
      users: setup.users,
      mapping: mappingFor(setup),
      setup,
      tenant,
      dir,
      async stop() {
        if (!exited) {
          server.kill('SIGTERM');
          await new Promise((resolve) => server.once('exit', resolve));
        }
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// As a script: `npx tsx tests/redmine/redmine-instance.ts start [port]` serves until Ctrl+C;
// `… stop` removes every tenant whose owner is gone (and, with `--all`, every test tenant).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, arg] = process.argv.slice(2);
  if (command === 'start') {
    const port = Number(arg ?? 4791);
    const instance = await startRedmine(port);
    console.log(
      JSON.stringify(
        {
          url: instance.url,
          adminKey: instance.adminKey,
          users: instance.users,
          mapping: instance.mapping,
          dir: instance.dir,
        },
        null,
        2,
      ),
    );
    const stop = () => void instance.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } else if (command === 'stop') {
    const removed =
      arg === '--all'
        ? await Promise.all(
            (await readdir(INSTANCES))
              .filter((n) => n.startsWith(TENANT_PREFIX))
              .map(async (n) => (await removeTenant(n), n)),
          )
        : await removeStaleTenants();
    console.log(removed.length ? `removed ${removed.join(', ')}` : 'no stale Redmine test tenants');
  } else {
    console.error('usage: redmine-instance.ts start [port] | stop [--all]');
    process.exit(2);
  }
}
