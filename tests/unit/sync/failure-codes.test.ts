import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/erp/protocol';
import { createErpSyncTransport } from '../../../shared/sync/erp-transport';
import { describeFailure } from '../../../shared/sync/status';
import { createMainErpPort } from '../../fixtures/sync/main-erp-port';

/*
 * Why a request got no answer, through the chain the app ships (main's dispatcher, ERP handlers
 * and gateway over Node's fetch, then the shared transport), against real sockets: each failure
 * has its own code, so the sync status can say "timeout" or "certificate" rather than guessing
 * from an error message's wording.
 */

// A throwaway self-signed certificate for localhost (tests/fixtures/tls, made with openssl for
// these tests only): no system trusts it, which is the point.
const tls = {
  key: readFileSync(new URL('../../fixtures/tls/self-signed.key', import.meta.url)),
  cert: readFileSync(new URL('../../fixtures/tls/self-signed.crt', import.meta.url)),
};

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function pullFrom(baseUrl: string) {
  const port = createMainErpPort({
    baseUrl: () => baseUrl,
    token: () => 'token-0123456789',
    timeoutMs: 1_000,
  });
  const [raw, pulled] = await Promise.all([
    port.changes({ cursor: null, limit: 10 }),
    createErpSyncTransport(port).pullChanges(null, 10),
  ]);
  if (raw.ok || pulled.ok) throw new Error('expected a failure');
  return {
    code: raw.error.code,
    message: raw.error.message,
    status: describeFailure(pulled.failure).kind,
  };
}

describe('ERP requests that get no answer', () => {
  it('nothing listening: unreachable, shown as offline', async () => {
    const port = await listen(createHttpServer());
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    expect(await pullFrom(`http://127.0.0.1:${port}`)).toMatchObject({
      code: 'erp_unreachable',
      status: 'offline',
    });
  });

  it('an answer that never comes: timeout, not offline', async () => {
    const port = await listen(createHttpServer(() => undefined));
    expect(await pullFrom(`http://127.0.0.1:${port}`)).toEqual({
      code: 'erp_timeout',
      message: 'The ERP did not answer within 1 s',
      status: 'timeout',
    });
  });

  it('a certificate nobody trusts: TLS, naming the certificate problem', async () => {
    const port = await listen(createHttpsServer(tls, (_req, res) => res.end('{}')));
    const failure = await pullFrom(`https://localhost:${port}`);
    expect(failure).toMatchObject({ code: 'erp_tls', status: 'tls' });
    expect(failure.message).toMatch(/certificate/i);
  });

  it('plain HTTP where TLS was expected: TLS', async () => {
    const port = await listen(createHttpServer((_req, res) => res.end('{}')));
    expect(await pullFrom(`https://localhost:${port}`)).toMatchObject({
      code: 'erp_tls',
      status: 'tls',
    });
  });

  it('a redirect (to a login page, say) is not followed: redirected', async () => {
    const seen: string[] = [];
    const port = await listen(
      createHttpServer((req, res) => {
        seen.push(req.url ?? '');
        res.writeHead(302, { Location: 'https://sso.example/login' }).end();
      }),
    );
    expect(await pullFrom(`http://127.0.0.1:${port}`)).toMatchObject({
      code: 'erp_redirected',
      status: 'redirected',
    });
    expect(seen.every((url) => url.startsWith('/sync/v1/changes?'))).toBe(true);
  });
});

describe('what the host sends', () => {
  it('only contract 2: the method and path are the host’s, the body the schema’s', async () => {
    const requests: Array<{ method: string; url: string; auth: string | undefined; body: string }> =
      [];
    const port = await listen(
      createHttpServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          requests.push({
            method: req.method!,
            url: req.url!,
            auth: req.headers.authorization,
            body,
          });
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        });
      }),
    );
    const erp = createMainErpPort({
      baseUrl: () => `http://127.0.0.1:${port}/api/`,
      token: () => 'token-0123456789',
    });
    const push = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: '0193e3a0-0000-7000-8000-000000000001',
      commands: [],
    };
    await erp.push(push);
    await erp.changes({ cursor: 'c/1?x=2&y', limit: 5 });
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/api/sync/v1/push',
        auth: 'Bearer token-0123456789',
        body: JSON.stringify(push),
      },
      {
        method: 'GET',
        url: '/api/sync/v1/changes?limit=5&cursor=c%2F1%3Fx%3D2%26y',
        auth: 'Bearer token-0123456789',
        body: '',
      },
    ]);
  });
});
