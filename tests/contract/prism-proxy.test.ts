import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrismProxy } from '../fixtures/prism-proxy';

// The contract run is only as good as its detector. A stand-in server breaks the document in
// both ways Prism knows (a body the schema refuses, a status the document does not list) and
// keeps to it once: the two breaches must be counted and fail the proxy's close, the good answer
// must pass untouched.

let server: Server;
let upstream: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/health') {
      return send(200, { ok: true, serverTime: 'yesterday', protocolVersion: 1 });
    }
    if (req.url === '/sync/v1/session')
      return send(418, { error: { code: 'teapot', message: '' } });
    send(200, { changes: [], nextCursor: 'c1', hasMore: false });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Prism proxy of the contract run', () => {
  it('passes a good answer, counts a refused body and an undocumented status, fails on close', async () => {
    const prism = await startPrismProxy(upstream);
    const good = await fetch(`${prism.url}/sync/v1/changes?limit=5`);
    expect(good.status).toBe(200);
    expect(good.headers.get('sl-violations')).toBeNull();
    expect(await good.json()).toEqual({ changes: [], nextCursor: 'c1', hasMore: false });
    expect(prism.violations()).toEqual([]);

    // Error level: Prism answers 500 itself.
    const health = await fetch(`${prism.url}/health`);
    expect(health.status).toBe(500);
    expect(health.headers.get('sl-violations')).toMatch(/serverTime/);
    // Warning level: the answer passes, marked.
    const session = await fetch(`${prism.url}/sync/v1/session`);
    expect(session.status).toBe(418);
    expect(session.headers.get('sl-violations')).toMatch(/status code/);

    await expect(prism.close()).rejects.toThrow(
      /2 answer\(s\) of .* broke docs\/erp-openapi\.json/,
    );
  });
});
