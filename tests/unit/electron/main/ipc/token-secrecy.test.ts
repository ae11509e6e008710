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
    expect(stored).toEqual({ ok: true, value: { present: true } });

    const results: unknown[] = [];
    for (const channel of REQUEST_CHANNELS) {
      if (channel === 'secrets:set-erp-token') continue;
      results.push(await host.route(channel, APP_PAGE, validInputs[channel]));
    }
    // Refused senders and bad input are answered too; their answers must not leak either.
    results.push(await host.route('erp:request', { ...APP_PAGE, isMainFrame: false }, {}));
    results.push(
      await host.route('erp:request', APP_PAGE, { method: 'GET', path: '/x', token: 1 }),
    );

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
    // What the ERP echoed is still visible, minus the token.
    const erp = results[REQUEST_CHANNELS.indexOf('erp:request') - 1];
    if (/echo|Authorization|HTML|key|base64url/i.test(_label)) {
      expect(JSON.stringify(erp)).toContain('[redacted]');
    }
  });

  it('keeps ordinary answers intact when they contain no token', async () => {
    const body = '{"text":"C:\\\\Users\\\\engineer","note":"pk_live is not the token"}';
    const host = await setupHost({ fetch: async () => answer(200, body) });
    await host.route('secrets:set-erp-token', APP_PAGE, { token: TOKEN });
    expect(await host.route('erp:request', APP_PAGE, validInputs['erp:request'])).toEqual({
      ok: true,
      value: { status: 200, body: JSON.parse(body), retryAfterSeconds: null },
    });
  });
});
