import { describe, expect, it } from 'vitest';
import type { ErpRequest } from '../../../../shared/host/schemas';
import { fail, ok } from '../../../../shared/host/result';
import { createHostHttpPort } from '../../../../shared/sync/host-http-port';

describe('the HTTP port over the host API', () => {
  it('forwards the request and hands HTTP answers through, errors included', async () => {
    const seen: ErpRequest[] = [];
    const port = createHostHttpPort(async (request) => {
      seen.push(request);
      return ok({
        status: 429,
        body: { error: { code: 'slow', message: 'wait' } },
        retryAfterSeconds: 5,
      });
    });
    const answer = await port({
      method: 'POST',
      path: '/sync/v1/push',
      body: { a: 1 },
      timeoutMs: 300_000,
    });
    expect(answer).toEqual({
      ok: true,
      status: 429,
      body: { error: { code: 'slow', message: 'wait' } },
      retryAfterSeconds: 5,
    });
    expect(seen).toEqual([
      { method: 'POST', path: '/sync/v1/push', body: { a: 1 }, timeoutMs: 120_000 },
    ]);
  });

  it.each([
    ['erp_not_configured', 'No ERP address is configured', 'not_configured'],
    ['erp_unreachable', 'The ERP did not answer within 30 s', 'timeout'],
    ['erp_unreachable', 'The ERP could not be reached: ECONNREFUSED', 'network'],
    ['internal', 'boom', 'network'],
  ] as const)('%s (%s) → %s', async (code, message, kind) => {
    const port = createHostHttpPort(async () => fail(code, message));
    expect(await port({ method: 'GET', path: '/sync/v1/changes', timeoutMs: 5_000 })).toEqual({
      ok: false,
      kind,
      message,
    });
  });
});

describe('a request the host itself refuses', () => {
  // Retrying a body the host's schema refuses (e.g. over its 8 MiB bound) can never succeed: it
  // must look like the ERP's 413 so push halves the batch instead of retrying it forever.
  it('answers a refused push body as 413, naming why', async () => {
    const port = createHostHttpPort(async () =>
      fail('invalid_input', 'erp:request: body: too big'),
    );
    const answer = await port({ method: 'POST', path: '/sync/v1/push', body: {}, timeoutMs: 1 });
    expect(answer).toEqual({
      ok: true,
      status: 413,
      body: { error: { code: 'invalid_input', message: 'erp:request: body: too big' } },
      retryAfterSeconds: null,
    });
  });

  it('keeps a refused request without a body a failure', async () => {
    const port = createHostHttpPort(async () => fail('invalid_input', 'erp:request: path'));
    const answer = await port({ method: 'GET', path: '/x', timeoutMs: 1 });
    expect(answer).toMatchObject({ ok: false, kind: 'network' });
  });
});
