import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { redmineSkipReason } from '../redmine/detect-redmine';
import { startRedmine, type RedmineInstance } from '../redmine/redmine-instance';
import { startServeWeb } from './support/serve-web';

// Settings pointed at a real Redmine 5.0.4 in the browser host: the kind, the API key, the
// mapping; «Проверить подключение» names the key's owner and every mapped id Redmine lacks.
// Port 4832: part B3's range (4831–4839); 4831 is left for a hand-run instance.

test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

let redmine: RedmineInstance | null = null;
let skip: string | null = null;
test.beforeAll(async () => {
  test.setTimeout(600_000);
  skip = await redmineSkipReason();
  if (skip === null) redmine = await startRedmine(4832);
});
test.afterAll(async () => {
  await redmine?.stop();
});

/** The instance's mapping with the id of «Шаги воспроизведения» pointed at no field. */
function mappingWithWrongSteps(instance: RedmineInstance): string {
  const mapping = structuredClone(instance.mapping);
  mapping.issueFields.steps = 999;
  return JSON.stringify(mapping, null, 2);
}

test('points Settings at Redmine: the check names the engineer, then a wrong field id; saved, the badge says Redmine', async ({
  page,
}, testInfo) => {
  test.skip(skip !== null, skip ?? '');
  test.setTimeout(300_000);
  const instance = redmine!;
  const engineer = instance.users[0]!;
  const host = new URL(instance.url).host;
  const web = await startServeWeb(['--fresh-erp']);
  try {
    await page.goto(`${web.url}/#/settings`);
    await page.getByLabel('Redmine').check();
    await expect(page.getByLabel('API-ключ Redmine')).toBeVisible();
    await page.getByLabel('Адрес ERP').fill(instance.url);
    await page.getByLabel('API-ключ Redmine').fill(engineer.apiKey);

    // A hurried edit: the JSON cut off. Named, and nothing is sent.
    const mappingField = page.getByLabel('Сопоставление с Redmine (id)');
    await mappingField.fill('{"trackerId": 3,');
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(page.getByTestId('settings-redmine-mapping-error')).toContainText('Это не JSON');

    await mappingField.fill(mappingWithWrongSteps(instance));
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(page.getByTestId('connection-check-user')).toContainText('Ирина Соколова', {
      timeout: 60_000,
    });
    // Every customer project lacks a field with id 999; each is named with the project.
    for (const customer of ['АО «Уралтехно»', 'ООО «Северсталь-Сервис»', 'ПАО «Владпорт»'])
      await expect(page.getByTestId('connection-check-mapping')).toContainText(
        `в проекте ${customer} нет поля «Шаги воспроизведения» (id 999)`,
      );
    await shoot(page, testInfo, 'redmine-check-missing-ru');

    await page.getByRole('button', { name: 'Вернуть по умолчанию' }).click();
    await mappingField.fill(JSON.stringify(instance.mapping, null, 2));
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(page.getByTestId('connection-check-mapping')).toHaveText(
      'Все id сопоставления найдены в Redmine и включены в проектах.',
      { timeout: 60_000 },
    );
    await shoot(page, testInfo, 'redmine-check-passing-ru');

    await page.getByRole('button', { name: 'Сохранить и подключиться' }).click();
    await expect(page.getByTestId('erp-kind')).toHaveText(`Redmine · ${host}`, { timeout: 60_000 });
    expect(await (await fetch(`${web.url}/host/erp`)).json()).toMatchObject({
      mode: 'configured',
      kind: 'redmine',
      baseUrl: instance.url,
      tokenPresent: true,
    });
    // From the demo to another ERP the window reloads onto that ERP's database.
    await expect(page.getByTestId('settings-erp-current')).toContainText(host, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('erp-kind')).toHaveText(`Redmine · ${host}`);
    // Named as Redmine names it, not as contract 2's «токен».
    await expect(page.getByTestId('settings-erp-token-status')).toContainText(
      `API-ключ сохранён для ${host}`,
    );
    await shoot(page, testInfo, 'redmine-saved-ru');

    // The same page in English: the form, a failing and a passing check.
    await page.goto(`${web.url}/#/settings`);
    await page.getByTestId('settings-language').getByLabel('English').check();
    await expect(page.getByLabel('Redmine API key')).toBeVisible();
    await shoot(page, testInfo, 'redmine-form-en');
    const mappingEn = page.getByLabel('Mapping to Redmine (ids)');
    await mappingEn.fill(mappingWithWrongSteps(instance));
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect(page.getByTestId('connection-check-mapping')).toContainText(
      'project АО «Уралтехно» has no field “Steps to reproduce” (id 999)',
      { timeout: 60_000 },
    );
    await shoot(page, testInfo, 'redmine-check-missing-en');
    await mappingEn.fill(JSON.stringify(instance.mapping, null, 2));
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect(page.getByTestId('connection-check-mapping')).toHaveText(
      'Every id of the mapping exists in Redmine and is enabled in the projects.',
      { timeout: 60_000 },
    );
    await shoot(page, testInfo, 'redmine-check-passing-en');
    await page.getByTestId('settings-language').getByLabel('Русский').check();
  } finally {
    await web.stop();
  }
});
