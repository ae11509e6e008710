import { afterEach, describe, expect, it, vi } from 'vitest';
import { servedErpPort, servedErpSession } from '../../../../renderer/lib/serving-process';

/*
 * The page's side of the browser host's ERP channels: what the serving process answers is main's
 * HostResult, and a serving process the page cannot reach gives the codes main gives for an ERP
 * it cannot reach — so the sync status reads the same in both hosts.
 */

afterEach(() => vi.unstubAllGlobals());

function serving(answer: () => Promise<Response>) {
  const fetch = vi.fn(answer);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the browser host’s ERP channels', () => {
  it('post to the serving process and hand its HostResult through', async () => {
    const value = {
      status: 410,
      body: { error: { code: 'cursor_expired', message: 'old' } },
      retryAfterSeconds: null,
    };
    const fetch = serving(async () => json(200, { ok: true, value }));
    expect(await servedErpPort.changes({ cursor: 'c1', limit: 50 })).toEqual({ ok: true, value });
    const [url, init] = fetch.mock.calls[0]! as unknown as [string, RequestInit];
    expect([url, init.method, init.body]).toEqual([
      '/host/erp/changes',
      'POST',
      '{"cursor":"c1","limit":50}',
    ]);
  });

  it.each([
    [
      'a timeout of the page’s own wait',
      new DOMException('timed out', 'TimeoutError'),
      'erp_timeout',
    ],
    ['a serving process that is gone', new TypeError('Failed to fetch'), 'erp_unreachable'],
  ])('%s → %s', async (_label, error, code) => {
    serving(async () => Promise.reject(error));
    expect(await servedErpSession()).toMatchObject({ ok: false, error: { code } });
  });

  it('passes the serving process’s own failure codes on', async () => {
    serving(async () =>
      json(200, { ok: false, error: { code: 'erp_tls', message: 'certificate has expired' } }),
    );
    expect(await servedErpSession()).toEqual({
      ok: false,
      error: { code: 'erp_tls', message: 'certificate has expired' },
    });
  });

  it.each([
    [
      'a refusal',
      json(403, { error: 'requests from another origin are refused' }),
      /another origin/,
    ],
    ['an answer of the wrong shape', json(200, { ok: true }), /unexpected answer/],
  ])('turns %s into an error value', async (_label, response, message) => {
    serving(async () => response);
    const result = await servedErpPort.push({ protocolVersion: 1, deviceId: 'x', commands: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'erp_unreachable', message } });
  });
});
