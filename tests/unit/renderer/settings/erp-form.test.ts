import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptableErpUrl } from '../../../../shared/host/schemas';
import {
  parseErpForm,
  validateErpAddress,
  validateErpToken,
} from '../../../../renderer/features/settings/erp-form';

/*
 * What a hurried person types into the ERP form, and the error that must name what is wrong.
 * The host applies the same address rule again; the property at the end holds the two together.
 */

describe('the ERP address field', () => {
  it.each([
    ['https://erp.example.ru/api/', 'https://erp.example.ru/api/'],
    ['  https://erp.example.ru  ', 'https://erp.example.ru'],
    ['HTTPS://ERP.EXAMPLE.RU:8443/', 'HTTPS://ERP.EXAMPLE.RU:8443/'],
    ['http://localhost:8787/', 'http://localhost:8787/'],
    ['http://127.0.0.1:8791', 'http://127.0.0.1:8791'],
    ['https://эрп.пример.рф/api/', 'https://эрп.пример.рф/api/'],
  ])('takes %j as the address %j', (typed, baseUrl) => {
    expect(validateErpAddress(typed)).toEqual({ ok: true, baseUrl });
  });

  it.each([
    ['', 'addressEmpty', undefined],
    ['   ', 'addressEmpty', undefined],
    ['erp.example.ru', 'addressNoScheme', undefined],
    // The URL parser would read "erp.example.ru:" as a scheme and take this for a valid URL.
    ['erp.example.ru:8443/api', 'addressNoScheme', undefined],
    ['//erp.example.ru/', 'addressNoScheme', undefined],
    ['https:/erp.example.ru', 'addressNoScheme', undefined],
    ['ftp://erp.example.ru/', 'addressScheme', { scheme: 'ftp://' }],
    ['ws://localhost:8787', 'addressScheme', { scheme: 'ws://' }],
    ['http://erp.example.ru/', 'addressHttpRemote', { host: 'erp.example.ru' }],
    ['http://localhost.evil.example/', 'addressHttpRemote', { host: 'localhost.evil.example' }],
    ['http://192.168.1.10:8080/', 'addressHttpRemote', { host: '192.168.1.10:8080' }],
    ['https://ivan:secret@erp.example.ru/', 'addressCredentials', undefined],
    ['https://token@erp.example.ru/', 'addressCredentials', undefined],
    ['http://localhost@evil.example/', 'addressCredentials', undefined],
    ['https://erp.example.ru/my api/', 'addressSpaces', undefined],
    ['https://erp.example.ru\\api', 'addressSpaces', undefined],
    ['https://erp.exa mple.ru', 'addressSpaces', undefined],
    ['https://', 'addressInvalid', undefined],
    ['https://erp.example.ru:99999/', 'addressInvalid', undefined],
    ['https://[::1/', 'addressInvalid', undefined],
    [`https://erp.example.ru/${'a'.repeat(2048)}`, 'addressTooLong', undefined],
  ])('refuses %j: %s', (typed, code, values) => {
    expect(validateErpAddress(typed)).toEqual({
      ok: false,
      error: values === undefined ? { code } : { code, values },
    });
  });

  it('agrees with the host’s rule on every input: what the form takes, the host takes', () => {
    const corpus = fc.constantFrom(
      'http://127.0.0.1.evil.example',
      'http://[::ffff:127.0.0.1]',
      'http://0x7f.1:4010',
      'http://2130706433:4010',
      'http://evil.example#@127.0.0.1',
      'http://evil.example?@localhost',
      'javascript:alert(1)//http://localhost',
      'HTTP://LOCALHOST:4010',
      'http://localhost.',
      'https://erp.example.ru',
    );
    const text = fc.oneof(corpus, fc.webUrl({ withQueryParameters: true }), fc.string());
    fc.assert(
      fc.property(text, fc.constantFrom('', ' ', '\n'), (typed, pad) => {
        const input = `${pad}${typed}${pad}`;
        expect(validateErpAddress(input).ok).toBe(isAcceptableErpUrl(input.trim()));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the token field', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['  pk_live.Zx9-S3cr3t  ', 'pk_live.Zx9-S3cr3t'],
    ['eyJhbGciOiJIUzI1NiJ9.e30.sig+/=', 'eyJhbGciOiJIUzI1NiJ9.e30.sig+/='],
  ])('takes %j as %j', (typed, token) => {
    expect(validateErpToken(typed)).toEqual({ ok: true, token });
  });

  it.each([
    ['abc def', 'tokenSpaces'],
    ['abc\ndef', 'tokenSpaces'],
    ['abc\tdef', 'tokenSpaces'],
    // Typed with the Russian layout on: "ещлут" is "token" one keyboard row over.
    ['ещлут123', 'tokenNotAscii'],
    ['«pk_live»', 'tokenNotAscii'],
    ['pk\u00a0live', 'tokenSpaces'],
    ['pk\u200blive', 'tokenNotAscii'],
    ['x'.repeat(8193), 'tokenTooLong'],
  ])('refuses %j: %s', (typed, code) => {
    expect(validateErpToken(typed)).toEqual({ ok: false, error: { code } });
  });
});

describe('saving the ERP form', () => {
  const STORED_FOR = 'https://erp.example.ru';

  it('sends the address and the typed token', () => {
    expect(
      parseErpForm({
        address: 'https://erp.example.ru/api/',
        token: 'tok-123456',
        storedTokenOrigin: null,
      }),
    ).toEqual({ ok: true, baseUrl: 'https://erp.example.ru/api/', token: 'tok-123456' });
  });

  it('keeps the stored token when the field is left blank for the address it was saved for', () => {
    expect(
      parseErpForm({
        address: 'https://erp.example.ru/v2/',
        token: '',
        storedTokenOrigin: STORED_FOR,
      }),
    ).toEqual({ ok: true, baseUrl: 'https://erp.example.ru/v2/', token: null });
  });

  it.each([
    ['no token stored', null, 'https://erp.example.ru/'],
    ['a token of another origin', STORED_FOR, 'https://erp2.example.ru/'],
    ['a token of another port', STORED_FOR, 'https://erp.example.ru:8443/'],
  ])('asks for a token when %s: the host would send none', (_label, stored, address) => {
    expect(parseErpForm({ address, token: '', storedTokenOrigin: stored })).toEqual({
      ok: false,
      errors: { token: { code: 'tokenEmpty' } },
    });
  });

  it('names both fields when both are wrong', () => {
    expect(
      parseErpForm({ address: 'erp.example.ru', token: 'a b', storedTokenOrigin: null }),
    ).toEqual({
      ok: false,
      errors: { address: { code: 'addressNoScheme' }, token: { code: 'tokenSpaces' } },
    });
  });
});
