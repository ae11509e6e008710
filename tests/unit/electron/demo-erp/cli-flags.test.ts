import { describe, expect, it } from 'vitest';
import { parseCliFlags } from '../../../../electron/demo-erp/cli-flags';
import { DEMO_TEAM, demoTeamWithTokens } from '../../../../electron/demo-erp/team/team';

// `npm run erp:demo` flags: without a --users file, --token once per engineer of the demo team, in
// order (two let `npm run test:erp` run against the standalone server), and a bad one named with
// what was typed. The --users file and its tokens: team-file.test.ts.

describe('erp:demo flags', () => {
  it('takes --token once per engineer, in order', () => {
    const parsed = parseCliFlags(['--token', 'engineer-token-1', '--token', 'engineer-token-2']);
    expect(parsed).toMatchObject({
      ok: true,
      flags: { token: ['engineer-token-1', 'engineer-token-2'], port: 8787 },
    });
  });

  it.each([
    [
      ['--token', 'engineer-token-1', '--token', 'short'],
      '--token: must be 8–200 printable ASCII characters, no spaces (got "short")',
    ],
    [
      ['--token', 'engineer-token-1', '--token', 'engineer-token-1'],
      '--token given twice with the same value',
    ],
    [
      Array.from({ length: 9 }, (_, index) => ['--token', `engineer-token-${index + 1}`]).flat(),
      '--token given more than 8 times: the demo team has 8 engineers (a --users file can have more)',
    ],
    [['--port', '70000'], '--port must be an integer from 0 to 65535 (got "70000")'],
    [
      ['--max-blob-bytes', '25MB'],
      '--max-blob-bytes must be an integer from 1 to 4294967296 (got "25MB")',
    ],
    [
      ['--max-blob-bytes', '0'],
      '--max-blob-bytes must be an integer from 1 to 4294967296 (got "0")',
    ],
  ])('%j → "%s"', (argv, message) => {
    expect(parseCliFlags(argv)).toEqual({ ok: false, message });
  });
});

describe('--database', () => {
  it('takes a postgres:// URL; anything else is named, without repeating it (a password)', () => {
    expect(parseCliFlags(['--database', 'postgres://erp@127.0.0.1:5432/erp'])).toMatchObject({
      ok: true,
      flags: { database: 'postgres://erp@127.0.0.1:5432/erp' },
    });
    const embedded = parseCliFlags([]);
    expect(embedded.ok && embedded.flags.database).toBe(undefined);
    for (const wrong of ['mysql://erp:secret@db/erp', 'erp:secret@db', '']) {
      expect(parseCliFlags(['--database', wrong])).toEqual({
        ok: false,
        message: '--database must be a postgres:// URL, e.g. postgres://erp@127.0.0.1:5432/erp',
      });
    }
  });
});

describe('--max-blob-bytes', () => {
  it("defaults to the protocol's 25 MiB and takes a number of bytes", () => {
    expect(parseCliFlags([])).toMatchObject({ ok: true, flags: { 'max-blob-bytes': 26_214_400 } });
    expect(parseCliFlags(['--max-blob-bytes', '1048576'])).toMatchObject({
      ok: true,
      flags: { 'max-blob-bytes': 1_048_576 },
    });
  });
});

describe('the demo team behind --token', () => {
  const made = () => 'made-at-start';

  it('gives the tokens to the engineers in order, and made ones to the rest of the first three', () => {
    const team = demoTeamWithTokens(['engineer-token-1', 'engineer-token-2'], made);
    expect(team.map((member) => [member.id, member.token])).toEqual([
      ['andreev', 'engineer-token-1'],
      ['belova', 'engineer-token-2'],
      ['gusev', 'made-at-start'],
      ...DEMO_TEAM.slice(3).map((member) => [member.id, undefined]),
    ]);
  });

  it('lets more than three engineers sign in when given more tokens', () => {
    const tokens = ['t-andreev', 't-belova', 't-gusev', 't-zhuravleva', 't-kim'];
    const team = demoTeamWithTokens(tokens, made);
    expect(team.filter((member) => member.token !== undefined).map((m) => m.token)).toEqual(tokens);
  });

  it('refuses more tokens than the team has engineers', () => {
    expect(() => demoTeamWithTokens(Array(9).fill('t'), made)).toThrow(
      '9 tokens for a demo team of 8',
    );
  });
});
