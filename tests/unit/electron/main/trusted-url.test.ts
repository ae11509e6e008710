import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalUrl,
  isTrustedUrl,
  type TrustedLocations,
} from '../../../../electron/main/trusted-url';

const packaged: TrustedLocations = {
  devServerOrigin: null,
  rendererDirUrl: 'file:///opt/prokontakt/resources/app.asar/out/renderer/',
};
const dev: TrustedLocations = { devServerOrigin: 'http://localhost:5173', rendererDirUrl: null };

describe('isTrustedUrl — packaged build (file://)', () => {
  it.each([
    'file:///opt/prokontakt/resources/app.asar/out/renderer/index.html',
    'file:///opt/prokontakt/resources/app.asar/out/renderer/index.html#/tickets/42',
    'file:///opt/prokontakt/resources/app.asar/out/renderer/assets/index.js?v=1',
  ])('trusts its own page: %s', (url) => {
    expect(isTrustedUrl(url, packaged)).toBe(true);
  });

  it.each([
    [
      'dot segments climbing out',
      'file:///opt/prokontakt/resources/app.asar/out/renderer/../../../../etc/passwd',
    ],
    [
      'encoded dot segments',
      'file:///opt/prokontakt/resources/app.asar/out/renderer/%2e%2e/%2e%2e/secret.html',
    ],
    [
      'encoded slashes',
      'file:///opt/prokontakt/resources/app.asar/out/renderer/..%2f..%2fsecret.html',
    ],
    [
      'encoded backslashes',
      'file:///opt/prokontakt/resources/app.asar/out/renderer/..%5c..%5csecret.html',
    ],
    [
      'a sibling folder sharing the prefix',
      'file:///opt/prokontakt/resources/app.asar/out/renderer-evil/index.html',
    ],
    [
      'the folder name without a slash',
      'file:///opt/prokontakt/resources/app.asar/out/rendererindex.html',
    ],
    [
      'a network share host',
      'file://evil.example/opt/prokontakt/resources/app.asar/out/renderer/index.html',
    ],
    ['another local file', 'file:///tmp/index.html'],
    ['a remote page', 'https://evil.example/index.html'],
    ['the dev server while packaged', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['not a URL', 'index.html'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url, packaged)).toBe(false);
  });
});

describe('isTrustedUrl — dev server', () => {
  it.each([
    'http://localhost:5173/',
    'http://localhost:5173/index.html?x=1#/queue',
    'http://LOCALHOST:5173/queue', // hosts are case-insensitive; the parser normalises
    'http://localhost:5173\\@evil.example/', // a backslash ends the host: this IS localhost
  ])('trusts the dev server: %s', (url) => {
    expect(isTrustedUrl(url, dev)).toBe(true);
  });

  it.each([
    ['a port hiding another host', 'http://localhost:5173.evil.example/'],
    ['a port sharing the prefix', 'http://localhost:51730/'],
    ['a look-alike host', 'http://localhost.evil.example:5173/'],
    ['credentials disguising the host', 'http://localhost:5173@evil.example/'],
    ['credentials on the real host', 'http://user:pass@localhost:5173/'],
    ['the origin in the query', 'http://evil.example/?next=http://localhost:5173/'],
    ['the origin in the fragment', 'http://evil.example/#http://localhost:5173/'],
    ['another port', 'http://localhost:5174/'],
    ['another scheme', 'https://localhost:5173/'],
    ['another loopback spelling', 'http://127.0.0.1:5173/'],
    ['IPv6 loopback', 'http://[::1]:5173/'],
    ['a blob of that origin', 'blob:http://localhost:5173/5b7c9a1e-0000-4000-8000-000000000000'],
    ['a websocket to it', 'ws://localhost:5173/'],
    ['a built file while on the dev server', 'file:///opt/prokontakt/out/renderer/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url, dev)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://digit.example/support',
    'mailto:support@digit.example?subject=%D0%97%D0%B0%D1%8F%D0%B2%D0%BA%D0%B0',
  ])('opens %s outside the app', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://digit.example/', // not over TLS
    'https://user:secret@digit.example/', // credentials hide where the link really goes
    'https://digit.example@evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://fileserver/share',
    'ms-msdt:/id PCWDiagnostic', // custom schemes start other programs
    'mailto:',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
