import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LOG_TEXT, pasteScreenshot, pickFiles } from './support/attachments';
import { startDemoErpCli, type TeamMember } from './support/demo-erp-cli';
import { startServeWeb } from './support/serve-web';
import {
  engineerAt,
  goOffline,
  goOnline,
  registerTicket,
  shot,
  syncNow,
  type SignedMember,
} from './support/team-erp';

// The "done when": an engineer on site, with no network, pastes a screenshot and attaches
// a log; the ticket shows both as waiting to be sent; after reconnecting, a colleague at another
// computer (their own browser profile and serving process, one ERP) sees the screenshot inside
// the app and saves the log, byte for byte.

const TEAM: TeamMember[] = [
  { id: 'andreev', name: 'Андреев Павел', token: `andreev-${randomUUID()}` },
  { id: 'belova', name: 'Белова Марина', token: `belova-${randomUUID()}` },
];
const [ANDREEV, BELOVA] = TEAM as [SignedMember, SignedMember];

const attachments = (page: Page) => page.getByTestId('attachment');
const attachment = (page: Page, name: string | RegExp) =>
  attachments(page).filter({ has: page.locator('.attachment__name', { hasText: name }) });

// The screenshot's name is the moment it was pasted, on the engineer's clock (2026-12-07 14.05).
const SCREENSHOT = /^Снимок экрана \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.png$/;

test('a screenshot pasted and a log attached offline reach a colleague after reconnecting', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const erp = await startDemoErpCli(TEAM, ['--seed-tickets', '0']);
  const webA = await startServeWeb(['--erp', erp.url]);
  const webB = await startServeWeb(['--erp', erp.url]);
  try {
    const ticket = await registerTicket(erp.url, ANDREEV, 'ВЛОЖЕНИЯ-E2E ошибка при сохранении');
    const a = await engineerAt(browser, webA.url, ANDREEV);
    const b = await engineerAt(browser, webB.url, BELOVA);
    await syncNow(a);
    await a.goto(`${webA.url}/#/ticket/${ticket.id}`);
    await expect(a.getByTestId('ticket-attachments')).toContainText('Файлов нет.');

    // On site, no network.
    await goOffline(a);
    await pasteScreenshot(a);
    await pickFiles(a, [
      { name: 'registratura.log', mimeType: 'text/plain', buffer: Buffer.from(LOG_TEXT) },
    ]);
    await expect(attachments(a)).toHaveCount(2);
    const screenshot = attachments(a).first();
    await expect(screenshot.locator('.attachment__name')).toHaveText(SCREENSHOT);
    for (const row of await attachments(a).all())
      await expect(row.getByTestId('attachment-state')).toHaveText('ожидает отправки');
    await expect(attachment(a, 'registratura.log')).toContainText('вы');
    await expect(a.getByTestId('ticket-timeline')).toContainText(
      'Прикреплён файл «registratura.log»',
    );
    await shot(a, testInfo, 'attachments-offline-pending-ru');

    // Back online: the files go up with the next sync and stop waiting.
    await goOnline(a);
    await syncNow(a);
    await expect(
      a.getByTestId('attachment-state').filter({ hasText: 'ожидает отправки' }),
    ).toHaveCount(0, {
      timeout: 30_000,
    });

    // The colleague: both files listed, not on her computer until she opens them.
    await syncNow(b);
    await b.goto(`${webB.url}/#/ticket/${ticket.id}`);
    await expect(attachments(b)).toHaveCount(2, { timeout: 20_000 });
    for (const row of await attachments(b).all())
      await expect(row.getByTestId('attachment-state')).toHaveText('скачать при открытии');
    await expect(attachment(b, 'registratura.log')).toContainText('Андреев Павел');

    // The screenshot opens inside the app: an image drawn from a blob: URL.
    await attachments(b)
      .first()
      .getByRole('button', { name: /^Открыть/ })
      .click();
    const preview = b.getByTestId('attachment-preview');
    const image = preview.locator('img');
    await expect(image).toHaveAttribute('src', /^blob:/, { timeout: 30_000 });
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBe(640);
    await shot(b, testInfo, 'attachments-preview-colleague-ru');
    await preview.getByRole('button', { name: 'Закрыть' }).click();

    // The log is offered for saving, never opened: the download is the engineer's bytes.
    const download = b.waitForEvent('download');
    await attachment(b, 'registratura.log')
      .getByRole('button', { name: /^Сохранить/ })
      .click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('registratura.log');
    const path = await saved.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).toString()).toBe(LOG_TEXT);
    await expect(attachment(b, 'registratura.log').getByTestId('attachment-state')).toHaveText(
      'на этом устройстве',
    );
  } finally {
    await Promise.all([webA.stop(), webB.stop(), erp.stop()]);
  }
});

test("an intake's files and its letter's attachment become the new ticket's, in order", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#/intake');
  // The organizations arrive with the first sync: the letter's domain is matched against them.
  await expect
    .poll(() => page.getByLabel('Организация').locator('option').count(), { timeout: 15_000 })
    .toBeGreaterThan(1);
  await page.getByTestId('intake-letter-input').setInputFiles({
    name: 'report.eml',
    mimeType: 'message/rfc822',
    buffer: readFileSync(
      new URL('../fixtures/eml/gmail-utf8-base64-attachment.eml', import.meta.url),
    ),
  });
  const files = page.getByTestId('intake-file');
  await expect(files).toHaveCount(1);
  await expect(files.first()).toContainText('ошибка отчёта.png');
  await expect(files.first()).toContainText('из письма');
  await pickFiles(page, [
    { name: 'registratura.log', mimeType: 'text/plain', buffer: Buffer.from(LOG_TEXT) },
    // Refused at once, in words: nothing to attach.
    { name: 'пустой.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);
  await expect(files).toHaveCount(2);
  await expect(page.getByTestId('attach-problems')).toContainText(
    '«пустой.txt»: файл пустой (0 байт), прикреплять нечего.',
  );
  await shot(page, testInfo, 'intake-with-files-ru');

  // A reload (or a crash) before registering keeps them, in order, beside the typed draft.
  await page.reload();
  await expect(files).toHaveCount(2);
  await expect(files.first()).toContainText('из письма');
  await expect(files.nth(1)).toContainText('registratura.log');

  await expect(page.getByLabel('Организация')).toHaveValue('org-ekb-uralmed');
  await page.getByLabel('Учётная запись').fill('morozova.ov');
  await page.getByRole('radio', { name: 'П3 · средний' }).check();
  await page.getByLabel(/причина не находится в зоне его ответственности/).check();
  // The letter (Date 01.12.2026) is a late registration once this runs after 31.12.2026.
  if (await page.getByTestId('intake-late').isVisible()) {
    await page.getByTestId('intake-late').getByRole('checkbox').check();
    await page.getByLabel('Причина поздней регистрации').fill('Проверка письма в тестах.');
  }
  await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();
  await expect(page).toHaveURL(/#\/ticket\/[^/]+$/);

  const rows = page.getByTestId('attachment');
  await expect(rows.locator('.attachment__name')).toHaveText([
    'ошибка отчёта.png',
    'registratura.log',
  ]);
  // Shown at once from this computer: the letter's PNG opens inside the app.
  await rows
    .first()
    .getByRole('button', { name: /^Открыть/ })
    .click();
  const image = page.getByTestId('attachment-preview').locator('img');
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);

  // Registered: the next intake starts without them, even after a reload.
  await page.goto('/#/intake');
  await page.reload();
  await expect
    .poll(() => page.getByLabel('Организация').locator('option').count(), { timeout: 15_000 })
    .toBeGreaterThan(1);
  await expect(page.getByTestId('intake-file')).toHaveCount(0);
});
