import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { HostBridge } from '@shared/host/contract';
import { createTicketInErp } from './support/erp';
import { dumpPageStorage } from './support/page-storage';
import { startServeWeb } from './support/serve-web';

// The diagnostics page (§4: primary diagnostics attached to a request) and where the ERP token
// lives in the browser host: in the serving process's memory, never in the page.

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

async function setToken(page: Page, token: string | null) {
  expect(await hostRequest(page, 'secrets:set-erp-token', { token })).toEqual({
    ok: true,
    value: { present: token !== null },
  });
}

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
    await setToken(page, token);

    // Offline as the ticket spec does it: the OS says so, and /erp/* is cut off.
    await page.context().setOffline(true);
    await page.route('**/erp/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await expect(page.getByTestId('ticket-pending')).toHaveText('Не отправлено в ERP: 1');

    await page.getByRole('banner').getByRole('link', { name: 'Диагностика' }).click();
    await expect(page).toHaveURL(/#\/diagnostics$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Диагностика');
    await expect(page.getByTestId('erp-reachability')).toHaveText('ERP недоступна');
    // The failed health check is in the host's log now; ask the host again to see it.
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
    const text = await readFile((await file.path())!, 'utf8');
    expect(text).not.toContain(token);
    const report = JSON.parse(text);
    expect(report).toMatchObject({
      format: 'prokontakt-diagnostics/1',
      language: 'ru',
      app: { version: APP_VERSION, host: 'browser' },
      versions: { electron: null, chrome: expect.stringMatching(/^\d+\./) },
      erp: { kind: 'demo', tokenPresent: true, reachability: { state: 'unreachable' } },
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

    // Tall enough for the log's first lines (the page scrolls inside the window, not the body).
    await page.setViewportSize({ width: 1280, height: 1000 });
    const shot = testInfo.outputPath('diagnostics-ru.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('diagnostics-ru', { path: shot, contentType: 'image/png' });

    await page.unroute('**/erp/**');
    await page.context().setOffline(false);
    await setToken(page, null);
  });

  test('an ERP token set through the host API is in no page storage and no host answer', async ({
    page,
    request,
  }) => {
    const token = `e2e-${randomUUID()}`;
    await page.goto('/');
    await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 20_000 });

    await setToken(page, token);
    expect(await hostRequest(page, 'secrets:erp-token-status')).toEqual({
      ok: true,
      value: { present: true },
    });
    // The serving process holds it (it plays main's part for the browser host).
    expect(await (await request.get('/host/erp-token')).json()).toEqual({ present: true });

    // Exercise the paths that might keep it: a sync, the diagnostics page, every host answer.
    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect(page.getByTestId('sync-last')).not.toHaveText('идёт…');
    await page.goto('/#/diagnostics');
    await expect(page.getByTestId('erp-reachability')).toHaveText('ERP отвечает');
    const answers = await Promise.all(
      ['app:info', 'settings:get', 'secrets:erp-token-status', 'diagnostics:host'].map((channel) =>
        hostRequest(page, channel),
      ),
    );
    expect(JSON.stringify(answers)).not.toContain(token);
    expect(answers[3]).toMatchObject({ ok: true, value: { erp: { tokenPresent: true } } });

    const dump = await dumpPageStorage(page);
    expect(dump.indexedDbRecords).toBeGreaterThan(0); // the dump did read the database
    expect(dump.text).toContain('prokontakt-desk');
    expect(dump.text).not.toContain(token);

    await setToken(page, null);
    expect(await (await request.get('/host/erp-token')).json()).toEqual({ present: false });
  });
});

test.describe('the serving process as the browser host’s main', () => {
  test('adds the token set through /host/erp-token to what it forwards to a configured ERP', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const paths: string[] = [];
    const erp = createServer((req, res) => {
      seen.push(req.headers);
      paths.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
    const erpUrl = `http://127.0.0.1:${(erp.address() as AddressInfo).port}/api`;
    // Credentials in the address are refused, as the app's settings refuse them.
    await expect(startServeWeb(['--erp', erpUrl.replace('//', '//user:pw@')])).rejects.toThrow(
      /--erp .*credentials/,
    );
    const web = await startServeWeb(['--erp', erpUrl]);
    const call = (method: string, path: string, init: RequestInit = {}) =>
      fetch(`${web.url}${path}`, { method, ...init });
    const putToken = (body: string, type = 'application/json') =>
      call('PUT', '/host/erp-token', { body, headers: { 'Content-Type': type } });
    try {
      expect(await (await call('GET', '/host/erp')).json()).toEqual({
        kind: 'configured',
        url: erpUrl,
        tokenPresent: false,
      });
      // The page's own credentials never pass: only this process authenticates.
      await call('GET', '/erp/health', { headers: { Authorization: 'Bearer forged' } });
      expect(seen.at(-1)?.authorization).toBeUndefined();

      const token = `e2e-${randomUUID()}`;
      const put = await putToken(JSON.stringify({ token: `  ${token} ` }));
      expect(await put.json()).toEqual({ present: true });
      await call('GET', '/erp/health');
      expect(seen.at(-1)?.authorization).toBe(`Bearer ${token}`);
      expect(paths.at(-1)).toBe('/api/health');

      const refusals: Array<[Response, number, RegExp]> = [
        [await putToken(JSON.stringify({ token }), 'text/plain'), 415, /application\/json/],
        [await putToken('{"token":'), 400, /not valid JSON/],
        [await putToken('{"token":"a b"}'), 400, /^token: .*printable ASCII/],
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
      await call('GET', '/erp/health');
      expect(seen.at(-1)?.authorization).toBe(`Bearer ${token}`);

      expect(await (await call('DELETE', '/host/erp-token')).json()).toEqual({ present: false });
      await call('GET', '/erp/health');
      expect(seen.at(-1)?.authorization).toBeUndefined();
    } finally {
      await web.stop();
      await new Promise((resolve) => erp.close(resolve));
    }
  });
});
