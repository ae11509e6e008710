import { describe, expect, it } from 'vitest';
import { describeIssues, requestInputSchemas } from '../../../../shared/host/request-schemas';
import {
  applySettingsPatch,
  defaultSettings,
  erpOriginOf,
  isAcceptableErpUrl,
} from '../../../../shared/host/schemas';

const erpPush = requestInputSchemas['erp:push'];
const erpChanges = requestInputSchemas['erp:changes'];
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

describe('erp:push and erp:changes inputs', () => {
  const push = {
    protocolVersion: 1,
    deviceId: '0193e3a0-0000-7000-8000-000000000001',
    commands: [],
  };

  it('accept exactly a contract-2 push and a cursor with a page size', () => {
    expect(erpPush.parse(push)).toEqual(push);
    expect(erpChanges.parse({ cursor: null, limit: 1_000 })).toEqual({
      cursor: null,
      limit: 1_000,
    });
  });

  it.each([
    ['a method', { ...push, method: 'DELETE' }],
    ['a path', { ...push, path: '/admin' }],
    ['a URL', { ...push, url: 'https://evil.example/' }],
    ['headers', { ...push, headers: { Authorization: 'x' } }],
    ['a timeout', { ...push, timeoutMs: 1 }],
  ])('a push refuses %s beside the body', (_label, input) => {
    expect(erpPush.safeParse(input).success).toBe(false);
  });

  it.each([
    ['a path', { cursor: null, limit: 10, path: '/admin' }],
    ['a query', { cursor: null, limit: 10, query: { a: '1' } }],
    ['no limit', { cursor: null }],
    ['a limit over the protocol’s maximum', { cursor: null, limit: 1_001 }],
    ['an empty cursor', { cursor: '', limit: 10 }],
  ])('changes refuse %s', (_label, input) => {
    expect(erpChanges.safeParse(input).success).toBe(false);
  });
});

describe('erpOriginOf', () => {
  it.each([
    ['https://erp.example.ru/api/', 'https://erp.example.ru'],
    ['https://ERP.Example.RU:443/', 'https://erp.example.ru'],
    ['https://erp.example.ru:8443/', 'https://erp.example.ru:8443'],
    ['https://почта.рф/', 'https://xn--80a1acny.xn--p1ai'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['not a url', null],
  ])('%s → %s', (url, origin) => expect(erpOriginOf(url)).toBe(origin));
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

describe('settings:set for the ERP choice', () => {
  it.each([
    // An address alone means "work with this ERP"; null or the demo mode, the embedded demo.
    [
      { baseUrl: 'https://erp.digit.example/' },
      { mode: 'configured', baseUrl: 'https://erp.digit.example/' },
    ],
    [
      { mode: 'configured', baseUrl: ' https://erp.digit.example/ ' },
      { mode: 'configured', baseUrl: 'https://erp.digit.example/' },
    ],
    [{ baseUrl: null }, { mode: 'demo', baseUrl: null }],
    [{ mode: 'demo' }, { mode: 'demo', baseUrl: null }],
    [
      { mode: 'demo', baseUrl: null },
      { mode: 'demo', baseUrl: null },
    ],
    [{ mode: 'unset' }, { mode: 'unset', baseUrl: null }],
  ])('reads %j as %j', (erp, expected) => {
    expect(setSettings.parse({ erp }).erp).toEqual(expected);
  });

  it.each([
    [{}, 'give mode, baseUrl, kind or redmineMapping'],
    [{ mode: 'configured' }, 'needs'],
    [{ mode: 'configured', baseUrl: null }, 'needs'],
    [{ mode: 'demo', baseUrl: 'https://erp.digit.example/' }, 'needs an address'],
    [{ mode: 'unset', baseUrl: 'https://erp.digit.example/' }, 'needs an address'],
    [{ mode: 'cloud' }, 'mode'],
    [{ baseUrl: 'http://erp.digit.example/' }, 'https://'],
  ])('refuses %j, saying why', (erp, why) => {
    const parsed = setSettings.safeParse({ erp });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toContain(why);
  });
});

describe('settings:set for alerts, the desktop and the language', () => {
  it('takes each desktop option on its own, leaving the others as they were', () => {
    const next = applySettingsPatch(
      defaultSettings(),
      setSettings.parse({ tray: { closeToTray: false } }),
    );
    expect(next.tray).toEqual({ launchAtLogin: false, startHidden: true, closeToTray: false });
  });

  it('keeps the language the user chose', () => {
    const next = applySettingsPatch(
      defaultSettings(),
      setSettings.parse({ ui: { language: 'en' } }),
    );
    expect(next.ui.language).toBe('en');
  });

  it.each([[[0.9, 0.75, 1]], [[0.75, 0.75, 1]], [[0.75, 0.9, 1, 1]]])(
    'refuses levels %j that do not increase',
    (levels) => {
      const parsed = setSettings.safeParse({ alerts: { levels } });
      expect(parsed.success).toBe(false);
      if (!parsed.success)
        expect(describeIssues(parsed.error)).toContain('alerts.levels: levels must increase');
    },
  );
});
