import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { DateTime } from 'luxon';
import { erpTicketById } from './support/erp';

// The demo ERP seeds twelve organizations; Kamchatka (UTC+12) is nine hours ahead of the
// browser's Europe/Moscow (UTC+3), so the form must read the time in the customer's zone.
const KAMCHATKA = { name: 'ООО «Камчатрыбпромсервис»', zone: 'Asia/Kamchatka' };
const SEEDED_ORGANIZATIONS = 12;

interface ErpTicket {
  id: string;
  createdAt: string;
  title: string;
  priority: number;
  account: string;
  reporterEmail: string;
  organizationId: string;
  lateRegistrationReason?: string;
}

/** The ERP's current copy of one ticket, read through its change feed (all pages). */
async function erpTicket(request: APIRequestContext, id: string): Promise<ErpTicket | null> {
  return (await erpTicketById<ErpTicket>(request, id)) ?? null;
}

/** The whole form: the window's main area scrolls, so the page is made tall enough first. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1240 });
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  if (viewport) await page.setViewportSize(viewport);
}

/** The §4 description, the priority and the user's confirmation: everything but the customer. */
async function describeFault(page: Page, title: string) {
  await page.getByRole('radio', { name: 'П4 · низкий' }).check();
  await page.getByLabel('Тема').fill(title);
  await page.getByLabel('Действия пользователя').fill('Открыть «Журнал», нажать «Печать».');
  await page.getByLabel('Ожидаемый результат').fill('Печатная форма журнала.');
  await page.getByLabel('Фактический результат').fill('Пустая страница.');
  await page.getByLabel('Первичная диагностика').fill('Другие формы печатаются.');
  await page.getByLabel(/причина не находится в зоне его ответственности/).check();
}

async function openIntake(page: Page) {
  await page.goto('/#/intake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новая заявка');
  // The first sync brings the organizations; until then the list only says it is loading.
  await expect(page.getByLabel('Организация').locator('option')).toHaveCount(
    SEEDED_ORGANIZATIONS + 1,
    { timeout: 15_000 },
  );
}

test.describe('intake form', () => {
  test('names what is missing, keeps what was typed', async ({ page }, testInfo) => {
    await openIntake(page);
    await page.getByLabel('Тема').fill('Не формируется отчёт');
    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();

    const summary = page.getByTestId('intake-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Заявка не сохранена: исправьте 9 полей');
    for (const text of [
      'Выберите организацию.',
      'Укажите учётную запись',
      'Укажите e-mail',
      'Выберите приоритет по таблице 1.',
      'Опишите действия, которые привели к неисправности.',
      'Укажите результаты первичной диагностики.',
      'Без этого подтверждения заявка не принимается',
    ]) {
      await expect(summary).toContainText(text);
    }
    const account = page.getByLabel('Учётная запись');
    await expect(account).toHaveAttribute('aria-invalid', 'true');
    await expect(account).toHaveAccessibleDescription(/Укажите учётную запись/);
    await expect(page.getByLabel('Тема')).toHaveValue('Не формируется отчёт');
    await expect(page.getByLabel('Тема')).not.toHaveAttribute('aria-invalid', 'true');

    // Each summary entry jumps to its field.
    await summary.getByRole('button', { name: 'Учётная запись' }).click();
    await expect(account).toBeFocused();

    // Errors follow the typing once a submit was tried.
    await account.fill('dispatcher01');
    await expect(account).not.toHaveAttribute('aria-invalid', 'true');
    await expect(summary).toContainText('исправьте 8 полей');

    await attachScreenshot(page, testInfo, 'intake-errors');
  });

  test('registers a request reported two hours ago in the customer’s zone', async ({
    page,
  }, testInfo) => {
    await openIntake(page);
    await page.getByLabel('Организация').selectOption({ label: KAMCHATKA.name });
    await expect(page.getByTestId('intake-organization-facts')).toContainText(
      'Asia/Kamchatka МСК+9',
    );
    await expect(page.getByTestId('intake-organization-facts')).toContainText(
      'производственный календарь РФ',
    );
    // The reply address is suggested from the organization's contacts and stays editable.
    await expect(page.getByLabel('E-mail для ответа')).toHaveValue('it@kamryba41.ru');

    const title = `Не формируется судовой журнал ${Date.now()}`;
    const reported = DateTime.now().setZone(KAMCHATKA.zone).minus({ hours: 2 });
    const local = reported.toFormat("yyyy-MM-dd'T'HH:mm");
    const expectedCreatedAt = DateTime.fromISO(local, { zone: KAMCHATKA.zone }).toMillis();

    await page.getByLabel('Учётная запись').fill('flot.dispatcher');
    await page.getByLabel('Время обращения').fill(local);
    await expect(page.getByTestId('intake-created-at-note')).toContainText(
      'по времени организации: Asia/Kamchatka, МСК+9',
    );
    // The engineer's own clock (Moscow, UTC+3) shows the same instant nine hours earlier.
    await expect(page.getByTestId('intake-created-at-note')).toContainText(
      `у вас это ${reported.setZone('Europe/Moscow').toFormat('dd.MM HH:mm')} (МСК)`,
    );
    await page.getByRole('radio', { name: 'П2 · высокий' }).check();
    await page.getByLabel('Тема').fill(title);
    await page
      .getByLabel('Действия пользователя')
      .fill('Открыть «Судовой журнал», нажать «Сформировать».');
    await page.getByLabel('Ожидаемый результат').fill('Журнал за смену сформирован.');
    await page.getByLabel('Фактический результат').fill('Ошибка PK-1042, журнал не формируется.');
    await page
      .getByLabel('Первичная диагностика')
      .fill('Повторяется на двух рабочих местах, сеть в норме.');
    await page.getByLabel(/причина не находится в зоне его ответственности/).check();

    await attachScreenshot(page, testInfo, 'intake-filled');

    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();
    await expect(page).toHaveURL(/#\/ticket\/[^/]+$/);
    const ticketId = decodeURIComponent(new URL(page.url()).hash.replace('#/ticket/', ''));

    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect
      .poll(async () => (await erpTicket(page.request, ticketId))?.title ?? null, {
        timeout: 15_000,
      })
      .toBe(title);
    const ticket = (await erpTicket(page.request, ticketId))!;
    expect(Date.parse(ticket.createdAt)).toBe(expectedCreatedAt);
    expect(ticket).toMatchObject({
      organizationId: 'org-pkc-kamryba',
      account: 'flot.dispatcher',
      reporterEmail: 'it@kamryba41.ru',
      priority: 2,
    });
  });

  test('refuses a reported time in the future', async ({ page }) => {
    await openIntake(page);
    await page.getByLabel('Организация').selectOption({ label: KAMCHATKA.name });
    const later = DateTime.now().setZone(KAMCHATKA.zone).plus({ hours: 1 });
    await page.getByLabel('Время обращения').fill(later.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();
    await expect(page.getByLabel('Время обращения')).toHaveAccessibleDescription(
      /не может быть позже текущего момента/,
    );
    await expect(page).toHaveURL(/#\/intake$/);
  });

  test('registers an old e-mail request late, with the reason, to a Cyrillic domain', async ({
    page,
  }, testInfo) => {
    await openIntake(page);
    await page.getByLabel('Организация').selectOption({ label: KAMCHATKA.name });
    await page.getByLabel('Учётная запись').fill('flot.dispatcher');
    const email = page.getByLabel('E-mail для ответа');
    await email.fill('ivanov@почта..рф');
    const title = `Не печатается журнал ${Date.now()}`;
    await describeFault(page, title);
    // 40 days back on the customer's wall clock: beyond the 30 days of an ordinary intake.
    const reported = DateTime.now().setZone(KAMCHATKA.zone).minus({ days: 40 });
    await page.getByLabel('Время обращения').fill(reported.toFormat("yyyy-MM-dd'T'HH:mm"));
    await expect(page.getByTestId('intake-late')).toContainText('более 30 дней назад');

    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();
    const summary = page.getByTestId('intake-summary');
    await expect(summary).toContainText('исправьте 2 поля');
    await expect(email).toHaveAccessibleDescription(/домен можно кириллицей/);
    await expect(summary).toContainText('отметьте «Заявка регистрируется с опозданием»');

    await email.fill('ivanov@почта.рф');
    await page.getByLabel('Заявка регистрируется с опозданием').check();
    const reasonField = page.getByLabel('Причина поздней регистрации');
    await expect(reasonField).toHaveAccessibleDescription(/Укажите причину поздней регистрации/);
    const reason = 'Письмо заказчика нашлось в папке «Спам» при разборе почты.';
    await reasonField.fill(reason);
    await attachScreenshot(page, testInfo, 'intake-late');
    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();

    await expect(page).toHaveURL(/#\/ticket\/[^/]+$/);
    await expect(page.getByTestId('ticket-request-lateRegistrationReason')).toContainText(reason);
    const ticketId = decodeURIComponent(new URL(page.url()).hash.replace('#/ticket/', ''));
    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect
      .poll(async () => (await erpTicket(page.request, ticketId))?.title ?? null, {
        timeout: 15_000,
      })
      .toBe(title);
    expect(await erpTicket(page.request, ticketId)).toMatchObject({
      reporterEmail: 'ivanov@почта.рф',
      lateRegistrationReason: reason,
    });
  });
});
