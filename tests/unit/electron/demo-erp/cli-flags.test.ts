import { describe, expect, it } from 'vitest';
import { parseCliFlags } from '../../../../electron/demo-erp/cli-flags';

// `npm run erp:demo` flags: one token per engineer (two let `npm run test:erp` run against the
// standalone server), and a bad one named with what was typed.

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
      '--token must be 8–200 printable ASCII characters, no spaces (got "short")',
    ],
    [
      ['--token', 'engineer-token-1', '--token', 'engineer-token-1'],
      '--token given twice with the same value',
    ],
    [['--port', '70000'], '--port must be an integer from 0 to 65535 (got "70000")'],
  ])('%j → "%s"', (argv, message) => {
    expect(parseCliFlags(argv)).toEqual({ ok: false, message });
  });
});
