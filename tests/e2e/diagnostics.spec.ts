import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import type { HostBridge } from '@shared/host/contract';
import type { HostResult } from '@shared/host/result';
import type { ErpResponse, ErpTokenStatus } from '@shared/host/schemas';
import type * as ServingHost from '../../electron/dev/serving-host/index';
import { createTicketInErp } from './support/erp';
import { startFakeErp } from './support/fake-erp';
import { dumpPageStorage } from './support/page-storage';
import { startServeWeb } from './support/serve-web';

// The diagnostics page (§4: primary diagnostics attached to a request) and where the ERP token
// lives in the browser host: in the serving process's memory, never in the page.

/**
 * The serving host as serve-web.mjs loads it: main's ERP gateway, built by `npm run build` (the
 * sources import JSON the way the bundler does, which Node alone does not take).
 */
async function loadServingHost(): Promise<typeof ServingHost> {
  return import(new URL('../../out/main/serving-host.js', import.meta.url).href);
}

const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** The host API as page code sees it (the browser host stands in for the preload bridge). */
async function hostRequest(page: Page, channel: string, input?: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, value]) =>
      (window as unknown as { prokontakt: HostBridge }).prokontakt.request(
        name as 'app:info',
        value as undefined,
      ),
    [channel, input] as const,
  );
}

/** What the host answers for the token's status (the token itself is never in it). */
const tokenStatus = (origin: string | null) =>
  origin === null
    ? { present: false, origin: null, savedAt: null }
    : { present: true, origin, savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) };

test.describe('diagnostics', () => {
  test('exports offline one file with versions, sync counts and log lines, and no token', async ({
    page,
    request,
  }, testInfo) => {
    const token = `e2e-${randomUUID()}`;
    const title = 'ДИАГНОСТИКА-E2E не сохраняется карточка';
    const ticket = await createTicketInErp(request, {
      organizationId: 'org-msk-stolitsa',
      priority: 2,
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
      title,
    });
    await page.goto(`/#/ticket/${ticket.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
      timeout: 20_000,
    });
    // The demo ERP takes no token (a token is bound to a configured ERP's origin): the host
    // refuses it, and the refusal goes to its log, which the report carries, without the token.
    expect(await hostRequest(page, 'secrets:set-erp-token', { token })).toMatchObject({
      ok: false,
      error: { code: 'erp_not_configured', message: expect.stringMatching(/demo ERP/) },
    });

    // Offline as the ticket spec does it: the OS says so, and the page's ERP traffic (the served
    // host's /host/erp/* endpoints) is cut off.
    await page.context().setOffline(true);
    await page.route('**/host/erp/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await expect(page.getByTestId('ticket-pending')).toHaveText('Не отправлено в ERP: 1');

    await page.getByRole('banner').getByRole('link', { name: 'Диагностика' }).click();
    await expect(page).toHaveURL(/#\/diagnostics$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Диагностика');
    await expect(page.getByTestId('erp-reachability')).toHaveText('ERP недоступна');
    // The failed session check is in the host's log now; ask the host again to see it.
    await page.getByRole('button', { name: 'Обновить' }).click();
    await expect(page.getByTestId('diagnostics-log-lines')).toContainText('erp_unreachable');
    await expect(page.getByTestId('app-version')).toHaveText(APP_VERSION);
    await expect(page.getByTestId('sync-pending-count')).toHaveText(/^1 · старейшее/);
    await expect(page.getByTestId('diagnostics-log')).toContainText('файла журнала нет');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Сохранить отчёт' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^prokontakt-diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/,
    );
    await expect(page.getByTestId('diagnostics-saved')).toContainText(file.suggestedFilename());
    const text = await readFile(await file.path(), 'utf8');
    expect(text).not.toContain(token);
    const report = JSON.parse(text);
    expect(report).toMatchObject({
      format: 'prokontakt-diagnostics/1',
      language: 'ru',
      app: { version: APP_VERSION, host: 'browser' },
      versions: { electron: null, chrome: expect.stringMatching(/^\d+\./) },
      erp: { kind: 'demo', tokenPresent: false, reachability: { state: 'unreachable' } },
      sync: {
        pending: { count: 1 },
        deadLetters: { count: expect.any(Number) },
        cursor: { value: expect.any(String), ageMs: expect.any(Number) },
        clockOffset: { offsetMs: expect.any(Number) },
      },
      queue: { open: expect.any(Number) },
      log: { source: 'memory' },
      unavailable: [],
    });
    expect(Date.parse(report.exportedAt)).not.toBeNaN();
    expect(report.erp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.queue.open).toBeGreaterThan(0);
    expect(report.log.lines.some((line: string) => line.includes('erp_unreachable'))).toBe(true);
    expect(report.log.lines.some((line: string) => line.includes('token was not stored'))).toBe(
      true,
    );

    // Tall enough for the log's first lines (the page scrolls inside the window, not the body).
    await page.setViewportSize({ width: 1280, height: 1000 });
    const shot = testInfo.outputPath('diagnostics-ru.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('diagnostics-ru', { path: shot, contentType: 'image/png' });

    await page.unroute('**/host/erp/**');
    await page.context().setOffline(false);
  });

  test('an ERP token set through the host API is in no page storage and no host answer', async ({
    page,
  }) => {
    // The demo server takes no token, so a second serving process talks to a stand-in ERP.
    const erp = await startFakeErp();
    const web = await startServeWeb(['--erp', erp.url]);
    const tokenOnServer = async () => (await fetch(`${web.url}/host/erp-token`)).json();
    try {
      const token = `e2e-${randomUUID()}`;
      await page.goto(`${web.url}/`);
      await expect(page.getByTestId('sync-last')).toBeVisible({ timeout: 20_000 });

      const set = await hostRequest(page, 'secrets:set-erp-token', { token });
      expect(set).toEqual({ ok: true, value: tokenStatus(erp.origin) });
      expect(await hostRequest(page, 'secrets:erp-token-status')).toEqual(set);
      // The serving process holds it (it plays main's part for the browser host).
      expect(await tokenOnServer()).toEqual(tokenStatus(erp.origin));

      // Exercise the paths that might keep it: a sync, the diagnostics page, every host answer.
      await page.getByRole('button', { name: 'Синхронизировать' }).click();
      await expect(page.getByTestId('sync-last')).not.toHaveText(/идёт…|ещё не выполнялась/, {
        timeout: 20_000,
      });
      // The sync reached the ERP with the token: the serving process added it.
      const changes = erp.seen.filter((seen) => seen.url.startsWith('/api/sync/v1/changes'));
      expect(changes.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
      await page.goto(`${web.url}/#/diagnostics`);
      await expect(page.getByTestId('erp-reachability')).toHaveText('ERP отвечает', {
        timeout: 20_000,
      });
      const answers = await Promise.all(
        ['app:info', 'settings:get', 'secrets:erp-token-status', 'diagnostics:host'].map(
          (channel) => hostRequest(page, channel),
        ),
      );
      expect(JSON.stringify(answers)).not.toContain(token);
      expect(answers[3]).toMatchObject({
        ok: true,
        value: { erp: { kind: 'configured', url: erp.url, tokenPresent: true } },
      });

      const dump = await dumpPageStorage(page);
      expect(dump.indexedDbRecords).toBeGreaterThan(0); // the dump did read the database
      expect(dump.text).toContain('prokontakt-desk');
      expect(dump.text).toContain('org-fake-erp'); // what the sync pulled was stored
      expect(dump.text).not.toContain(token);

      expect(await hostRequest(page, 'secrets:set-erp-token', { token: null })).toEqual({
        ok: true,
        value: tokenStatus(null),
      });
      expect(await tokenOnServer()).toEqual(tokenStatus(null));
    } finally {
      await web.stop();
      await erp.close();
    }
  });
});

test.describe('the serving process as the browser host’s main', () => {
  test('sends the token set through /host/erp-token, and only it, to the configured ERP', async () => {
    const erp = await startFakeErp();
    // Credentials in the address are refused, as the app's settings refuse them.
    await expect(startServeWeb(['--erp', erp.url.replace('//', '//user:pw@')])).rejects.toThrow(
      /--erp .*credentials/,
    );
    const web = await startServeWeb(['--erp', erp.url]);
    const call = (method: string, path: string, init: RequestInit = {}) =>
      fetch(`${web.url}${path}`, { method, ...init });
    const send = (method: string, path: string, body: unknown, headers = {}) =>
      call(method, path, {
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    const putToken = (body: string, type = 'application/json') =>
      call('PUT', '/host/erp-token', { body, headers: { 'Content-Type': type } });
    /** An ERP endpoint's answer: HTTP 200 whenever the host answered, the result inside. */
    const result = async (response: Response) => {
      expect(response.status).toBe(200);
      return (await response.json()) as HostResult<ErpResponse>;
    };
    const last = () => erp.seen.at(-1)!;
    // What a page could add of its own: none of it may reach the ERP.
    const forged = { Authorization: 'Bearer forged', Cookie: 'session=forged' };
    try {
      expect(await (await call('GET', '/host/erp')).json()).toEqual({
        mode: 'configured',
        kind: 'prokontakt',
        baseUrl: erp.url,
        redmineMapping: DEFAULT_REDMINE_MAPPING,
        url: erp.url,
        tokenPresent: false,
      });
      expect(await (await call('GET', '/host/erp-token')).json()).toEqual(tokenStatus(null));

      // No token yet: the ERP gets none, not even the page's, and says so (an answer, not an error).
      expect(await result(await call('GET', '/host/erp/session', { headers: forged }))).toEqual({
        ok: true,
        value: { status: 401, body: { error: expect.anything() }, retryAfterSeconds: null },
      });
      expect(last()).toMatchObject({ method: 'GET', url: '/api/sync/v1/session' });
      expect(last().headers.authorization).toBeUndefined();
      expect(last().headers.cookie).toBeUndefined();

      const token = `e2e-${randomUUID()}`;
      const before = Date.now();
      const put = await putToken(JSON.stringify({ token: `  ${token} ` }));
      const saved = (await put.json()) as ErpTokenStatus;
      expect(saved).toEqual(tokenStatus(erp.origin));
      expect(Date.parse(saved.savedAt!)).toBeGreaterThanOrEqual(before - 1_000);
      expect(Date.parse(saved.savedAt!)).toBeLessThanOrEqual(Date.now() + 1_000);
      expect(await (await call('GET', '/host/erp-token')).json()).toEqual(saved);
      expect(await (await call('GET', '/host/erp')).json()).toMatchObject({ tokenPresent: true });

      // Each endpoint: the ERP's path under the configured prefix, with this process's token.
      const session = await result(await call('GET', '/host/erp/session', { headers: forged }));
      expect(session).toEqual({
        ok: true,
        value: {
          status: 200,
          body: {
            user: { id: 'fake-engineer', name: expect.any(String) },
            serverTime: expect.any(String),
            protocolVersion: 1,
          },
          retryAfterSeconds: null,
        },
      });
      expect(last()).toMatchObject({ method: 'GET', url: '/api/sync/v1/session' });
      expect(last().headers.authorization).toBe(`Bearer ${token}`);
      expect(last().headers.cookie).toBeUndefined();

      const push = { protocolVersion: 1, deviceId: randomUUID(), commands: [] };
      expect(await result(await send('POST', '/host/erp/push', push, forged))).toMatchObject({
        ok: true,
        value: { status: 200, body: { lastSeq: 0, results: [] } },
      });
      expect(last()).toMatchObject({ method: 'POST', url: '/api/sync/v1/push' });
      expect(JSON.parse(last().body)).toEqual(push);
      expect(last().headers.authorization).toBe(`Bearer ${token}`);
      expect(last().headers.cookie).toBeUndefined();

      const query = { cursor: 'fake-cursor-1', limit: 250 };
      expect(await result(await send('POST', '/host/erp/changes', query, forged))).toMatchObject({
        ok: true,
        value: { status: 200, body: { nextCursor: 'fake-cursor-1', hasMore: false } },
      });
      expect(last()).toMatchObject({
        method: 'GET',
        url: '/api/sync/v1/changes?limit=250&cursor=fake-cursor-1',
      });
      expect(last().headers.authorization).toBe(`Bearer ${token}`);

      // Nothing else reaches the ERP: no /erp/* proxy any more (an extension-less GET is a
      // client-side route and gets the app's page), no other path under /host/erp/, no other
      // method, no input the channel's schema refuses, no other origin.
      const seenBefore = erp.seen.length;
      const appPage = await call('GET', '/erp/anything', { headers: forged });
      expect(appPage.status).toBe(200);
      expect(appPage.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await appPage.text()).not.toContain('fake-engineer');
      expect((await send('POST', '/erp/sync/v1/push', push)).status).toBe(405);
      const refusedErp: Array<[Response, number, RegExp]> = [
        [await call('GET', '/host/erp/anything-else'), 404, /no such host endpoint/],
        [await call('GET', '/host/erp/session/extra'), 404, /no such host endpoint/],
        [await call('GET', '/host/erp/health'), 404, /no such host endpoint/],
        [await call('GET', '/host/erp/changes'), 405, /only POST/],
        [await call('POST', '/host/erp/session'), 405, /only GET/],
        [await send('PUT', '/host/erp/push', push), 405, /only POST/],
        [
          await call('POST', '/host/erp/push', { body: JSON.stringify(push) }),
          415,
          /application\/json/,
        ],
        [
          await call('GET', '/host/erp/session', { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
          403,
          /another origin/,
        ],
        [
          await send('POST', '/host/erp/push', push, { Origin: 'https://evil.example' }),
          403,
          /another origin/,
        ],
      ];
      for (const [response, status, message] of refusedErp) {
        expect(response.status, response.url).toBe(status);
        expect(((await response.json()) as { error: string }).error).toMatch(message);
      }
      const invalid = [
        await send('POST', '/host/erp/changes', { cursor: null, limit: 5_000 }),
        await send('POST', '/host/erp/changes', { cursor: null, limit: 10, path: '/admin' }),
        await call('POST', '/host/erp/push', {
          body: `${JSON.stringify(push).slice(0, -1)},"__proto__":{"polluted":1}}`,
          headers: { 'Content-Type': 'application/json' },
        }),
        await call('POST', '/host/erp/push', {
          body: '{"protocolVersion":',
          headers: { 'Content-Type': 'application/json' },
        }),
      ];
      for (const response of invalid) {
        expect(await result(response)).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
      }
      expect(erp.seen.length).toBe(seenBefore);

      const refusals: Array<[Response, number, RegExp]> = [
        [await putToken(JSON.stringify({ token }), 'text/plain'), 415, /application\/json/],
        [await putToken('{"token":'), 400, /not valid JSON/],
        [await putToken('{"token":"a b"}'), 400, /^token: .*printable ASCII/],
        [await putToken('{"token":"токен"}'), 400, /^token: .*printable ASCII/],
        [await putToken('{"token":5}'), 400, /^token: /],
        [await putToken('{"token":"x","__proto__":{"polluted":1}}'), 400, /__proto__/],
        [await putToken(JSON.stringify({ token: 'x'.repeat(20_000) })), 413, /bytes/],
        [await call('POST', '/host/erp-token'), 405, /only GET, PUT and DELETE/],
        [
          await call('PUT', '/host/erp-token', {
            body: JSON.stringify({ token: 'evil' }),
            headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
          }),
          403,
          /another origin/,
        ],
      ];
      for (const [response, status, message] of refusals) {
        expect(response.status).toBe(status);
        expect(((await response.json()) as { error: string }).error).toMatch(message);
      }
      // None of them replaced or cleared the token.
      expect(await (await call('GET', '/host/erp-token')).json()).toEqual(saved);
      await call('GET', '/host/erp/session');
      expect(last().headers.authorization).toBe(`Bearer ${token}`);

      expect(await (await call('DELETE', '/host/erp-token')).json()).toEqual(tokenStatus(null));
      expect(await result(await call('GET', '/host/erp/session'))).toMatchObject({
        ok: true,
        value: { status: 401 },
      });
      expect(last().headers.authorization).toBeUndefined();
    } finally {
      await web.stop();
      await erp.close();
    }
  });

  test('answers erp_timeout for an ERP that never answers', async () => {
    // serve-web.mjs waits 30 s for the ERP and has no flag to change that, so this runs the same
    // serving host it loads (main's ERP gateway) in this process, with a one-second limit.
    const { createServingHost } = await loadServingHost();
    const erp = await startFakeErp('silent');
    const problems: string[] = [];
    const host = createServingHost({
      erp: { url: new URL(erp.url), demo: false, demoToken: null },
      timeoutMs: 1_000,
      onProblem: (line) => problems.push(line),
    });
    const server = createServer((request, response) => host.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const response = await fetch(`${base}/host/erp/session`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'erp_timeout', message: 'The ERP did not answer within 1 s' },
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(erp.seen.map((seen) => seen.url)).toEqual(['/api/sync/v1/session']);
      expect(problems).toEqual([expect.stringMatching(/^session: erp_timeout: /)]);

      const changes = await fetch(`${base}/host/erp/changes`, {
        method: 'POST',
        body: JSON.stringify({ cursor: null, limit: 10 }),
        headers: { 'Content-Type': 'application/json' },
      });
      expect(await changes.json()).toMatchObject({ ok: false, error: { code: 'erp_timeout' } });
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await erp.close();
    }
  });
});
