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
    arrayBuffer: async () => new TextEncoder().encode(body).buffer,
  };
}

function setup(
  options: { baseUrl?: string | null; token?: string | null; fetch?: FetchPort } = {},
) {
  const fetch = vi.fn<FetchPort>(options.fetch ?? (async () => answer(200, '{"ok":true}')));
  const baseUrl =
    options.baseUrl === undefined ? 'https://erp.digit.example/api/' : options.baseUrl;
  const gateway = createErpGateway({
    fetch,
    endpoint: async () =>
      baseUrl === null
        ? null
        : { baseUrl, token: options.token === undefined ? 'tok' : options.token },
    now: () => Date.parse('2026-11-25T10:00:00Z'),
  });
  return { fetch, gateway };
}

const push = {
  protocolVersion: 1,
  deviceId: '0193e3a0-0000-7000-8000-000000000001',
  commands: [],
};

describe('ERP gateway', () => {
  it('asks for changes at the contract path with the cursor and the bearer token', async () => {
    const { fetch, gateway } = setup();
    const result = await gateway.changes({ cursor: 'a b&c', limit: 100 });
    expect(result).toEqual({
      ok: true,
      value: { status: 200, body: { ok: true }, retryAfterSeconds: null },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://erp.digit.example/api/sync/v1/changes?limit=100&cursor=a+b%26c');
    expect(init.method).toBe('GET');
    expect(init.headers['Authorization']).toBe('Bearer tok');
    expect(init.redirect).toBe('error');
    expect(init.body).toBeUndefined();
  });

  it('starts the changes from the beginning without a cursor', async () => {
    const { fetch, gateway } = setup();
    await gateway.changes({ cursor: null, limit: 500 });
    expect(fetch.mock.calls[0]![0]).toBe('https://erp.digit.example/api/sync/v1/changes?limit=500');
  });

  it('posts a push as JSON', async () => {
    const { fetch, gateway } = setup();
    await gateway.push(push);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://erp.digit.example/api/sync/v1/push');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(JSON.stringify(push));
    expect(init.headers['Content-Type']).toBe('application/json');
  });

  it('asks the session without a body', async () => {
    const { fetch, gateway } = setup();
    await gateway.session();
    const [url, init] = fetch.mock.calls[0]!;
    expect([url, init.method, init.body]).toEqual([
      'https://erp.digit.example/api/sync/v1/session',
      'GET',
      undefined,
    ]);
  });

  it('returns HTTP errors as answers, with Retry-After', async () => {
    const { gateway } = setup({ fetch: async () => answer(429, '', { 'retry-after': '30' }) });
    expect(await gateway.session()).toEqual({
      ok: true,
      value: { status: 429, body: null, retryAfterSeconds: 30 },
    });
  });

  it.each([
    [new TypeError('getaddrinfo ENOTFOUND erp.digit.example'), 'erp_unreachable'],
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'erp_tls'],
    [new DOMException('signal timed out', 'TimeoutError'), 'erp_timeout'],
  ])('reports a request without an answer as an error value: %s → %s', async (error, code) => {
    const { gateway } = setup({
      fetch: async () => {
        throw error;
      },
    });
    expect(await gateway.session()).toMatchObject({ ok: false, error: { code } });
  });

  it('does nothing without an ERP', async () => {
    const { fetch, gateway } = setup({ baseUrl: null });
    expect(await gateway.changes({ cursor: null, limit: 1 })).toMatchObject({
      ok: false,
      error: { code: 'erp_not_configured' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never sends the token to a non-TLS remote address', async () => {
    const { fetch, gateway } = setup({ baseUrl: 'http://erp.digit.example' });
    expect((await gateway.session()).ok).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('omits Authorization when no token belongs to the address', async () => {
    const { fetch, gateway } = setup({ token: null });
    await gateway.session();
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

describe('ERP gateway: blobs', () => {
  const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const status = '{"sha256":"x","size":5,"parts":1,"received":[0],"complete":true}';

  it('sends a part as raw bytes to the blob path, its numbers in the query', async () => {
    const { fetch, gateway } = setup({ fetch: async () => answer(200, status) });
    // The part arrives as a view into a larger buffer (as IPC may hand it over).
    const buffer = new Uint8Array([9, 1, 2, 3, 4, 5, 9]);
    const result = await gateway.putBlobPart({
      sha256: SHA,
      part: 0,
      parts: 1,
      size: 5,
      bytes: buffer.subarray(1, 6),
    });
    expect(result).toMatchObject({ ok: true, value: { status: 200 } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`https://erp.digit.example/api/sync/v1/blobs/${SHA}?part=0&parts=1&size=5`);
    expect(init.method).toBe('PUT');
    expect(init.headers['Content-Type']).toBe('application/octet-stream');
    expect(init.headers['Authorization']).toBe('Bearer tok');
    expect([...(init.body as Uint8Array)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('asks which parts arrived at …/parts', async () => {
    const { fetch, gateway } = setup({
      fetch: async () => answer(404, '{"error":{"code":"blob_unknown","message":"none"}}'),
    });
    const result = await gateway.blobParts(SHA);
    expect(result).toMatchObject({
      ok: true,
      value: { status: 404, body: { error: { code: 'blob_unknown' } } },
    });
    expect(fetch.mock.calls[0]![0]).toBe(
      `https://erp.digit.example/api/sync/v1/blobs/${SHA}/parts`,
    );
  });

  it('downloads a range as bytes, with the Content-Range the ERP answered', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { fetch, gateway } = setup({
      fetch: async () => ({
        status: 206,
        headers: { get: (name: string) => (name === 'content-range' ? 'bytes 10-12/100' : null) },
        text: async () => {
          throw new Error('a blob is never read as text');
        },
        arrayBuffer: async () => bytes.buffer,
      }),
    });
    const result = await gateway.getBlob({ sha256: SHA, start: 10, end: 12 });
    expect(result).toEqual({
      ok: true,
      value: { status: 206, bytes, contentRange: 'bytes 10-12/100', body: null },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`https://erp.digit.example/api/sync/v1/blobs/${SHA}`);
    expect(init.method).toBe('GET');
    expect(init.headers['Range']).toBe('bytes=10-12');
  });

  it('answers an error of a download as JSON, with the token scrubbed', async () => {
    const { gateway } = setup({
      fetch: async () =>
        answer(404, '{"error":{"code":"blob_unknown","message":"Bearer tok-secret-123"}}'),
      token: 'tok-secret-123',
    });
    const result = await gateway.getBlob({ sha256: SHA });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 404, bytes: null, contentRange: null },
    });
    expect(JSON.stringify(result)).not.toContain('tok-secret-123');
  });
});
