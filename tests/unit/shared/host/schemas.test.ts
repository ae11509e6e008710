import { describe, expect, it } from 'vitest';
import { requestInputSchemas } from '../../../../shared/host/request-schemas';
import {
  applySettingsPatch,
  defaultSettings,
  isAcceptableErpUrl,
} from '../../../../shared/host/schemas';

const erp = requestInputSchemas['erp:request'];
const setToken = requestInputSchemas['secrets:set-erp-token'];
const setSettings = requestInputSchemas['settings:set'];

describe('ERP address policy', () => {
  it.each([
    'https://erp.digit.example',
    'https://erp.digit.example:8443/api/',
    'http://localhost:4010',
    'http://127.0.0.1:4010/',
    'http://[::1]:4010',
    'HTTP://LOCALHOST:4010',
    'http://127.255.255.254/',
    'http://[0:0:0:0:0:0:0:1]:4010', // the parser writes it [::1]
    // Other spellings of 127.0.0.1: the parser normalises them, and they do reach this computer.
    'http://0x7f.1:4010',
    'http://127.1:4010',
    'http://2130706433:4010',
  ])('accepts %s', (url) => expect(isAcceptableErpUrl(url)).toBe(true));

  it.each([
    'http://erp.digit.example', // customer data in clear text
    'http://localhost.evil.example',
    'http://127.0.0.1.evil.example',
    'http://127.0.0.1%2eevil.example',
    'http://localhost.evil.example:4010',
    'http://localhost.', // resolves locally, but is not one of the spellings we accept
    'http://evil-localhost',
    'http://[::ffff:127.0.0.1]', // IPv4-mapped: refused rather than reasoned about
    'http://[::ffff:7f00:1]',
    'http://[::]',
    'http://0.0.0.0',
    'http://128.0.0.1',
    'http://localhost@evil.example',
    'http://127.0.0.1:4010@evil.example',
    'http://localhost:4010:@evil.example',
    'http://evil.example#@127.0.0.1',
    'http://evil.example?@localhost',
    'http://evil.example\\@localhost',
    'http://localhost\\@evil.example',
    'http://local host',
    ' http://localhost:4010\n',
    'https://token@erp.digit.example',
    'ws://localhost:4010',
    'javascript:alert(1)//http://localhost',
    'https://user:pass@erp.digit.example',
    'ftp://erp.digit.example',
    'file:///etc/passwd',
    'erp.digit.example',
    '',
  ])('refuses %s', (url) => expect(isAcceptableErpUrl(url)).toBe(false));
});

describe('erp:request input', () => {
  it('accepts a plain request', () => {
    const parsed = erp.parse({
      method: 'POST',
      path: '/sync/v1/push',
      body: { protocolVersion: 1, commands: [] },
    });
    expect(parsed.path).toBe('/sync/v1/push');
  });

  it.each([
    ['a scheme-relative path', { method: 'GET', path: '//evil.example/x' }],
    ['an absolute URL', { method: 'GET', path: 'https://evil.example/x' }],
    ['dot segments', { method: 'GET', path: '/sync/../admin' }],
    ['encoded dot segments', { method: 'GET', path: '/sync/%2e%2e/admin' }],
    ['an encoded slash', { method: 'GET', path: '/sync%2f..%2fadmin' }],
    ['a backslash', { method: 'GET', path: '/sync\\admin' }],
    ['a query in the path', { method: 'GET', path: '/sync/v1/changes?cursor=1' }],
    ['a body on GET', { method: 'GET', path: '/x', body: { a: 1 } }],
    ['an unknown method', { method: 'TRACE', path: '/x' }],
    ['an extra key', { method: 'GET', path: '/x', headers: { Authorization: 'x' } }],
    ['a non-JSON body', { method: 'POST', path: '/x', body: { at: new Date() } }],
    ['a silly timeout', { method: 'GET', path: '/x', timeoutMs: 10 }],
  ])('refuses %s', (_label, input) => {
    expect(erp.safeParse(input).success).toBe(false);
  });
});

describe('secrets:set-erp-token input', () => {
  it('trims a token and accepts null to clear it', () => {
    expect(setToken.parse({ token: '  abc.DEF-123  ' })).toEqual({ token: 'abc.DEF-123' });
    expect(setToken.parse({ token: null })).toEqual({ token: null });
  });

  it.each([{ token: '' }, { token: 'has space' }, { token: 'line\nbreak' }, {}, { token: 5 }])(
    'refuses %j',
    (input) => expect(setToken.safeParse(input).success).toBe(false),
  );
});

describe('settings:set input', () => {
  it('applies a partial patch over the current settings', () => {
    const patch = setSettings.parse({ sync: { intervalMinutes: 15 } });
    const next = applySettingsPatch(defaultSettings(), patch);
    expect(next.sync.intervalMinutes).toBe(15);
    expect(next.alerts).toEqual(defaultSettings().alerts);
  });

  it.each([
    { erp: { baseUrl: 'http://erp.digit.example' } },
    { sync: { intervalMinutes: 0 } },
    { sync: { intervalMinutes: 2.5 } },
    { alerts: { levels: [] } },
    { alerts: { levels: [1.5] } },
    { theme: 'dark' },
    null,
  ])('refuses %j', (input) => expect(setSettings.safeParse(input).success).toBe(false));
});
