import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_LINK_HOSTS,
  externalUrlToOpen,
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

describe('EXTERNAL_LINK_HOSTS', () => {
  it('is the regulation registration system only, and cannot be changed at run time', () => {
    expect(EXTERNAL_LINK_HOSTS).toEqual(['erp.smart-consulting.ru']);
    expect(Object.isFrozen(EXTERNAL_LINK_HOSTS)).toBe(true);
  });
});

describe('externalUrlToOpen', () => {
  const hosts = [...EXTERNAL_LINK_HOSTS, 'erp.digit.example:8443'];

  it.each([
    ['https://erp.smart-consulting.ru', 'https://erp.smart-consulting.ru/'],
    [
      'https://erp.smart-consulting.ru/tickets/42?x=1#top',
      'https://erp.smart-consulting.ru/tickets/42?x=1#top',
    ],
    ['HTTPS://ERP.Smart-Consulting.RU/a', 'https://erp.smart-consulting.ru/a'],
    ['https://erp.digit.example:8443/tickets/7', 'https://erp.digit.example:8443/tickets/7'],
    ['mailto:support_info@smart-consulting.ru', 'mailto:support_info@smart-consulting.ru'],
    [
      'MAILTO:support_info@smart-consulting.ru?subject=%D0%97%D0%B0%D1%8F%D0%B2%D0%BA%D0%B0&body=x',
      'mailto:support_info@smart-consulting.ru?subject=%D0%97%D0%B0%D1%8F%D0%B2%D0%BA%D0%B0&body=x',
    ],
  ])('opens %s outside the app, as %s', (raw, opened) => {
    expect(externalUrlToOpen(raw, hosts)).toBe(opened);
  });

  it.each([
    ['an unknown https host', 'https://digit.example/support'],
    ['plain http to a known host', 'http://erp.smart-consulting.ru/'],
    ['userinfo hiding the real host', 'https://erp.smart-consulting.ru@evil.example/'],
    ['userinfo with a password', 'https://erp.smart-consulting.ru:443@evil.example/'],
    ['credentials on a known host', 'https://user:secret@erp.smart-consulting.ru/'],
    ['a suffix making another host', 'https://erp.smart-consulting.ru.evil.example/'],
    ['a prefix making another host', 'https://evil-erp.smart-consulting.ru/'],
    ['a subdomain of a known host', 'https://x.erp.smart-consulting.ru/'],
    ['a backslash before the host', 'https://evil.example\\@erp.smart-consulting.ru/'],
    ['a backslash after the host', 'https://erp.smart-consulting.ru\\@evil.example/'],
    ['a backslash as scheme slashes', 'https:\\\\erp.smart-consulting.ru/'],
    ['a Cyrillic look-alike letter', 'https://erp.smart-cоnsulting.ru/'],
    ['the punycode of a look-alike', 'https://erp.xn--smart-cnsulting-8mj.ru/'],
    ['a fullwidth dot', 'https://erp.smart-consulting\uff0eru/'],
    ['percent-encoded dots in the host', 'https://erp%2esmart-consulting%2eru/'],
    ['a percent-encoded suffix', 'https://erp.smart-consulting.ru%2eevil.example/'],
    ['a trailing dot', 'https://erp.smart-consulting.ru./'],
    ['an explicit default port', 'https://erp.smart-consulting.ru:443/'],
    ['another port of a known host', 'https://erp.smart-consulting.ru:8443/'],
    ['the ERP host without its port', 'https://erp.digit.example/'],
    ['the ERP host on another port', 'https://erp.digit.example:9443/'],
    ['a leading space', ' https://erp.smart-consulting.ru/'],
    ['a tab inside the host', 'https://erp.smart-\tconsulting.ru/'],
    ['a newline', 'https://erp.smart-consulting.ru/\nx'],
    ['scheme-relative', '//erp.smart-consulting.ru/'],
    ['no slashes after the scheme', 'https:erp.smart-consulting.ru/'],
    ['a known host in the path', 'https://evil.example/erp.smart-consulting.ru'],
    ['a known host in the query', 'https://evil.example/?u=https://erp.smart-consulting.ru'],
    ['an IP address', 'https://93.184.216.34/'],
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)//https://erp.smart-consulting.ru/'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://erp.smart-consulting.ru/5b7c9a1e-0000-4000-8000-000000000000'],
    ['smb:', 'smb://fileserver/share'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'prokontakt://open?ticket=1'],
    ['mailto: without a recipient', 'mailto:'],
    ['mailto: with an attachment', 'mailto:a@b.example?attach=/etc/passwd'],
    ['mailto: with an odd header', 'mailto:a@b.example?x-header=1'],
    ['mailto: with slashes', 'mailto://evil.example/'],
    ['not a URL', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, raw) => {
    expect(externalUrlToOpen(raw, hosts)).toBeNull();
  });

  it('refuses every https link when no host is known', () => {
    expect(externalUrlToOpen('https://erp.smart-consulting.ru/', [])).toBeNull();
  });
});
