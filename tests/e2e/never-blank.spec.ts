import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import type { HostBridge } from '@shared/host/contract';

// The window never goes blank and never runs the wrong host, in the built app: a malformed link, a
// page that cannot draw its data, a shell that cannot render (the fault injected into the served
// bundle), and Electron's own page started without its preload bridge.

const WEB_PAGE = readFileSync(new URL('../../out/renderer/web.html', import.meta.url), 'utf8');

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * A ticket row this computer cannot draw, as a damaged database would hold it: the page's query
 * fails on it. Written past the app with plain IndexedDB, under an id no ERP knows, so nothing
 * syncs it away and no other page reads it.
 */
async function storeUndrawableTicket(page: Page, id: string): Promise<void> {
  await page.evaluate(
    (ticketId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('prokontakt-desk');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const db = open.result;
          const write = db.transaction('tickets', 'readwrite');
          write.objectStore('tickets').put({
            id: ticketId,
            server: null,
            serverVersion: 0,
            deleted: 0,
            view: { id: ticketId, organizationId: 'no-such-organization' },
            pending: 0,
            failing: null,
            seenEpoch: 0,
          });
          write.oncomplete = () => {
            db.close();
            resolve();
          };
          write.onerror = () => reject(write.error ?? new Error('the ticket was not written'));
        };
      }),
    id,
  );
}

test.describe('the window never goes blank', () => {
  test('a ticket link with a malformed escape opens the app on "ticket not found"', async ({
    page,
  }) => {
    const problems = collectProblems(page);
    await page.goto('/#/ticket/%E0');

    await expect(page.getByRole('banner')).toContainText('PROконтакт');
    await expect(page.getByTestId('ticket-not-found')).toBeVisible();
    await expect(page.getByTestId('host-kind')).toContainText('Браузерный режим');
    expect(problems).toEqual([]);
  });

  test('a page that cannot draw its data fails in place; the shell and other pages work on', async ({
    page,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Очередь заявок');
    const ticketId = `e2e-undrawable-${randomUUID()}`;
    await storeUndrawableTicket(page, ticketId);

    await page.goto(`/#/ticket/${ticketId}`);
    const failure = page.getByTestId('failure-page');
    await expect(failure).toContainText('Эту страницу не удалось показать');
    await expect(failure).toContainText("Cannot read properties of null (reading 'map')");
    // The shell is untouched: header, its language switch, the status bar.
    await expect(page.getByRole('banner')).toContainText('PROконтакт');
    await expect(page.getByTestId('host-kind')).toContainText('Браузерный режим');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(failure).toContainText('This page could not be shown');
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await page.screenshot({ path: testInfo.outputPath('page-failure-ru.png') });

    await failure.getByRole('button', { name: 'Скопировать диагностику' }).click();
    await expect(failure.getByRole('status')).toHaveText(
      'Диагностика скопирована: вставьте её в письмо в службу поддержки.',
    );
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^PROконтакт Support Desk: a page failed to render\n/);
    expect(report).toContain('Host: browser');
    expect(report).toContain(`Route: #/ticket/${ticketId}`);
    expect(report).toContain("Cannot read properties of null (reading 'map')");
    expect(report).toMatch(/Components:\n {2}at TicketPage/);

    // Reload gives the same verdict: the data, not a passing glitch, is at fault.
    await page.evaluate(() => Object.assign(window, { beforeReload: true }));
    await Promise.all([
      page.waitForEvent('load'),
      failure.getByRole('button', { name: 'Перезагрузить окно' }).click(),
    ]);
    expect(await page.evaluate(() => 'beforeReload' in window)).toBe(false);
    await expect(failure).toContainText('Эту страницу не удалось показать');

    // Another route gives the page area a fresh try; the failure is in the host's log.
    await page.getByRole('link', { name: 'Диагностика' }).click();
    await expect(page.getByTestId('diagnostics-log-lines')).toContainText(
      "page:render a page failed to render: TypeError: Cannot read properties of null (reading 'map')",
    );
    await page.goto(`/#/ticket/${ticketId}`);
    await failure.getByRole('link', { name: 'К очереди заявок' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Очередь заявок');
  });

  test("a shell that cannot render fills the window with a message in the user's language", async ({
    page,
  }) => {
    // The fault is injected on the wire: the served bundle's status bar throws as it renders.
    const marker = 'function StatusBar({ hostKind, info, children }) {';
    let patched = 0;
    await page.route('**/assets/*.js', async (route) => {
      const response = await route.fetch();
      const code = await response.text();
      if (!code.includes(marker)) return route.fulfill({ response });
      patched += 1;
      const broken = `${marker} throw new Error('the status bar cannot render');`;
      return route.fulfill({ response, body: code.replace(marker, broken) });
    });

    await page.goto('/');
    const failure = page.getByTestId('failure-window');
    await expect(failure).toContainText('Окно приложения не удалось показать');
    await expect(failure).toContainText('Error: the status bar cannot render');
    await expect(failure.getByRole('button', { name: 'Перезагрузить окно' })).toBeVisible();
    await expect(failure.getByRole('button', { name: 'Скопировать диагностику' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    expect(patched, 'the StatusBar marker was not found in the served bundle').toBe(1);
    const log = await page.evaluate(async () => {
      const host = (window as unknown as { prokontakt: HostBridge }).prokontakt;
      const answer = await host.request('diagnostics:host');
      return answer.ok ? answer.value.log.lines.join('\n') : '';
    });
    expect(log).toContain('page:render the window failed to render: Error: the status bar');

    await page.evaluate(() => localStorage.setItem('prokontakt.locale', 'en'));
    await page.reload();
    await expect(failure).toContainText('The app window could not be shown');
    await expect(failure.getByRole('button', { name: 'Copy diagnostics' })).toBeVisible();
  });
});

test.describe('one host per page, chosen at build time', () => {
  test('dev:web serves the browser entry for / and client routes, exposed read-only', async ({
    page,
    request,
  }) => {
    for (const path of ['/', '/queue', '/ticket/42']) {
      expect(await (await request.get(path)).text(), path).toBe(WEB_PAGE);
    }
    await page.goto('/');
    await expect(page.getByTestId('host-kind')).toContainText('Браузерный режим');
    const exposed = await page.evaluate(() => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'prokontakt');
      const host = (window as unknown as { prokontakt: HostBridge }).prokontakt;
      return {
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        frozen: Object.isFrozen(host),
      };
    });
    expect(exposed).toEqual({ writable: false, configurable: false, frozen: true });
  });

  test("Electron's page without its preload bridge says so and starts no host", async ({
    page,
  }, testInfo) => {
    await page.goto('/index.html');
    const screen = page.getByTestId('failure-static');
    await expect(screen).toContainText('Приложение запущено без связи с системой');
    await expect(screen).toContainText('The app started without its link to the system');
    await expect(screen.getByRole('button', { name: /Перезагрузить окно/ })).toBeVisible();
    expect(await page.evaluate(() => 'prokontakt' in window)).toBe(false);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('bridge-missing.png') });
  });
});
