import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectRedmine, redmineSkipReason } from './detect-redmine';

describe('whether a Redmine can run here', () => {
  const dirs: string[] = [];
  const fakeRoot = async (files: Record<string, string>) => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-redmine-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('names the missing package, then the missing app server', async () => {
    expect(await detectRedmine('/nonexistent/redmine')).toBe(
      'Redmine is not installed (no /nonexistent/redmine): apt-get install -y --no-install-recommends redmine redmine-sqlite',
    );
    const root = await fakeRoot({ 'config.ru': '' });
    expect(await detectRedmine(root)).toBe(
      `Redmine has no app server: add gem 'webrick' to ${root}/Gemfile.local and run bundle install --local there`,
    );
  });

  it('skips with one line, but fails when CI requires Redmine', async () => {
    expect(await redmineSkipReason('/nonexistent/redmine', {})).toMatch(
      /^Redmine suite skipped: Redmine is not installed/,
    );
    await expect(
      redmineSkipReason('/nonexistent/redmine', { CI_REQUIRES_REDMINE: '1' }),
    ).rejects.toThrow(
      'CI_REQUIRES_REDMINE=1 but Redmine cannot run here: Redmine is not installed',
    );
  });
});
