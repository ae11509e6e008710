import { describe, expect, it } from 'vitest';
import { externalErpFromEnv } from '../unit/electron/demo-erp/external-erp';
import { parseRunFlags } from './run-against';

// `npm run test:erp` is used by another team against their own server: a wrong flag or variable
// must say which one, before a single test runs.

const valid = ['--url', 'https://erp.example.ru/api/', '--token', 'token-a', '--second-token'];

describe('npm run test:erp flags', () => {
  it.each([
    [[...valid], /--second-token/],
    [[...valid, 'token-b'], '--organization is required'],
    [
      [...valid, 'token-b', '--organization', 'org-1', '--seed', '12x'],
      '--seed must be a whole number',
    ],
    [[...valid, 'token-b', '--organization', 'org-1', '--prims'], /--prims/],
  ])('%j → %s', (argv, message) => {
    const parsed = parseRunFlags(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('reads a complete command line, and --help alone', () => {
    expect(parseRunFlags([...valid, 'token-b', '--organization', 'org-1', '--prism'])).toEqual({
      ok: true,
      help: false,
      flags: {
        url: 'https://erp.example.ru/api/',
        token: 'token-a',
        'second-token': 'token-b',
        organization: 'org-1',
        prism: true,
      },
    });
    expect(parseRunFlags(['--help'])).toEqual({ ok: true, help: true });
  });
});

describe('ERP_UNDER_TEST variables', () => {
  const env = {
    ERP_UNDER_TEST: 'https://erp.example.ru/api/',
    ERP_UNDER_TEST_TOKEN: 'token-a',
    ERP_UNDER_TEST_SECOND_TOKEN: 'token-b',
    ERP_UNDER_TEST_ORGANIZATION: 'org-1',
  };

  it('are off without ERP_UNDER_TEST, and read without the trailing slash', () => {
    expect(externalErpFromEnv({})).toBeNull();
    expect(externalErpFromEnv(env)).toEqual({
      url: 'https://erp.example.ru/api',
      token: 'token-a',
      secondToken: 'token-b',
      organizationId: 'org-1',
    });
  });

  it.each([
    [{ ERP_UNDER_TEST: 'erp.example.ru' }, 'ERP_UNDER_TEST must be an http: or https: URL'],
    [{ ERP_UNDER_TEST: 'ftp://erp.example.ru' }, 'ERP_UNDER_TEST must be an http: or https: URL'],
    [{ ERP_UNDER_TEST_TOKEN: undefined }, 'ERP_UNDER_TEST_TOKEN must be set'],
    [{ ERP_UNDER_TEST_TOKEN: 'token a' }, 'ERP_UNDER_TEST_TOKEN must be printable ASCII'],
    [{ ERP_UNDER_TEST_SECOND_TOKEN: 'token-a' }, 'must differ from ERP_UNDER_TEST_TOKEN'],
    [{ ERP_UNDER_TEST_ORGANIZATION: '' }, 'ERP_UNDER_TEST_ORGANIZATION must not be empty'],
  ])('%j → "%s"', (patch, message) => {
    expect(() => externalErpFromEnv({ ...env, ...patch })).toThrow(message);
  });
});
