import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrismProxy } from '../fixtures/prism-proxy';

// The contract run is only as good as its detector: a server that breaks the document in both
// ways Prism knows (a body the schema refuses, a status the document does not list) must fail it,
// and one that keeps to it must not.

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
    send(200, {
      user: { id: 'u1', name: 'Иванов Сергей' },
      serverTime: '2026-11-24T06:05:00.000Z',
      protocolVersion: 1,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Prism proxy of the contract run', () => {
  it('counts a refused body and an undocumented status, and fails when it closes', async () => {
    const prism = await startPrismProxy(upstream);
    const health = await fetch(`${prism.url}/health`);
    // Error level: Prism answers 500 itself.
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

  it('lets an answer the document allows through untouched, and closes quietly', async () => {
    const prism = await startPrismProxy(`${upstream}/ok`);
    const answer = await fetch(`${prism.url}/sync/v1/session`, {
      headers: { Authorization: 'Bearer t' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('sl-violations')).toBeNull();
    expect(await answer.json()).toMatchObject({ user: { name: 'Иванов Сергей' } });
    expect(prism.violations()).toEqual([]);
    await prism.close();
  });
});
