import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { HostBridge } from '@shared/host/contract';
import { dumpPageStorage } from './support/page-storage';
import { startServeWeb } from './support/serve-web';
import { startStandaloneErp } from './support/standalone-erp';

// The Settings page and the first run, in the browser host (the serving process plays main's
// part: it holds the ERP address and the token). "A person with only the README connects the
// app to an ERP with an address and a token."

// The size of the laptops desk staff use; the screenshots are taken at it.
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// The page shows dates in its own zone (playwright.config.ts: Europe/Moscow), which is a day
// ahead of this process's UTC from 21:00 UTC on.
const today = () =>
  new Date().toLocaleDateString('ru-RU', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Moscow',
  });

test.describe('first run and connecting to a team’s ERP', () => {
  test('connects with an address and a token: the check names the user and the clock, the queue syncs from that ERP', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    // The team's ERP runs 95 s ahead of this computer.
    const erp = await startStandaloneErp({ user: 'Ирина Петрова', clockAheadMs: 95_000 });
    const web = await startServeWeb(['--first-run', '--fresh-erp']);
    try {
      const title = 'НАСТРОЙКИ-E2E не открывается журнал обращений';
      await erp.createTicket(title);

      await page.goto(`${web.url}/`);
      await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('erp-kind')).toHaveText('ERP не выбрана');
      await shoot(page, testInfo, 'first-run-ru');

      await page.getByRole('button', { name: 'Подключиться' }).click();
      await expect(page).toHaveURL(/#\/settings$/);
      await page.getByLabel('Адрес ERP').fill(erp.url);
      await page.getByLabel('Токен доступа').fill(erp.token);
      await page.getByRole('button', { name: 'Проверить подключение' }).click();
      await expect(page.getByTestId('connection-check-user')).toHaveText('Ирина Петрова', {
        timeout: 20_000,
      });
      // 95 s ahead, measured at the midpoint of a loopback round trip: 1 min 34–36 s.
      await expect(page.getByTestId('connection-check-clock')).toContainText(
        /часы ERP спешат на 1 мин 3[4-6] с относительно этого компьютера/,
      );
      // Checked, not saved: the serving process still has no ERP.
      expect(await (await fetch(`${web.url}/host/erp`)).json()).toMatchObject({ mode: 'unset' });
      await shoot(page, testInfo, 'settings-erp-check-ru');

      await page.getByRole('button', { name: 'Сохранить и подключиться' }).click();
      await expect(page.getByTestId('settings-erp-outcome')).toHaveText(
        `Подключено к ${erp.host}.`,
      );
      await expect(page.getByTestId('settings-erp-token-status')).toContainText(
        `Токен сохранён для ${erp.host}, ${today()}`,
      );
      // The token is never shown again, and lives only in the serving process.
      await expect(page.getByLabel('Токен доступа')).toHaveValue('');
      await expect(page.getByTestId('erp-kind')).toHaveText(`ERP: ${erp.host}`);
      expect(await (await fetch(`${web.url}/host/erp`)).json()).toMatchObject({
        mode: 'configured',
        kind: 'prokontakt',
        baseUrl: erp.url,
        url: erp.url,
        tokenPresent: true,
      });
      await shoot(page, testInfo, 'settings-erp-connected-ru');

      await page.getByRole('link', { name: 'К очереди' }).click();
      // Signed in as the token's owner, who has taken nothing yet: «Мои» is empty, the ticket
      // waits among all open ones.
      await expect(page.getByTestId('signed-in-as')).toContainText('Ирина Петрова');
      await page.getByTestId('queue-view-open').click({ timeout: 30_000 });
      await expect(page.getByTestId('queue-row')).toHaveCount(1, { timeout: 30_000 });
      await expect(page.getByTestId('queue-row')).toContainText(title);
      const dump = await dumpPageStorage(page);
      expect(dump.text).toContain(title);
      expect(dump.text).not.toContain(erp.token);

      // Back to the demo: another ERP, another database, so the window reloads onto it and
      // nothing of the team's ERP shows (or is ever pushed) there.
      await page.getByRole('banner').getByRole('link', { name: 'Настройки' }).click();
      await page.getByRole('button', { name: 'Перейти на демо-ERP' }).click();
      await expect(page.getByTestId('settings-erp-outcome')).toHaveText(
        'Теперь приложение работает с демо-ERP.',
        { timeout: 20_000 },
      );
      await expect(page.getByTestId('erp-kind')).toHaveText('ERP: демо');
      await page.getByRole('link', { name: 'К очереди' }).click();
      await page.getByTestId('queue-view-open').click({ timeout: 30_000 });
      await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('queue-row').filter({ hasText: title })).toHaveCount(0);
    } finally {
      await web.stop();
      await erp.close();
    }
  });

  test('tries the demo from the first-run screen', async ({ page }, testInfo) => {
    const web = await startServeWeb(['--first-run', '--fresh-erp']);
    try {
      await page.goto(`${web.url}/`);
      await page.getByRole('banner').getByRole('button', { name: 'EN' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
      await shoot(page, testInfo, 'first-run-en');
      await page.getByRole('button', { name: 'Open the demo' }).click();
      await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('erp-kind')).toHaveText('ERP: demo');
      expect(await (await fetch(`${web.url}/host/erp`)).json()).toMatchObject({ mode: 'demo' });
    } finally {
      await web.stop();
    }
  });
});

test.describe('the Settings page', () => {
  test('names what is wrong with a hurried address, token, level or time, in both languages', async ({
    page,
  }, testInfo) => {
    const erp = await startStandaloneErp({ user: 'Ирина Петрова' });
    try {
      await page.goto('/#/settings');
      const address = page.getByLabel('Адрес ERP');
      const token = page.getByLabel('Токен доступа');
      const save = page.getByRole('button', { name: 'Сохранить и подключиться' });
      const erpSection = page.getByTestId('settings-erp');

      await address.fill('erp.example.ru');
      await token.fill('токен 1');
      await save.click();
      await expect(erpSection).toContainText('Адрес должен начинаться с https://');
      await expect(erpSection).toContainText('В токене есть пробел');
      await expect(page.getByTestId('settings-erp-outcome')).toHaveText(
        'Не сохранено: исправьте 2 поля, отмеченных выше.',
      );
      await shoot(page, testInfo, 'settings-erp-field-errors-ru');
      await address.fill('http://erp.example.ru/');
      await token.fill('ещлут123');
      await save.click();
      await expect(erpSection).toContainText('Для erp.example.ru нужен https://');
      await expect(erpSection).toContainText('проверьте раскладку');
      await address.fill('https://ivan:secret@erp.example.ru/');
      await save.click();
      await expect(erpSection).toContainText('Уберите из адреса имя и пароль');
      // Nothing of it reached the serving process: it still runs the demo.
      expect(await (await page.request.get('/host/erp')).json()).toMatchObject({ mode: 'demo' });

      // What a check says about addresses that answer, but not as this ERP.
      const check = page.getByRole('button', { name: 'Проверить подключение' });
      const problem = page.getByTestId('connection-check-problem');
      await address.fill(erp.url);
      await token.fill('wrong-token-0123');
      await check.click();
      await expect(problem).toHaveText(/ERP не приняла токен \(401\)/);
      await address.fill('http://127.0.0.1:9/');
      await check.click();
      await expect(problem).toHaveText(/По этому адресу никто не отвечает/);
      // The page's own server answers every path with its HTML page.
      await address.fill(new URL('/', page.url()).href);
      await check.click();
      await expect(problem).toHaveText(
        /не ERP с протоколом синхронизации PROконтакт \(HTML-страница\)/,
      );

      const levels = page.getByRole('group', { name: 'Когда предупреждать' });
      await levels.getByLabel('Уровень 2, %').fill('75');
      await levels.getByLabel('Уровень 3, %').fill('150');
      await page.getByLabel('Не беспокоить в тихие часы').check();
      await page.getByLabel('С', { exact: true }).fill('25:00');
      await page.getByLabel('До', { exact: true }).fill('8');
      await page.getByTestId('settings-alerts').getByRole('button', { name: 'Сохранить' }).click();
      const alerts = page.getByTestId('settings-alerts');
      await expect(alerts).toContainText(
        'Уровень 2: 75 % должно быть больше предыдущего уровня (75 %).',
      );
      await expect(alerts).toContainText('Уровень 3: 150 % — вне диапазона 1–100 %.');
      await expect(alerts).toContainText('«25:00» — такого времени нет');
      await expect(alerts).toContainText('«8» — не время: введите ЧЧ:ММ');
      await expect(alerts).toContainText(
        'Заявки П1 (полный отказ системы, сроки 24×7) уведомляют всегда',
      );
      await page.getByTestId('settings-erp').scrollIntoViewIfNeeded();
      await shoot(page, testInfo, 'settings-erp-errors-ru');
      await alerts.scrollIntoViewIfNeeded();
      await shoot(page, testInfo, 'settings-alerts-errors-ru');

      // The same mistakes, said in English once the language is switched.
      await page.getByRole('banner').getByRole('button', { name: 'EN' }).click();
      await expect(alerts).toContainText('Level 3: 150% is outside 1–100%.');
      await expect(alerts).toContainText('“8” is not a time: enter HH:MM');
      await shoot(page, testInfo, 'settings-alerts-errors-en');
      await page.getByTestId('settings-erp').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('connection-check-problem')).toHaveText(
        /not an ERP with the PROконтакт sync protocol \(an HTML page\)/,
      );
      await shoot(page, testInfo, 'settings-erp-errors-en');
    } finally {
      await erp.close();
    }
  });

  test('asks before leaving with unsaved edits, and staying keeps them', async ({
    page,
  }, testInfo) => {
    await page.goto('/#/settings');
    const level = page.getByLabel('Уровень 1, %');
    await level.fill('80');
    await expect(page.getByTestId('settings-alerts')).toContainText('не сохранено');

    await page.getByRole('banner').getByRole('link', { name: 'Диагностика' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Изменения не сохранены' });
    await expect(dialog).toContainText('Не сохранено: «Уведомления о сроках».');
    await expect(page).toHaveURL(/#\/settings$/);
    await shoot(page, testInfo, 'settings-unsaved-ru');
    await dialog.getByRole('button', { name: 'Остаться' }).click();
    await expect(dialog).toBeHidden();
    await expect(level).toHaveValue('80');

    // A reload (or closing the window) gets the browser's own question; dismissing it stays.
    const asked = page.waitForEvent('dialog');
    void page.evaluate(() => window.location.reload());
    const beforeUnload = await asked;
    expect(beforeUnload.type()).toBe('beforeunload');
    await beforeUnload.dismiss();
    await expect(level).toHaveValue('80');

    await page.getByRole('link', { name: 'К очереди' }).click();
    await dialog.getByRole('button', { name: 'Уйти без сохранения' }).click();
    await expect(page).toHaveURL(/#\/$/);
    await page.getByRole('banner').getByRole('link', { name: 'Настройки' }).click();
    await expect(page.getByLabel('Уровень 1, %')).toHaveValue('75');

    // Saved, nothing is asked.
    await page.getByLabel('Уровень 1, %').fill('70');
    await page.getByTestId('settings-alerts').getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByTestId('settings-alerts-outcome')).toHaveText('Сохранено.');
    await page.getByRole('link', { name: 'К очереди' }).click();
    await expect(page).toHaveURL(/#\/$/);
    // Saved in the host, which plans alerts with it from now on.
    const saved = await page.evaluate(async () =>
      (window as unknown as { prokontakt: HostBridge }).prokontakt.request('settings:get'),
    );
    expect(saved).toMatchObject({
      ok: true,
      value: { settings: { alerts: { levels: [0.7, 0.9, 1] } } },
    });
  });

  test('switches the language at once; the header agrees, and the host keeps it', async ({
    page,
  }, testInfo) => {
    await page.goto('/#/settings');
    await page.getByTestId('settings-language').getByLabel('English').check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByRole('banner').getByRole('button', { name: 'EN' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // The host's setting, not the window's copy, brings it back.
    await page.evaluate(() => localStorage.removeItem('prokontakt.locale'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByTestId('settings-language').getByLabel('English')).toBeChecked();
    await shoot(page, testInfo, 'settings-erp-en');
    await page.getByTestId('settings-desktop').scrollIntoViewIfNeeded();
    await shoot(page, testInfo, 'settings-desktop-language-en');

    await page.getByRole('banner').getByRole('button', { name: 'RU' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки');
    await expect(page.getByTestId('settings-language').getByLabel('Русский')).toBeChecked();
    await shoot(page, testInfo, 'settings-desktop-language-ru');
  });
});
