import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { erpTicketById, pushToErp } from './support/erp';

// Work in progress survives (drafts in IndexedDB) and requests arrive by e-mail (.eml intake),
// against the embedded demo ERP. Each test has its own browser context, so its own IndexedDB.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/eml/${name}`, import.meta.url));

interface ErpTicket {
  id: string;
  createdAt: string;
  title: string;
  organizationId: string;
  reporterEmail: string;
  steps: string;
  expected: string;
  actual: string;
  diagnostics: string;
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function openIntake(page: Page) {
  await page.goto('/#/intake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новая заявка');
  // The organizations arrive with the first sync: the letter's domain is matched against them.
  await expect(page.getByLabel('Организация').locator('option')).toHaveCount(13, {
    timeout: 15_000,
  });
}

/** Drops a file on the page the way a file manager does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'message/rfc822' }));
      return transfer;
    },
    { name, data: [...bytes] },
  );
  await page.getByTestId('intake-letter').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('intake-letter').dispatchEvent('drop', { dataTransfer });
}

test.describe('requests by e-mail', () => {
  test('an Outlook letter dropped on the form becomes a request created at its Date', async ({
    page,
  }, testInfo) => {
    await openIntake(page);
    await dropFile(page, 'Зависает печать.eml', fixture('outlook-cp1251-qp.eml'));

    const facts = page.getByTestId('intake-letter-facts');
    await expect(facts).toContainText('Письмо «Зависает печать акта сверки» от Иванов Иван');
    // Date: Mon, 16 Nov 2026 10:15:42 +0300: Moscow, the organization's zone («МСК»).
    await expect(page.getByTestId('intake-letter-sent')).toContainText(
      '16.11.2026, 10:15:42 МСК (заголовок Date)',
    );
    await expect(page.getByLabel('Организация')).toHaveValue('org-msk-stolitsa');
    await expect(page.getByLabel('E-mail для ответа')).toHaveValue('support@kc-stolitsa.ru');
    await expect(page.getByLabel('Тема')).toHaveValue('Зависает печать акта сверки');
    await expect(page.getByLabel('Время обращения')).toHaveValue('2026-11-16T10:15:42');
    await expect(page.getByLabel('Ожидаемый результат')).toHaveValue(
      'открывается предпросмотр печатной формы.',
    );
    await shot(page, testInfo, 'intake-letter-ru');

    // What a letter cannot say, the engineer adds.
    await page.getByLabel('Учётная запись').fill('operator.smirnova');
    await page.getByRole('radio', { name: 'П3 · средний' }).check();
    await page.getByLabel(/причина не находится в зоне его ответственности/).check();
    // The letter is older than 30 days once this test runs after 16.12.2026: then it is a late
    // registration, which the engineer confirms with a reason.
    if (await page.getByTestId('intake-late').isVisible()) {
      await page.getByTestId('intake-late').getByRole('checkbox').check();
      await page.getByLabel('Причина поздней регистрации').fill('Проверка письма в тестах.');
    }
    await page.getByRole('button', { name: 'Зарегистрировать заявку' }).click();
    await expect(page).toHaveURL(/#\/ticket\/[^/]+$/);
    const ticketId = decodeURIComponent(new URL(page.url()).hash.replace('#/ticket/', ''));

    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect
      .poll(async () => (await erpTicketById<ErpTicket>(page.request, ticketId))?.title ?? null, {
        timeout: 15_000,
      })
      .toBe('Зависает печать акта сверки');
    const ticket = (await erpTicketById<ErpTicket>(page.request, ticketId))!;
    // The clocks start at the message's Date, to the second: 10:15:42 +0300 = 07:15:42Z.
    expect(Date.parse(ticket.createdAt)).toBe(Date.parse('2026-11-16T07:15:42Z'));
    expect(ticket).toMatchObject({
      organizationId: 'org-msk-stolitsa',
      reporterEmail: 'support@kc-stolitsa.ru',
      expected: 'открывается предпросмотр печатной формы.',
    });
    expect(ticket.steps).toContain('3. Нажать «Печать».');

    // Registered: the intake draft is gone, the next request starts empty.
    await page.goto('/#/intake');
    await expect(page.getByLabel('Тема')).toHaveValue('');
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  });

  test('a picked Gmail letter lists its attachment; refused files change nothing', async ({
    page,
  }, testInfo) => {
    await openIntake(page);
    const input = page.getByTestId('intake-letter-input');
    await input.setInputFiles({
      name: 'report.eml',
      mimeType: 'message/rfc822',
      buffer: fixture('gmail-utf8-base64-attachment.eml'),
    });
    await expect(page.getByTestId('intake-letter-attachments')).toContainText('ошибка отчёта.png');
    await expect(page.getByLabel('Организация')).toHaveValue('org-ekb-uralmed');
    // Date: Tue, 1 Dec 2026 11:05:00 +0500: Yekaterinburg, МСК+2.
    await expect(page.getByTestId('intake-letter-sent')).toContainText(
      '01.12.2026, 11:05:00 МСК+2',
    );
    await expect(page.getByLabel('Время обращения')).toHaveValue('2026-12-01T11:05');
    await page.getByLabel('Тема').fill('Пустой сводный отчёт (правка инженера)');

    const refused: Array<[string, Buffer, RegExp]> = [
      ['no-date.eml', fixture('no-date.eml'), /нет даты отправки \(Date\)/],
      ['future-date.eml', fixture('future-date.eml'), /ещё не наступила/],
      ['hostile-script.eml', fixture('hostile-script.eml'), /HTML со скриптами/],
      ['document.eml', fixture('not-an-email.eml'), /не письмо в формате \.eml/],
    ];
    for (const [name, buffer, message] of refused) {
      await input.setInputFiles({ name, mimeType: 'message/rfc822', buffer });
      await expect(page.getByTestId('intake-letter-problem')).toHaveText(message);
      await expect(page.getByTestId('intake-letter-problem')).toContainText('Форма не изменена.');
      await expect(page.getByLabel('Тема')).toHaveValue('Пустой сводный отчёт (правка инженера)');
      await expect(page.getByLabel('Организация')).toHaveValue('org-ekb-uralmed');
      await expect(page.getByTestId('intake-letter-attachments')).toContainText(
        'ошибка отчёта.png',
      );
    }
    // A 30 MB file, made in the page (sending 30 MB through the test driver takes a minute).
    const huge = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(30 * 1024 * 1024)], 'huge.eml'));
      return transfer;
    });
    await page.getByTestId('intake-letter').dispatchEvent('drop', { dataTransfer: huge });
    await expect(page.getByTestId('intake-letter-problem')).toHaveText(/больше 25 МБ/);
    await expect(page.getByLabel('Тема')).toHaveValue('Пустой сводный отчёт (правка инженера)');
    await shot(page, testInfo, 'intake-letter-refused-ru');

    // Another good letter on a form with typing asks before replacing it; keeping changes nothing.
    await dropFile(page, 'koi8.eml', fixture('thunderbird-koi8r-8bit.eml'));
    const replace = page.getByTestId('intake-letter-replace');
    await expect(replace).toBeVisible();
    await expect(replace.getByRole('button', { name: 'Оставить как есть' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(replace).toHaveCount(0);
    await expect(page.getByLabel('Тема')).toHaveValue('Пустой сводный отчёт (правка инженера)');
  });
});

test.describe('drafts', () => {
  test('the intake survives a reload; «Отмена» asks before throwing it away', async ({ page }) => {
    await openIntake(page);
    await page.getByLabel('Тема').fill('Не печатается журнал');
    await page.getByLabel('Фактический результат').fill('Пустая страница вместо журнала.');
    await page.reload();
    await expect(page.getByLabel('Тема')).toHaveValue('Не печатается журнал');
    await expect(page.getByLabel('Фактический результат')).toHaveValue(
      'Пустая страница вместо журнала.',
    );
    await expect(page.getByTestId('draft-restored')).toBeVisible();

    await page.getByRole('button', { name: 'Отмена' }).click();
    const dialog = page.getByTestId('draft-discard-dialog');
    await expect(dialog.getByRole('button', { name: 'Продолжить ввод' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByLabel('Тема')).toHaveValue('Не печатается журнал');

    await page.getByRole('button', { name: 'Отмена' }).click();
    await dialog.getByRole('button', { name: 'Удалить черновик' }).click();
    await expect(page).toHaveURL(/#\/$|#\/queue/);
    await page.goto('/#/intake');
    await expect(page.getByLabel('Тема')).toHaveValue('');
  });

  test('a comment survives a reload and, once recorded, focuses its timeline entry', async ({
    page,
    request,
  }, testInfo) => {
    const id = randomUUID();
    const title = `Черновик комментария ${id.slice(0, 8)}`;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    await pushToErp(request, {
      protocolVersion: 1,
      deviceId: randomUUID(),
      commands: [
        {
          commandId: randomUUID(),
          seq: 1,
          type: 'create',
          ticketId: id,
          baseVersion: null,
          clientCreatedAt: at,
          payload: {
            organizationId: 'org-msk-stolitsa',
            account: 'operator.smirnova',
            reporterEmail: 'smirnova.en@kc-stolitsa.ru',
            priority: 3,
            title,
            steps: 'Открыть отчёт.',
            expected: 'Отчёт.',
            actual: 'Ошибка.',
            diagnostics: 'Повторяется.',
            notUserSideConfirmed: true,
            createdAt: at,
          },
        },
      ],
    });
    await page.goto(`/#/ticket/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
      timeout: 20_000,
    });

    await page.getByRole('button', { name: 'Комментарий' }).click();
    await page.getByLabel('Текст комментария').fill('Созвонился с Смирновой, жду логи.');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
      timeout: 20_000,
    });
    // The toolbar says which form holds a draft; opening it restores the text.
    await expect(page.getByRole('button', { name: /Комментарий/ })).toContainText('черновик');
    await page.getByRole('button', { name: /Комментарий/ }).click();
    await expect(page.getByLabel('Текст комментария')).toHaveValue(
      'Созвонился с Смирновой, жду логи.',
    );
    await shot(page, testInfo, 'ticket-comment-draft-ru');

    await page.getByRole('button', { name: 'Добавить' }).click();
    const entry = page.getByTestId('timeline-entry').filter({ hasText: 'жду логи' });
    await expect(entry).toBeFocused();
    await expect(page.getByRole('button', { name: /Комментарий/ })).not.toContainText('черновик');
  });
});
