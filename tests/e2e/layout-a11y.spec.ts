import { expect, test, type Page } from '@playwright/test';
import {
  expectAccessible,
  LANGUAGES,
  openIn,
  overflowing,
  shoot,
  VIEWPORTS,
} from './support/layout';
import { startServeWeb } from './support/serve-web';

// Every page at the two sizes desk staff use (a 1366×768 laptop, a 1920×1080 desk screen), in
// both languages: the queue's time cells and the brand never cut off, nothing floats over the
// queue, and axe-core (WCAG 2.1 A/AA) finds nothing serious or critical. Overflow is measured
// (scrollWidth > clientWidth), not compared as pixels.

const TIME_CELLS = '.queue-clock__line, .queue-clock__detail';
const HEADINGS = {
  ru: {
    queue: 'Очередь заявок',
    intake: 'Новая заявка',
    settings: 'Настройки',
    diagnostics: 'Диагностика',
  },
  en: {
    queue: 'Ticket queue',
    intake: 'New request',
    settings: 'Settings',
    diagnostics: 'Diagnostics',
  },
} as const;

async function expectNothingCutOff(page: Page, where: string): Promise<void> {
  expect(await overflowing(page, TIME_CELLS), `time cells on ${where}`).toEqual([]);
  expect(await overflowing(page, '.app-header__product'), `brand on ${where}`).toEqual([]);
}

/** The alert centre's toggle sits below the list, never over its rows or links. */
async function expectToggleClearOfQueue(page: Page): Promise<void> {
  const toggle = (await page.getByTestId('alert-center-toggle').boundingBox())!;
  const list = (await page.getByTestId('queue-scroller').boundingBox())!;
  expect(toggle.y).toBeGreaterThanOrEqual(list.y + list.height);
}

for (const viewport of VIEWPORTS) {
  for (const language of LANGUAGES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`${size}, ${language}: every page fits and passes axe`, async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      await openIn(page, language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS[language].queue, {
        timeout: 30_000,
      });

      for (const view of ['mine', 'unassigned', 'open'] as const) {
        await page.getByTestId(`queue-view-${view}`).click();
        await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
        await expectNothingCutOff(page, `the queue (${view})`);
        await expectToggleClearOfQueue(page);
        await expectAccessible(page, `the queue (${view})`);
        await shoot(page, testInfo, `queue-${view}-${size}-${language}`);
      }
      // Every kind of clock cell: overdue, near the deadline, paused with its reason.
      for (const status of ['breached', 'near', 'paused', 'all'] as const) {
        await page.locator(`.segmented__option--${status}`).click();
        await expect(page.getByTestId('queue-row').first()).toBeVisible();
        await expectNothingCutOff(page, `the queue (${status})`);
      }
      // Scrolled to the end, the last row is whole and clear of everything.
      await page
        .getByTestId('queue-scroller')
        .evaluate((list) => (list.scrollTop = list.scrollHeight));
      await expectToggleClearOfQueue(page);
      await expectNothingCutOff(page, 'the end of the queue');

      await page.getByTestId('queue-row').first().locator('a').click();
      await expect(page.getByTestId('sla-resolution')).toBeVisible();
      await expectNothingCutOff(page, 'the ticket');
      await expectAccessible(page, 'the ticket');
      await page
        .getByRole('button', {
          name: language === 'ru' ? 'Объяснить срок' : 'Explain this deadline',
        })
        .first()
        .click();
      await expectAccessible(page, 'the ticket with the explanation');
      await shoot(page, testInfo, `ticket-${size}-${language}`);

      for (const [hash, heading] of [
        ['#/intake', HEADINGS[language].intake],
        ['#/settings', HEADINGS[language].settings],
        ['#/diagnostics', HEADINGS[language].diagnostics],
      ] as const) {
        await page.goto(`/${hash}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expectNothingCutOff(page, hash);
        await expectAccessible(page, hash);
        await shoot(page, testInfo, `${hash.slice(2)}-${size}-${language}`);
      }
      // The intake form's own messages, as a hurried person meets them: submitted empty.
      await page.goto('/#/intake');
      await page
        .getByRole('button', {
          name: language === 'ru' ? 'Зарегистрировать заявку' : 'Register the request',
        })
        .click();
      await expectAccessible(page, 'the intake form with its errors');

      await page.goto('/#/ticket/no-such-ticket');
      await expect(page.getByTestId('ticket-not-found')).toBeVisible();
      await expectAccessible(page, 'a ticket that is not there');
    });
  }
}

test('offline at 1366 px the header keeps the brand and its links', async ({ page, context }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIn(page, 'ru');
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Синхронизировать' }).first().click();
  await expect(page.getByTestId('connection-state')).toHaveText('Нет сети');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expectNothingCutOff(page, 'the offline queue');
  await expect(page.locator('.app-header__product')).toHaveText('PROконтакт');
  for (const name of ['Настройки', 'Диагностика']) {
    const link = (await page.getByRole('link', { name, exact: true }).boundingBox())!;
    expect(link.x + link.width, name).toBeLessThanOrEqual(1366);
  }
  await expectAccessible(page, 'the offline queue');
  await context.setOffline(false);
});

test('the first-run screen passes axe in both languages', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const web = await startServeWeb(['--first-run', '--fresh-erp']);
  try {
    for (const language of LANGUAGES) {
      await page.goto(`${web.url}/`);
      await page.evaluate((locale) => localStorage.setItem('prokontakt.locale', locale), language);
      await page.reload();
      await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page, `the first run (${language})`);
      await shoot(page, testInfo, `first-run-${language}`);
    }
  } finally {
    await web.stop();
  }
});

test.describe('the queue by keyboard', () => {
  for (const language of LANGUAGES) {
    test(`${language}: «/» focuses the search, arrows move through the rows, Enter opens`, async ({
      page,
    }) => {
      await openIn(page, language);
      await page.getByTestId('queue-view-open').click({ timeout: 30_000 });
      await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
      const search = page.getByRole('searchbox');
      await expect(search).toHaveAttribute('aria-keyshortcuts', '/');
      await expect(search).toHaveAttribute('placeholder', /\(\/\)$/);

      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('/');
      await expect(search).toBeFocused();
      await expect(search).toHaveValue('');

      // Down from the search into the list: the first row, then one row per key. The list is
      // virtualized, so the focus is read back from the document each time (polled: a row far
      // away is drawn, then focused).
      await page.keyboard.press('ArrowDown');
      const rows = page.getByTestId('queue-row');
      const ids = await rows.evaluateAll((all) =>
        all.map((row) => (row as HTMLElement).dataset['ticketId']),
      );
      const focused = () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          return element?.dataset['ticketId']
            ? `${element.dataset['ticketId']}@${element.getAttribute('aria-rowindex')}`
            : null;
        });
      const focusedId = async () => (await focused())?.split('@')[0];
      const focusedRowIndex = async () => Number((await focused())?.split('@')[1]);
      await expect.poll(focusedId).toBe(ids[0]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedId).toBe(ids[2]);
      await page.keyboard.press('ArrowUp');
      await expect.poll(focusedId).toBe(ids[1]);

      // Far below the rows drawn at first: the virtualized list draws the last row and focuses
      // it, and the focus moves row by row while the rows around it recycle.
      const rowCount = Number(await page.getByRole('table').getAttribute('aria-rowcount'));
      await page.keyboard.press('End');
      await expect.poll(focusedRowIndex).toBe(rowCount);
      for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowUp');
      await expect.poll(focusedRowIndex).toBe(rowCount - 30);
      await page.keyboard.press('Home');
      await expect.poll(focusedId).toBe(ids[0]);
      // Tab leaves the list from the row it is on, and Shift+Tab comes back to the same row.
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedId).toBe(ids[1]);
      await page.keyboard.press('Shift+Tab');
      await expect.poll(focusedId).toBeUndefined();
      await page.keyboard.press('Tab');
      await expect.poll(focusedId).toBe(ids[1]);

      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/ticket/${ids[1]}$`));

      // «/» typed into a field is a character, not the shortcut.
      await page.goBack();
      await page.getByRole('searchbox').fill('12/');
      await expect(page.getByRole('searchbox')).toHaveValue('12/');
    });
  }
});
