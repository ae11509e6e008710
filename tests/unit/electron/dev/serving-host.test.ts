import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createServingHost, type ServedErp } from '../../../../electron/dev/serving-host/index';

/*
 * The browser host's "main": the serving process answers the page's ERP channels with main's own
 * gateway. It must be no more of a proxy than main is: fixed paths and methods, the token only
 * for the ERP's origin, bad input refused before anything is sent.
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup(options: { demo?: boolean; answer?: 'json' | 'never' } = {}) {
  const seen: Seen[] = [];
  const erpUrl = await listen(
    createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        if (options.answer === 'never') return;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":1}');
      });
    }),
  );
  const erp: ServedErp = {
    url: new URL(`${erpUrl}/api`),
    demo: options.demo ?? false,
    demoToken: options.demo ? 'demo-token-0123' : null,
  };
  const host = createServingHost({
    erp,
    now: () => new Date('2027-01-12T09:30:00.000Z'),
    timeoutMs: 500,
  });
  const base = await listen(createServer((req, res) => host.handle(req, res)));
  const call = async (method: string, path: string, body?: unknown, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { seen, call, erpOrigin: erpUrl };
}

const push = {
  protocolVersion: 1,
  deviceId: '0193e3a0-0000-7000-8000-000000000001',
  commands: [],
};

describe('the serving host’s ERP endpoints', () => {
  it('send exactly contract 2 to the ERP, with the token set for its origin', async () => {
    const { seen, call, erpOrigin } = await setup();
    expect(await call('PUT', '/host/erp-token', { token: 'user-token-0123' })).toEqual({
      status: 200,
      body: { present: true, origin: erpOrigin, savedAt: '2027-01-12T09:30:00.000Z' },
    });
    const ok = { ok: true, value: { status: 200, body: { ok: 1 }, retryAfterSeconds: null } };
    expect(await call('GET', '/host/erp/session')).toEqual({ status: 200, body: ok });
    expect(await call('POST', '/host/erp/push', push)).toEqual({ status: 200, body: ok });
    expect(await call('POST', '/host/erp/changes', { cursor: 'c 1', limit: 10 })).toEqual({
      status: 200,
      body: ok,
    });
    expect(seen.map(({ method, url, headers }) => [method, url, headers.authorization])).toEqual([
      ['GET', '/api/sync/v1/session', 'Bearer user-token-0123'],
      ['POST', '/api/sync/v1/push', 'Bearer user-token-0123'],
      ['GET', '/api/sync/v1/changes?limit=10&cursor=c+1', 'Bearer user-token-0123'],
    ]);
    expect(seen[1]!.body).toBe(JSON.stringify(push));
  });

  it('forward nothing else, whatever path or method the page asks for', async () => {
    const { seen, call } = await setup();
    await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    const refused = [
      await call('GET', '/host/erp/admin/users'),
      await call('DELETE', '/host/erp/push'),
      await call('GET', '/host/erp/changes'),
      await call('POST', '/host/erp/session', {}),
      await call('GET', '/host/erp/..%2Fadmin'),
    ];
    expect(refused.map(({ status }) => status)).toEqual([404, 405, 405, 405, 404]);
    expect(seen).toEqual([]);
  });

  it('answer bad input as main does (invalid_input, nothing sent)', async () => {
    const { seen, call } = await setup();
    const answers = [
      await call('POST', '/host/erp/push', { ...push, path: '/admin' }),
      await call('POST', '/host/erp/changes', { cursor: null, limit: 5_000 }),
      await call('POST', '/host/erp/push', '{"protocolVersion":1,"__proto__":{"x":1}}'),
      await call('POST', '/host/erp/push', '{"cut":'),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 200,
        body: { ok: false, error: { code: 'invalid_input' } },
      });
    }
    expect(seen).toEqual([]);
  });

  it('give the same failure code as main: a silent ERP is a timeout', async () => {
    const { call } = await setup({ answer: 'never' });
    expect(await call('GET', '/host/erp/session')).toEqual({
      status: 200,
      body: {
        ok: false,
        error: { code: 'erp_timeout', message: 'The ERP did not answer within 1 s' },
      },
    });
  });

  it('refuse a page of another site', async () => {
    const { seen, call } = await setup();
    const answer = await call('POST', '/host/erp/push', push, { Origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(seen).toEqual([]);
  });
});

describe('the serving host with the demo ERP', () => {
  it('uses the demo’s own token and refuses to store one of the user’s', async () => {
    const { seen, call } = await setup({ demo: true });
    const put = await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    expect(put.status).toBe(409);
    expect(put.body).toEqual({ error: expect.stringMatching(/no ERP address is configured/) });
    await call('GET', '/host/erp/session');
    expect(seen.map(({ headers }) => headers.authorization)).toEqual(['Bearer demo-token-0123']);
    expect(await call('GET', '/host/erp-token')).toEqual({
      status: 200,
      body: { present: false, origin: null, savedAt: null },
    });
  });
});
