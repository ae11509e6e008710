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
import {
  LOG_TEXT,
  markStoredFilesSent,
  pasteScreenshot,
  pickFiles,
  tinyPdf,
} from './support/attachments';

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
    reports: 'Отчёты о соблюдении сроков',
    maintenance: 'Технические работы',
  },
  en: {
    queue: 'Ticket queue',
    intake: 'New request',
    settings: 'Settings',
    diagnostics: 'Diagnostics',
    reports: 'SLA compliance reports',
    maintenance: 'Maintenance windows',
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
        ['#/reports', HEADINGS[language].reports],
        ['#/maintenance', HEADINGS[language].maintenance],
      ] as const) {
        await page.goto(`/${hash}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expectNothingCutOff(page, hash);
        await expectAccessible(page, hash);
        await shoot(page, testInfo, `${hash.slice(2)}-${size}-${language}`);
      }
      // The reports page with a report built: the table, the charts and their tables.
      await page.goto('/#/reports');
      await page
        .getByRole('button', { name: language === 'ru' ? 'Построить отчёт' : 'Build report' })
        .click();
      await expect(page.locator('.reports__result')).toBeVisible({ timeout: 30_000 });
      await expectAccessible(page, 'the report');
      // The intake form's own messages, as a hurried person meets them: submitted empty.
      await page.goto('/#/intake');
      await page
        .getByRole('button', {
          name: language === 'ru' ? 'Зарегистрировать заявку' : 'Register the request',
        })
        .click();
      await expectAccessible(page, 'the intake form with its errors');
      // The maintenance planner submitted empty: every field names what is wrong.
      await page.goto('/#/maintenance');
      await page
        .getByRole('button', { name: language === 'ru' ? 'Запланировать' : 'Plan', exact: true })
        .click();
      await expect(page.locator('.maintenance-form__summary')).toBeVisible();
      await expectAccessible(page, 'the maintenance planner with its errors');

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
  for (const name of ['Настройки', 'Техработы', 'Диагностика']) {
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

// The attachment states at the laptop size: sent and pending files, the refusals, an image and a
// PDF drawn inside the app, the hostile files only offered for saving, the detach confirmation,
// the intake with files and the storage panel.
const ATTACH_WORDS = {
  ru: {
    open: 'Открыть',
    close: 'Закрыть',
    detach: 'Убрать',
    detachConfirm: 'Убрать файл',
    pending: 'ожидает отправки',
    sent: 'на этом устройстве',
    empty: 'файл пустой',
    free: 'Освободить место',
    freed: /Освобождено .+\. Неотправленные файлы не тронуты\./,
    removed: 'Убран файл «diagram.svg»',
  },
  en: {
    open: 'Open',
    close: 'Close',
    detach: 'Remove',
    detachConfirm: 'Remove file',
    pending: 'waiting to be sent',
    sent: 'on this device',
    empty: 'the file is empty',
    free: 'Free space',
    freed: /freed\. Files not yet sent are untouched\./,
    removed: 'File removed: «diagram.svg»',
  },
} as const;

for (const language of LANGUAGES) {
  test(`1366x768, ${language}: attachments, previews, intake files and storage pass axe`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const words = ATTACH_WORDS[language];
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIn(page, language);
    await page.getByTestId('queue-view-open').click({ timeout: 30_000 });
    // A ticket of its own per language: the files attached here reach the shared demo ERP.
    await page
      .getByTestId('queue-row')
      .nth(LANGUAGES.indexOf(language) + 2)
      .locator('a')
      .click();
    const section = page.getByTestId('ticket-attachments');
    const row = (name: string | RegExp) =>
      page
        .getByTestId('attachment')
        .filter({ has: page.locator('.attachment__name', { hasText: name }) });

    await pickFiles(page, [
      { name: 'registratura.log', mimeType: 'text/plain', buffer: Buffer.from(LOG_TEXT) },
      { name: 'акт сверки.pdf', mimeType: 'application/pdf', buffer: tinyPdf('PK-1042 report') },
      {
        name: 'diagram.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
      },
      // A page dressed as a picture: the content says HTML, so it is only ever saved.
      {
        name: 'error.png',
        mimeType: 'image/png',
        buffer: Buffer.from('<html><script>alert(1)</script>'),
      },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await expect(page.getByTestId('attach-problems')).toContainText(words.empty);
    await expect(page.getByTestId('attachment')).toHaveCount(4);
    await markStoredFilesSent(page);
    await pasteScreenshot(page);
    await expect(page.getByTestId('attachment')).toHaveCount(5);
    await expect(row('registratura.log').getByTestId('attachment-state')).toHaveText(words.sent);
    await expect(page.getByTestId('attachment').last().getByTestId('attachment-state')).toHaveText(
      words.pending,
    );
    for (const saveOnly of ['registratura.log', 'diagram.svg', 'error.png'])
      await expect(
        row(saveOnly).getByRole('button', { name: new RegExp(`^${words.open}`) }),
      ).toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'the ticket with attachments');
    await shoot(page, testInfo, `ticket-attachments-1366x768-${language}`);

    const preview = page.getByTestId('attachment-preview');
    await page
      .getByTestId('attachment')
      .last()
      .getByRole('button', { name: new RegExp(`^${words.open}`) })
      .click();
    await expect(preview.locator('img')).toHaveAttribute('src', /^blob:/);
    await expectAccessible(page, 'the image preview');
    await shoot(page, testInfo, `attachment-image-1366x768-${language}`);
    await preview.getByRole('button', { name: words.close }).click();

    await row('акт сверки.pdf')
      .getByRole('button', { name: new RegExp(`^${words.open}`) })
      .click();
    await expect(preview.getByTestId('pdf-pages')).toHaveAttribute('data-pages', '1', {
      timeout: 30_000,
    });
    await expect(preview.locator('canvas')).toHaveCount(1);
    await expectAccessible(page, 'the PDF preview');
    await shoot(page, testInfo, `attachment-pdf-1366x768-${language}`);
    await preview.getByRole('button', { name: words.close }).click();

    await row('diagram.svg')
      .getByRole('button', { name: new RegExp(`^${words.detach}`) })
      .click();
    await expectAccessible(page, 'the detach confirmation');
    await page
      .getByTestId('detach-dialog')
      .getByRole('button', { name: words.detachConfirm })
      .click();
    await expect(row('diagram.svg')).toHaveCount(0);
    await expect(page.getByTestId('ticket-timeline')).toContainText(words.removed);

    await page.goto('/#/intake');
    await pickFiles(page, [
      { name: 'registratura.log', mimeType: 'text/plain', buffer: Buffer.from(LOG_TEXT) },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await pasteScreenshot(page, { colour: '#1d6fc4' });
    await expect(page.getByTestId('intake-file')).toHaveCount(2);
    await page.getByTestId('intake-files').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'the intake with files');
    await shoot(page, testInfo, `intake-files-1366x768-${language}`);

    await page.goto('/#/settings');
    const storage = page.getByTestId('settings-storage');
    await storage.scrollIntoViewIfNeeded();
    await expect(storage.getByTestId('storage-facts')).toBeVisible();
    await storage.getByRole('button', { name: words.free }).click();
    await expect(storage).toContainText(words.freed);
    await expectAccessible(page, 'the storage panel');
    await shoot(page, testInfo, `settings-storage-1366x768-${language}`);
  });
}
