import { expect, test } from './support/fixtures';
import { showAllOpen, trayNow } from './support/desktop';

// A newcomer's first start: no ERP chosen yet, so the window asks — connect to your ERP, or try
// the embedded demo ERP. Trying the demo starts it in userData (PGlite, seeded) and the queue
// fills from it; the token main made for it never leaves main.

test('the first start asks which ERP; the demo brings up its seeded queue', async ({
  launchMain,
}, testInfo) => {
  const main = launchMain();
  const page = await main.windowPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('erp-kind')).toHaveText('ERP не выбрана');
  // Nothing syncs before a choice: the tray is there (open, quit) with nothing to count.
  await expect.poll(() => trayNow(main).tooltip).toMatch(/^PROконтакт: /);

  await page.getByRole('button', { name: 'Открыть демо' }).click();
  await expect(page.getByTestId('erp-kind')).toHaveText('ERP: демо', { timeout: 90_000 });
  await expect(page.getByTestId('signed-in-as')).toContainText('Андреев Павел');
  await showAllOpen(page);
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('queue-count')).toHaveText(/^\d{2,} заяв/);
  // The demo has overdue tickets: the tray says so.
  await expect.poll(() => trayNow(main).condition, { timeout: 60_000 }).toBe('breach');
  await page.screenshot({ path: testInfo.outputPath('main-first-run-demo-ru.png') });
});
