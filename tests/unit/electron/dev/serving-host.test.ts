import { DEFAULT_REDMINE_MAPPING as MAPPING } from '@shared/erp/redmine/mapping';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createServingHost,
  type ServedErp,
  type ServingHostOptions,
} from '../../../../electron/dev/serving-host/index';

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

async function setup(
  options: {
    demo?: boolean;
    answer?: 'json' | 'never';
  } & Pick<ServingHostOptions, 'firstRun' | 'startDemo'> = {},
) {
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
    ...(options.firstRun === undefined ? {} : { firstRun: options.firstRun }),
    ...(options.startDemo === undefined ? {} : { startDemo: options.startDemo }),
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
  const authorizations = () => seen.map(({ url, headers }) => [url, headers.authorization]);
  return { seen, call, erpOrigin: erpUrl, authorizations };
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

describe('which ERP the page works with (the Settings page’s address, in the serving process)', () => {
  const state = (
    mode: string,
    baseUrl: string | null,
    url: string | null,
    tokenPresent = false,
  ) => ({
    status: 200,
    body: { mode, baseUrl, url, tokenPresent, kind: 'prokontakt', redmineMapping: MAPPING },
  });

  it('has none on a first run: nothing is sent anywhere until the page chooses the demo', async () => {
    const { call, seen, erpOrigin, authorizations } = await setup({ demo: true, firstRun: true });
    expect(await call('GET', '/host/erp')).toEqual(state('unset', null, null));
    expect(await call('GET', '/host/erp/session')).toMatchObject({
      body: { ok: false, error: { code: 'erp_not_configured' } },
    });
    expect(seen).toEqual([]);

    expect(await call('PUT', '/host/erp', { mode: 'demo' })).toEqual(
      state('demo', null, `${erpOrigin}/api`),
    );
    await call('GET', '/host/erp/session');
    expect(authorizations()).toEqual([['/api/sync/v1/session', 'Bearer demo-token-0123']]);
  });

  it('takes an address the page sets, keeping the token on the same origin and dropping it on another', async () => {
    const { call, erpOrigin } = await setup();
    await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    // Another path on the same origin: the token was entered for this server, it stays.
    expect(await call('PUT', '/host/erp', { baseUrl: `${erpOrigin}/v2/` })).toEqual(
      state('configured', `${erpOrigin}/v2/`, `${erpOrigin}/v2/`, true),
    );
    // Another origin: the token must never follow it.
    expect(await call('PUT', '/host/erp', { baseUrl: 'http://localhost:9/' })).toEqual(
      state('configured', 'http://localhost:9/', 'http://localhost:9/'),
    );
    expect(await call('GET', '/host/erp-token')).toEqual({
      status: 200,
      body: { present: false, origin: null, savedAt: null },
    });
  });

  it('sends to Redmine once the kind is Redmine, dropping the contract-2 token on the switch', async () => {
    const { call, seen } = await setup();
    await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    const switched = await call('PUT', '/host/erp', { kind: 'redmine' });
    expect(switched.body).toMatchObject({ kind: 'redmine', tokenPresent: false });
    await call('PUT', '/host/erp-token', { token: 'redmine-key-0123' });
    await call('GET', '/host/erp/session');
    // Redmine's session is who the key belongs to, asked with Redmine's own key header.
    expect(seen.at(-1)?.url).toBe('/api/users/current.json');
    expect(seen.at(-1)?.headers['x-redmine-api-key']).toBe('redmine-key-0123');
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();

    // Back to contract 2: the Redmine key must not go out as a bearer token.
    await call('PUT', '/host/erp', { kind: 'prokontakt' });
    await call('GET', '/host/erp/session');
    expect(seen.at(-1)?.url).toBe('/api/sync/v1/session');
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it.each([
    [{ baseUrl: 'http://erp.example/' }, /https/],
    [{ baseUrl: 'https://ivan:pw@erp.example/' }, /baseUrl/],
    [{ mode: 'demo', baseUrl: 'https://erp.example/' }, /needs an address/],
    [{ mode: 'cloud' }, /mode/],
    [{}, /give mode, baseUrl, kind or redmineMapping/],
    ['{"baseUrl":"https://erp.example/","__proto__":{"x":1}}', /__proto__/],
    ['{"baseUrl":', /not valid JSON/],
  ])('refuses %j with a message naming what is wrong, changing nothing', async (body, why) => {
    const { call, erpOrigin } = await setup();
    await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    const refused = await call('PUT', '/host/erp', body);
    expect(refused.status).toBe(400);
    expect((refused.body as { error: string }).error).toMatch(why);
    expect(await call('GET', '/host/erp')).toEqual(
      state('configured', `${erpOrigin}/api`, `${erpOrigin}/api`, true),
    );
  });

  it('starts the demo ERP only when the page switches to it, once, and keeps it for switching back', async () => {
    const { call, erpOrigin, authorizations } = await setup({
      startDemo: vi.fn(async () => ({
        url: `${erpOrigin}/demo/`,
        token: 'late-demo-token',
        close: async () => undefined,
      })),
    });
    await call('PUT', '/host/erp', { mode: 'demo' });
    await call('GET', '/host/erp/session');
    await call('PUT', '/host/erp', { baseUrl: `${erpOrigin}/api` });
    await call('PUT', '/host/erp', { baseUrl: null });
    await call('GET', '/host/erp/session');
    expect(authorizations()).toEqual([
      ['/demo/sync/v1/session', 'Bearer late-demo-token'],
      ['/demo/sync/v1/session', 'Bearer late-demo-token'],
    ]);
  });
});

describe('the serving host’s connection check', () => {
  it('tries an address and token that are not saved, and saves neither', async () => {
    const { call, erpOrigin, authorizations } = await setup({ demo: true });
    const checked = await call('POST', '/host/erp/check', {
      baseUrl: `${erpOrigin}/other/`,
      token: 'typed-token-0123',
    });
    expect(checked).toEqual({
      status: 200,
      body: { ok: true, value: { status: 200, body: { ok: 1 }, retryAfterSeconds: null } },
    });
    expect(authorizations()).toEqual([['/other/sync/v1/session', 'Bearer typed-token-0123']]);
    expect(await call('GET', '/host/erp')).toMatchObject({ body: { mode: 'demo' } });
  });

  it('sends the stored token only to its own origin', async () => {
    const { call, erpOrigin, authorizations } = await setup();
    await call('PUT', '/host/erp-token', { token: 'user-token-0123' });
    await call('POST', '/host/erp/check', { baseUrl: `${erpOrigin}/v2/`, token: null });
    const elsewhere = await call('POST', '/host/erp/check', {
      baseUrl: 'http://127.0.0.1:9/',
      token: null,
    });
    expect(authorizations()).toEqual([['/v2/sync/v1/session', 'Bearer user-token-0123']]);
    expect(elsewhere.body).toMatchObject({ ok: false, error: { code: 'erp_unreachable' } });
  });

  it('answers a bad check as main does (invalid_input, nothing sent)', async () => {
    const { call, seen } = await setup();
    const answers = [
      await call('POST', '/host/erp/check', { baseUrl: 'http://erp.example/', token: null }),
      await call('POST', '/host/erp/check', { baseUrl: 'https://erp.example/' }),
      await call('POST', '/host/erp/check', { baseUrl: 'https://erp.example/', token: 'a b' }),
      await call('POST', '/host/erp/check', {
        baseUrl: 'https://erp.example/',
        token: null,
        path: '/x',
      }),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 200,
        body: { ok: false, error: { code: 'invalid_input' } },
      });
    }
    expect((await call('GET', '/host/erp/check')).status).toBe(405);
    expect(seen).toEqual([]);
  });
});
