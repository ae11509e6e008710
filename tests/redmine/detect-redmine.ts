import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REDMINE_ROOT = '/usr/share/redmine';

/**
 * Why a throwaway Redmine cannot be started here, or null when it can. Checks what startRedmine
 * needs, in the order an admin would fix it: the Debian packages, the app server, write access
 * to the tenant directory.
 */
export async function detectRedmine(root = REDMINE_ROOT): Promise<string | null> {
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );
  if (!(await exists(join(root, 'config.ru'))))
    return `Redmine is not installed (no ${root}): apt-get install -y --no-install-recommends redmine redmine-sqlite`;
  const local = await readFile(join(root, 'Gemfile.local'), 'utf8').catch(() => '');
  if (!/gem ['"]webrick['"]/.test(local))
    return `Redmine has no app server: add gem 'webrick' to ${root}/Gemfile.local and run bundle install --local there`;
  try {
    await run('bundle', ['exec', 'ruby', '-e', 'require "webrick"; require "sqlite3"'], {
      cwd: root,
    });
  } catch (error) {
    return `Redmine's bundle cannot load webrick and sqlite3 (${(error as Error).message.split('\n')[0]}): install redmine-sqlite and run bundle install --local in ${root}`;
  }
  try {
    await access(join(root, 'instances'), constants.W_OK);
  } catch {
    return `cannot create Redmine tenants: ${root}/instances is not writable by this user`;
  }
  return null;
}

/**
 * For a suite: null to run, or the one line to skip with. With CI_REQUIRES_REDMINE=1 a missing
 * Redmine is a failure, not a skip: CI installs it, so its absence is a broken machine.
 */
export async function redmineSkipReason(
  root = REDMINE_ROOT,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const problem = await detectRedmine(root);
  if (problem === null) return null;
  if (env['CI_REQUIRES_REDMINE'] === '1')
    throw new Error(`CI_REQUIRES_REDMINE=1 but Redmine cannot run here: ${problem}`);
  return `Redmine suite skipped: ${problem}`;
}
