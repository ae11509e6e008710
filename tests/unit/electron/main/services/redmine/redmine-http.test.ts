import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import type { FetchPort } from '../../../../../../electron/main/services/erp-gateway';
import { createRedmineHttp } from '../../../../../../electron/main/services/redmine/redmine-http';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => body,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer,
  };
}

function setup(fetchImpl: FetchPort, baseUrl = 'https://redmine.example.ru/sub/') {
  const fetch = vi.fn<FetchPort>(fetchImpl);
  const http = createRedmineHttp({
    fetch,
    endpoint: { baseUrl, apiKey: KEY, mapping: DEFAULT_REDMINE_MAPPING },
    now: () => Date.parse('2026-12-07T10:00:00Z'),
  });
  return { fetch, http };
}

describe('Redmine HTTP client', () => {
  it('sends the API key in its header, under the configured path, never following a redirect', async () => {
    const { fetch, http } = setup(async () =>
      answer(200, '{"issues":[]}', { date: 'Mon, 07 Dec 2026 10:00:03 GMT' }),
    );
    const result = await http.get('/issues.json', { status_id: '*', limit: '100' });
    expect(result).toEqual({
      ok: true,
      value: {
        status: 200,
        body: { issues: [] },
        // The Date header is Redmine's clock, to the second.
        serverDate: '2026-12-07T10:00:03.000Z',
        retryAfterSeconds: null,
      },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://redmine.example.ru/sub/issues.json?status_id=*&limit=100');
    expect(init.headers['X-Redmine-API-Key']).toBe(KEY);
    expect(init.headers['Authorization']).toBeUndefined();
    expect(init.redirect).toBe('error');
  });

  it('sends a planned write as JSON exactly as planned', async () => {
    const { fetch, http } = setup(async () => answer(204, ''));
    const body = { issue: { notes: 'Принято', lock_version: 3 } };
    const result = await http.write({ method: 'PUT', path: '/issues/12.json', body });
    expect(result.ok && result.value.status).toBe(204);
    const [url, init] = fetch.mock.calls[0]!;
    expect([url, init.method, init.body, init.headers['Content-Type']]).toEqual([
      'https://redmine.example.ru/sub/issues/12.json',
      'PUT',
      JSON.stringify(body),
      'application/json',
    ]);
  });

  it('scrubs the key from what Redmine sends back (/users/current.json returns it)', async () => {
    const { http } = setup(async () =>
      answer(200, JSON.stringify({ user: { id: 5, login: 'engineer', api_key: KEY } })),
    );
    const result = await http.get('/users/current.json');
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.ok && result.value.body).toEqual({
      user: { id: 5, login: 'engineer', api_key: '[redacted]' },
    });
  });

  it('keeps the key out of a network failure that quotes the request', async () => {
    const { http } = setup(async () => {
      throw new TypeError(`fetch failed: X-Redmine-API-Key: ${KEY}`, {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    });
    const result = await http.get('/issues.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('erp_unreachable');
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('refuses an address the settings would not accept, sending nothing', async () => {
    const { fetch, http } = setup(async () => answer(200, '{}'), 'http://redmine.example.ru/');
    const result = await http.get('/issues.json');
    expect(!result.ok && result.error.code).toBe('erp_not_configured');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes Retry-After on and leaves a missing Date as null', async () => {
    const { http } = setup(async () => answer(503, 'busy', { 'retry-after': '7' }));
    const result = await http.get('/issues.json');
    expect(result.ok && result.value).toEqual({
      status: 503,
      body: 'busy',
      serverDate: null,
      retryAfterSeconds: 7,
    });
  });
});
