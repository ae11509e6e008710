import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliFlags } from '../../../../electron/demo-erp/cli-flags';
import { readTeamFile } from '../../../../electron/demo-erp/team/team-file';
import { tempDir } from './erp-test-kit';

// `erp:demo --users team.json`: the file a person writes by hand, checked before the server
// starts, every problem named with the file and the entry.

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

async function teamFile(content: string): Promise<string> {
  const path = join(dir.path, `team-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, content, 'utf8');
  return path;
}

const andreev = { id: 'andreev', name: 'Андреев Павел', token: 'andreev-token-1' };
const belova = { id: 'belova', name: 'Белова Марина', email: 'm.belova@example.ru' };

describe('readTeamFile', () => {
  it.each([
    ['{"users": [...]}', { users: [andreev, belova] }],
    ['the list alone', [andreev, belova]],
  ])('reads %s', async (_case, content) => {
    const result = await readTeamFile(await teamFile(JSON.stringify(content)));
    expect(result).toEqual({ ok: true, team: [andreev, belova] });
  });

  it.each([
    ['not JSON at all', 'users: andreev', 'not valid JSON'],
    ['an empty list', '[]', 'users: must list at least one user'],
    ['something else than users', '{"team": []}', 'the file must hold {"users"'],
    ['a member without a name', JSON.stringify([andreev, { id: 'belova' }]), 'users[1].name: '],
    [
      'a token too short to be one',
      JSON.stringify([{ ...andreev, token: '1234' }]),
      'users[0].token: must be 8–200 printable ASCII characters, no spaces',
    ],
    [
      'a token with a space',
      JSON.stringify([{ ...andreev, token: 'andreev token' }]),
      'users[0].token: must be 8–200',
    ],
    [
      'an e-mail that is not one',
      JSON.stringify([{ ...andreev, email: 'andreev' }]),
      'users[0].email: must be an e-mail address',
    ],
    ['a field the format does not have', JSON.stringify([{ ...andreev, role: 'admin' }]), 'role'],
    [
      'two members with one id',
      JSON.stringify([andreev, { ...belova, id: 'andreev' }]),
      'users[1].id "andreev" is used twice',
    ],
    ['nobody with a token', JSON.stringify([belova]), 'no user can sign in'],
  ])('refuses %s, naming what is wrong', async (_case, content, message) => {
    const path = await teamFile(content);
    const result = await readTeamFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(`--users ${path}: `);
      expect(result.message).toContain(message);
    }
  });

  it('says when the file is not there', async () => {
    const path = join(dir.path, 'missing.json');
    expect(await readTeamFile(path)).toEqual({
      ok: false,
      message: `--users ${path}: no such file`,
    });
  });
});

describe('the --users and --token flags', () => {
  it('takes a file of users', () => {
    expect(parseCliFlags(['--users', 'team.json'])).toMatchObject({
      ok: true,
      flags: { users: 'team.json' },
    });
  });

  it.each([
    [['--users', 'team.json', '--token', 'some-token-1'], '--token and --users do not go together'],
    [['--users', ' '], '--users must name a JSON file'],
    [['--token', 'short'], '--token: must be 8–200 printable ASCII characters'],
    [['--user', 'Иванов'], "Unknown option '--user'"],
  ])('refuses %o, naming the flag', (argv, message) => {
    const parsed = parseCliFlags(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
