import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../../../shared/host/contract';
import type { FetchPort } from '../../../../../electron/main/services/erp-gateway';
import { APP_PAGE, ERP_URL, LOG_PATH, answer, setupHost, validInputs } from './host-fixture';

// Printable ASCII whose base64, base64url and percent-encoded spellings all differ.
const TOKEN = 'pk_live.Zx9-S3cr3t_T0ken+/=~Q7eyJhbGciOiJIUzI1NiJ9';
const bytes = Buffer.from(TOKEN, 'utf8');
const SPELLINGS = [
  TOKEN,
  bytes.toString('base64'),
  bytes.toString('base64url'),
  encodeURIComponent(TOKEN),
];
// The same token behind a JSON escape: "\u0070k_live…" parses back to the token itself.
const ESCAPED = `\\u0070${TOKEN.slice(1).replaceAll('/', '\\/')}`;

/** How the ERP, a proxy or the network stack could hand the token back. */
const scenarios: ReadonlyArray<readonly [string, FetchPort]> = [
  ['a plain JSON answer', async () => answer(200, '{"changes":[],"cursor":"c1"}')],
  [
    'a network error quoting the request headers',
    async (url, init) => {
      throw new TypeError(`fetch ${url} failed; headers: ${JSON.stringify(init.headers)}`);
    },
  ],
  [
    'a proxy error with the credentials base64-encoded',
    async () => {
      throw new Error(`407 from proxy for Basic ${bytes.toString('base64')}`);
    },
  ],
  [
    'an error naming a URL with the token as a query',
    async () => {
      throw new Error(`redirect to https://sso.example/?token=${encodeURIComponent(TOKEN)}`);
    },
  ],
  [
    'a 401 echoing the Authorization header',
    async (_url, init) =>
      answer(401, JSON.stringify({ error: 'bad token', got: init.headers['Authorization'] })),
  ],
  ['a 502 HTML page with the header in it', async () => answer(502, `<pre>Bearer ${TOKEN}</pre>`)],
  ['a 500 echo behind a JSON escape', async () => answer(500, `{"echo":"${ESCAPED}"}`)],
  ['the token as a JSON key', async () => answer(400, `{"${TOKEN}":"unexpected"}`)],
  [
    'a 503 with base64url in the body',
    async () => answer(503, `{"c":"${bytes.toString('base64url')}"}`),
  ],
  [
    'a body that fails while being read',
    async () => ({
      ...answer(200, ''),
      text: async () =>
        Promise.reject(new Error(`stream reset after Authorization: Bearer ${TOKEN}`)),
    }),
  ],
];

afterEach(() => vi.restoreAllMocks());

function isContent(result: unknown): boolean {
  const value = (result as { ok: boolean; value?: { bytes: unknown } }).value;
  return value?.bytes instanceof Uint8Array;
}

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    inner instanceof Error ? `${inner.name}: ${inner.message} ${inner.stack ?? ''}` : inner,
  );
  return SPELLINGS.filter((spelling) => text.includes(spelling));
}

describe('the ERP token never reaches the renderer', () => {
  it.each(scenarios)('through any channel, with %s', async (_label, fetch) => {
    const consoleCalls = ['log', 'info', 'warn', 'error', 'debug'].map((method) =>
      vi.spyOn(console, method as 'log').mockImplementation(() => undefined),
    );
    const host = await setupHost({ fetch });
    const stored = await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    expect(stored).toMatchObject({ ok: true, value: { present: true } });

    const results: unknown[] = [];
    const erpAnswers: Array<{ channel: string; result: unknown }> = [];
    for (const channel of REQUEST_CHANNELS) {
      if (channel === 'secrets:set-erp-token') continue;
      const result = await host.route(channel, APP_PAGE, validInputs[channel]);
      results.push(result);
      if (channel.startsWith('erp:')) erpAnswers.push({ channel, result });
    }
    // Refused senders and bad input are answered too; their answers must not leak either.
    results.push(await host.route('erp:push', { ...APP_PAGE, isMainFrame: false }, {}));
    results.push(await host.route('erp:changes', APP_PAGE, { cursor: null, limit: 1, token: 1 }));

    // The control: the token really was sent to the ERP, so there was something to leak.
    const [url, init] = host.services.fetch.mock.calls[0]!;
    expect(url.startsWith(ERP_URL)).toBe(true);
    expect(init.headers['Authorization']).toBe(`Bearer ${TOKEN}`);

    expect(leaks(results)).toEqual([]);
    expect(leaks(host.logs)).toEqual([]);
    expect(leaks(consoleCalls.flatMap((spy) => spy.mock.calls))).toEqual([]);
    await host.log.flush();
    expect(leaks(new TextDecoder().decode(host.store.get(LOG_PATH) ?? new Uint8Array()))).toEqual(
      [],
    );
    // What the ERP echoed is still visible, minus the token, whichever channel asked.
    expect(erpAnswers).toHaveLength(7);
    if (/echo|Authorization|HTML|key|base64url/i.test(_label)) {
      for (const { channel, result } of erpAnswers) {
        // A downloaded file's bytes are the file, handed over as they are (never parsed as text).
        if (channel === 'erp:blob-get' && isContent(result)) continue;
        expect(JSON.stringify(result)).toContain('[redacted]');
      }
    }
  });

  it('keeps ordinary answers intact when they contain no token', async () => {
    const body = '{"text":"C:\\\\Users\\\\engineer","note":"pk_live is not the token"}';
    const host = await setupHost({ fetch: async () => answer(200, body) });
    await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    expect(await host.route('erp:changes', APP_PAGE, validInputs['erp:changes'])).toEqual({
      ok: true,
      value: { status: 200, body: JSON.parse(body), retryAfterSeconds: null },
    });
  });
});

describe('a re-pointed ERP address never takes the token along', () => {
  const ERP_CHANNELS = ['erp:session', 'erp:push', 'erp:changes'] as const;

  async function callEveryErpChannel(host: Awaited<ReturnType<typeof setupHost>>) {
    for (const channel of ERP_CHANNELS) await host.route(channel, APP_PAGE, validInputs[channel]);
  }

  // The attack as a compromised page would run it: two calls, re-point the ERP, then ask.
  it.each([
    'https://evil.example/',
    'https://erp.digit.example.evil.example/api/',
    'https://erp.digit.example:8443/api/',
    'http://127.0.0.1:9/',
    'https://evil.example/?next=https://erp.digit.example/api/',
  ])('to %s: what is sent carries no token, and the token is gone', async (elsewhere) => {
    const host = await setupHost({ fetch: async () => answer(200, '{}') });
    await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    expect(
      await host.route('settings:set', APP_PAGE, { erp: { baseUrl: elsewhere } }),
    ).toMatchObject({
      ok: true,
    });
    await callEveryErpChannel(host);
    const sent = host.services.fetch.mock.calls;
    expect(sent).toHaveLength(ERP_CHANNELS.length);
    for (const [url, init] of sent) {
      expect(new URL(url).origin).toBe(new URL(elsewhere).origin);
      expect(init.headers).not.toHaveProperty('Authorization');
      expect(leaks(init)).toEqual([]);
    }
    expect(await host.route('secrets:erp-token-status', APP_PAGE, undefined)).toEqual({
      ok: true,
      value: { present: false, origin: null, savedAt: null },
    });

    // Pointing back does not bring it back: the user enters it again for the real ERP.
    await host.route('settings:set', APP_PAGE, { erp: { baseUrl: ERP_URL } });
    await callEveryErpChannel(host);
    for (const [, init] of sent.slice(ERP_CHANNELS.length)) {
      expect(init.headers).not.toHaveProperty('Authorization');
    }
  });

  it('keeps the token when only the path under the same origin changes', async () => {
    const host = await setupHost({ fetch: async () => answer(200, '{}') });
    await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    const moved = `${new URL(ERP_URL).origin}/v2/`;
    await host.route('settings:set', APP_PAGE, { erp: { baseUrl: moved } });
    await host.route('erp:session', APP_PAGE, undefined);
    const [url, init] = host.services.fetch.mock.calls[0]!;
    expect(url).toBe(`${new URL(ERP_URL).origin}/v2/sync/v1/session`);
    expect(init.headers['Authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('drops the token when the kind changes: a contract-2 token is not a Redmine key', async () => {
    const host = await setupHost({ fetch: async () => answer(200, '{}') });
    await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    await host.route('settings:set', APP_PAGE, { erp: { kind: 'redmine' } });
    await host.route('erp:session', APP_PAGE, undefined);
    const [url, init] = host.services.fetch.mock.calls[0]!;
    // The same address, now asked as Redmine, and without the contract-2 token in any header.
    expect(url).toBe(`${ERP_URL.replace(/\/$/, '')}/users/current.json`);
    expect(leaks(init)).toEqual([]);
    expect(init.headers).not.toHaveProperty('X-Redmine-API-Key');
    expect(await host.route('secrets:erp-token-status', APP_PAGE, undefined)).toMatchObject({
      value: { present: false },
    });
  });

  it('binds a token to the address configured when it is entered', async () => {
    const host = await setupHost({ fetch: async () => answer(200, '{}') });
    await host.route('settings:set', APP_PAGE, { erp: { baseUrl: null } });
    expect(await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN })).toMatchObject({
      ok: false,
      error: { code: 'erp_not_configured' },
    });
    await host.route('settings:set', APP_PAGE, { erp: { baseUrl: ERP_URL } });
    expect(await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN })).toEqual({
      ok: true,
      value: {
        present: true,
        origin: new URL(ERP_URL).origin,
        savedAt: '2026-11-25T10:00:00.000Z',
      },
    });
  });
});
