import { describe, expect, it, vi } from 'vitest';
import {
  createErpGateway,
  parseRetryAfter,
  type FetchPort,
} from '../../../../../electron/main/services/erp-gateway';

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => body,
  };
}

function setup(
  options: { baseUrl?: string | null; token?: string | null; fetch?: FetchPort } = {},
) {
  const fetch = vi.fn<FetchPort>(options.fetch ?? (async () => answer(200, '{"ok":true}')));
  const gateway = createErpGateway({
    fetch,
    baseUrl: () =>
      options.baseUrl === undefined ? 'https://erp.digit.example/api/' : options.baseUrl,
    token: async () => (options.token === undefined ? 'tok' : options.token),
    now: () => Date.parse('2026-11-25T10:00:00Z'),
  });
  return { fetch, gateway };
}

describe('ERP gateway', () => {
  it('joins the path to the base, adds the query and the bearer token', async () => {
    const { fetch, gateway } = setup();
    const result = await gateway.request({
      method: 'GET',
      path: '/sync/v1/changes',
      query: { cursor: 'a b&c', limit: '100' },
    });
    expect(result).toEqual({
      ok: true,
      value: { status: 200, body: { ok: true }, retryAfterSeconds: null },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://erp.digit.example/api/sync/v1/changes?cursor=a+b%26c&limit=100');
    expect(init.headers['Authorization']).toBe('Bearer tok');
    expect(init.redirect).toBe('error');
    expect(init.body).toBeUndefined();
  });

  it('sends a JSON body', async () => {
    const { fetch, gateway } = setup();
    await gateway.request({ method: 'POST', path: '/sync/v1/push', body: { commands: [] } });
    const [, init] = fetch.mock.calls[0]!;
    expect(init.body).toBe('{"commands":[]}');
    expect(init.headers['Content-Type']).toBe('application/json');
  });

  it('returns HTTP errors as answers, with Retry-After', async () => {
    const { gateway } = setup({ fetch: async () => answer(429, '', { 'retry-after': '30' }) });
    expect(await gateway.request({ method: 'GET', path: '/x' })).toEqual({
      ok: true,
      value: { status: 429, body: null, retryAfterSeconds: 30 },
    });
  });

  it('reports an unreachable ERP as an error value', async () => {
    const { gateway } = setup({
      fetch: async () => {
        throw new TypeError('getaddrinfo ENOTFOUND erp.digit.example');
      },
    });
    expect(await gateway.request({ method: 'GET', path: '/x' })).toMatchObject({
      ok: false,
      error: { code: 'erp_unreachable' },
    });
  });

  it('does nothing without a configured ERP', async () => {
    const { fetch, gateway } = setup({ baseUrl: null });
    expect(await gateway.request({ method: 'GET', path: '/x' })).toMatchObject({
      ok: false,
      error: { code: 'erp_not_configured' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never sends the token to a non-TLS remote address', async () => {
    const { fetch, gateway } = setup({ baseUrl: 'http://erp.digit.example' });
    expect((await gateway.request({ method: 'GET', path: '/x' })).ok).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('omits Authorization when no token is stored', async () => {
    const { fetch, gateway } = setup({ token: null });
    await gateway.request({ method: 'GET', path: '/x' });
    expect(fetch.mock.calls[0]![1].headers['Authorization']).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  it.each([
    [null, null],
    ['120', 120],
    [' 5 ', 5],
    ['Wed, 25 Nov 2026 10:01:00 GMT', 60],
    ['Wed, 25 Nov 2026 09:00:00 GMT', 0],
    ['soon', null],
  ])('%j → %j', (header, expected) => expect(parseRetryAfter(header, now)).toBe(expected));
});
