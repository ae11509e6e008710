import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { startServeWeb } from './support/serve-web';

// The first pull of a fresh install (issue 14 §1): the header says how far it is, and the queue is
// usable while it runs, because the ERP sends open tickets first and each page is stored as it
// comes. The browser host's ERP requests are held after the first page, so "mid-pull" is a
// state the test stands in, not a moment it races for.

test.use({ viewport: { width: 1366, height: 768 } });

const SEEDED = 1_200;
const PAGES_BEFORE_HOLD = 1;
/** Digits grouped as Russian writes them (a no-break space) or as English does (a comma). */
const RU_NUMBER = String.raw`\d{1,3}(?:\u00a0\d{3})*`;
const EN_NUMBER = String.raw`\d{1,3}(?:,\d{3})*`;

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** What the app's database holds: tickets, and those with a queue line (open or paused). */
function storedCounts(page: Page): Promise<{ tickets: number; open: number; lines: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('prokontakt-desk');
        opening.onerror = () => reject(new Error(String(opening.error)));
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['tickets', 'queue'], 'readonly');
          const all = tx.objectStore('tickets').getAll();
          const lines = tx.objectStore('queue').count();
          tx.oncomplete = () => {
            const rows = all.result as Array<{ view: { state: string } | null }>;
            resolve({
              tickets: rows.length,
              open: rows.filter((row) => row.view && row.view.state !== 'resolved').length,
              lines: lines.result,
            });
            db.close();
          };
        };
      }),
  );
}

/** The number on the queue's count badge, however its digits are grouped. */
async function queueCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('queue-count').innerText()).replace(/\D/g, ''));
}

test('the first pull shows its progress in the header, and the queue works while it runs', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const web = await startServeWeb(['--fresh-erp', '--seed-tickets', String(SEEDED)]);
  try {
    let served = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/host/erp/changes', async (route) => {
      served += 1;
      if (served > PAGES_BEFORE_HOLD) await held;
      // A request held across the reload below belongs to a page that is gone.
      await route.continue().catch(() => undefined);
    });

    await page.goto(`${web.url}/`);
    const progress = page.getByTestId('sync-progress');
    // One page of 500 is stored; the snapshot counts the team and organizations too.
    await expect(progress).toHaveText(new RegExp(`^загружено 500 из ${RU_NUMBER}$`), {
      timeout: 90_000,
    });
    await expect(page.getByTestId('sync-status')).toHaveAttribute('aria-live', 'polite');

    // Mid-pull: the open tickets stored so far are in the queue, and search works on them.
    await page.getByTestId('queue-view-open').click();
    const rows = page.getByTestId('queue-row');
    await expect(rows.first()).toBeVisible();
    const midway = await storedCounts(page);
    expect(midway.tickets).toBeLessThan(SEEDED);
    expect(midway.lines).toBe(midway.open);
    await expect.poll(() => queueCount(page)).toBe(midway.open);
    const title = (await rows.first().locator('.queue-row__title').innerText()).trim();
    await page.getByRole('searchbox', { name: 'Поиск' }).fill(title);
    await expect(rows.first().locator('.queue-row__title')).toHaveText(title);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('');
    await shoot(page, testInfo, 'first-pull-header-ru');

    // In English, after a reload mid-pull: the progress was stored with the page, not lost.
    await page.evaluate(() => localStorage.setItem('prokontakt.locale', 'en'));
    await page.reload();
    await expect(page.getByTestId('sync-progress')).toHaveText(
      new RegExp(`^loaded 500 of ${EN_NUMBER}$`),
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await shoot(page, testInfo, 'first-pull-header-en');

    // Let the pull finish: everything is stored, every open ticket has its line, the count goes.
    release();
    await expect(page.getByTestId('sync-progress')).toBeHidden({ timeout: 90_000 });
    await expect
      .poll(async () => (await storedCounts(page)).tickets, { timeout: 30_000 })
      .toBe(SEEDED);
    const done = await storedCounts(page);
    expect(done.lines).toBe(done.open);
    expect(done.open).toBeGreaterThan(midway.open);
    await page.evaluate(() => localStorage.setItem('prokontakt.locale', 'ru'));
    await page.reload();
    await page.getByTestId('queue-view-open').click();
    await expect.poll(() => queueCount(page)).toBe(done.open);
  } finally {
    await web.stop();
  }
});
