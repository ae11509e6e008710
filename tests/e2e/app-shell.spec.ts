import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';

// Every test watches the console: a CSP violation, a failed request or a React warning shows
// up there first, long before it shows up as a visible bug.
function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

test.describe('app shell', () => {
  test('renders in Russian by default', async ({ page }, testInfo) => {
    const problems = collectConsoleProblems(page);
    await page.goto('/');

    await expect(page).toHaveTitle('PROконтакт · Служба поддержки');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('banner')).toContainText('PROконтакт');
    await expect(page.getByRole('banner')).toContainText('Служба поддержки');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Очередь заявок');
    // The queue opens on «Мои»: once the whole queue is read the count says how many of all.
    await expect(page.getByTestId('queue-count')).toHaveText(/^(\d+ заяв|показано \d+ из \d+$)/);
    // «В сети» once the first exchange reached the ERP («Проверка связи…» until then).
    await expect(page.getByTestId('connection-state')).toHaveText('В сети', { timeout: 30_000 });
    await expect(page.getByTestId('host-kind')).toContainText('Браузерный режим');
    await expect(page.getByRole('button', { name: 'RU', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    const screenshot = testInfo.outputPath('app-shell-ru.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('app-shell-ru', { path: screenshot, contentType: 'image/png' });
    expect(problems).toEqual([]);
  });

  test('switches to English and remembers it across a reload', async ({ page }, testInfo) => {
    const problems = collectConsoleProblems(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Очередь заявок');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ticket queue');
    await expect(page.getByTestId('queue-count')).toHaveText(/^(\d+ tickets?|\d+ of \d+ shown)$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('PROконтакт · Support Desk');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ticket queue');
    await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('connection-state')).toHaveText('Online', { timeout: 30_000 });

    const screenshot = testInfo.outputPath('app-shell-en.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('app-shell-en', { path: screenshot, contentType: 'image/png' });

    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Очередь заявок');
    expect(problems).toEqual([]);
  });

  test('ships a strict Content-Security-Policy', async ({ page }) => {
    await page.goto('/');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).not.toBeNull();
    const directives = new Map(
      (csp ?? '')
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name, values] as const),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the CSP blocks an injected inline script', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
      undefined,
    );
    expect(violations.length).toBeGreaterThan(0);
  });

  test('reports unreadable stored settings instead of silently replacing them', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('prokontakt.settings', '{ not json'));
    await page.reload();

    const banner = page.getByRole('alert');
    await expect(banner).toContainText('Настройки не прочитаны');
    await expect(banner).toContainText('not valid JSON');
    expect(await page.evaluate(() => localStorage.getItem('prokontakt.settings'))).toBe(
      '{ not json',
    );

    const screenshot = testInfo.outputPath('settings-problem-ru.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('settings-problem-ru', { path: screenshot, contentType: 'image/png' });

    await banner.getByRole('button', { name: 'Скрыть' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
