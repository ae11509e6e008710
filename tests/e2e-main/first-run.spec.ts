import { expect, test } from './support/fixtures';
import { trayNow } from './support/desktop';

// A newcomer's first start: no ERP address yet, so main starts the embedded demo ERP in userData
// (PGlite, seeded) and the queue fills from it. The token main made for it never leaves main.

test('without an ERP address the app comes up on the embedded demo ERP and its seeded queue', async ({
  launchMain,
}, testInfo) => {
  const main = launchMain();
  const page = await main.windowPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId('erp-kind')).toHaveText('ERP: демо-сервер', { timeout: 90_000 });
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('queue-count')).toHaveText(/^\d{2,} заяв/);
  // The demo has overdue tickets: the tray says so.
  await expect.poll(() => trayNow(main).condition, { timeout: 60_000 }).toBe('breach');
  await page.screenshot({ path: testInfo.outputPath('main-first-run-demo-ru.png') });
});
