import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { erpTicketById, pushToErp } from './support/erp';
import { erpClockReadsPageClock } from './support/erp-clock';

// The ticket page against the embedded demo ERP. Every test creates its own tickets through the
// ERP's push API (as another device would; through the served host's /host/erp/push), so other
// specs sharing the server cannot disturb it.

interface ErpEvent {
  type: string;
  at: string;
  author: string;
  reason?: string;
  adjusted?: boolean;
}
interface ErpTicket {
  id: string;
  number: number | null;
  events: ErpEvent[];
}

type Step = { type: string; payload: Record<string, unknown>; at: string };

/** Another device of the ERP: pushes commands for one ticket, each applied in order. */
async function pushTicket(request: APIRequestContext, ticketId: string, steps: Step[]) {
  const body = await pushToErp(request, {
    protocolVersion: 1,
    deviceId: randomUUID(),
    commands: steps.map((step, index) => ({
      commandId: randomUUID(),
      seq: index + 1,
      type: step.type,
      ticketId,
      // The create makes version 1; each applied command adds one.
      baseVersion: step.type === 'create' ? null : index,
      payload: step.payload,
      clientCreatedAt: step.at,
    })),
  });
  expect(body.results.map((r) => r.status)).toEqual(steps.map(() => 'applied'));
}

/** The ERP's current copy of a ticket, read through the changes feed like any client. */
function erpTicket(request: APIRequestContext, id: string): Promise<ErpTicket | undefined> {
  return erpTicketById<ErpTicket>(request, id);
}

function intake(organizationId: string, priority: number, title: string, createdAt: string) {
  return {
    organizationId,
    account: 'operator.smirnova',
    reporterEmail: 'smirnova.en@kc-stolitsa.ru',
    priority,
    title,
    steps:
      '1. Открыть «Обращения» → «Отчёты».\n2. Выбрать период за месяц.\n3. Нажать «Сформировать».',
    expected: 'Отчёт по обращениям за выбранный период.',
    actual: 'Через 30 секунд ошибка «Превышено время ожидания», отчёт не формируется.',
    diagnostics:
      'Сеть и сервер БД доступны, у других пользователей та же ошибка; перезапуск клиента не помог.',
    notUserSideConfirmed: true,
    createdAt,
  };
}

function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function openTicket(page: Page, id: string, title: string) {
  await page.goto(`/#/ticket/${id}`);
  // The queue is synced on startup; the page fills in live once the pull has stored the ticket.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
    timeout: 20_000,
  });
}

test.describe('ticket page', () => {
  test('explains a P3 deadline across the RU New Year holidays', async ({
    page,
    request,
  }, testInfo) => {
    const errors = watchPageErrors(page);
    const id = randomUUID();
    const title = 'Новогодняя заявка: отчёт по обращениям';
    // Created Tue 30.12.2025 15:00 Moscow (12:00Z, UTC+3), in the ERP's past.
    await pushTicket(request, id, [
      {
        type: 'create',
        payload: intake('org-msk-stolitsa', 3, title, '2025-12-30T12:00:00Z'),
        at: '2025-12-30T12:00:00Z',
      },
    ]);
    // The engineer looks at it on Tue 13.01.2026 at 10:00 Moscow.
    await page.clock.setFixedTime(new Date('2026-01-13T07:00:00Z'));
    await erpClockReadsPageClock(page);
    await openTicket(page, id, title);

    // RU calendar (shared/calendars/ru.json): 30.12.2025 is a full working day (3 h count from
    // 15:00 to 18:00); 31.12.2025–2.01.2026 are holidays, 3–4.01 a weekend, 5–9.01 holidays,
    // 10–11.01 a weekend; Mon 12.01 works. Reaction target 8 h: 3 h + 5 h → 12.01.2026 14:00.
    // Resolution 40 h: 3 + 9 (12.01) + 9 + 9 + 9 = 39 h by 15.01 18:00, + 1 h → 16.01 10:00.
    // At 13.01 10:00, 3 + 9 + 1 = 13 h have counted: reaction 5 h overdue, resolution 27 h left.
    const reaction = page.getByTestId('sla-reaction');
    await expect(reaction).toContainText('просрочен');
    await expect(reaction.getByTestId('sla-reaction-remaining')).toHaveText('5 ч 00 мин');
    await expect(page.getByTestId('sla-reaction-due')).toHaveText('12.01.2026, 14:00 МСК');
    await expect(page.getByTestId('sla-resolution-remaining')).toHaveText('27 ч 00 мин');
    await expect(page.getByTestId('sla-resolution-due')).toHaveText('16.01.2026, 10:00 МСК');

    await page.getByRole('button', { name: 'Объяснить срок' }).click();
    const explained = page.getByTestId('explain-reaction');
    const skipped = explained.getByTestId('ledger-skipped');
    await expect(skipped).toHaveText([
      /^Праздничные дни · ср, 31\.12\.2025 – пт, 02\.01\.2026 · 3 дн\./,
      /^Выходные · сб, 03\.01\.2026 – вс, 04\.01\.2026 · 2 дн\./,
      /^Праздничные дни · пн, 05\.01\.2026 – пт, 09\.01\.2026 · 5 дн\./,
      /^Выходные · сб, 10\.01\.2026 – вс, 11\.01\.2026 · 2 дн\./,
    ]);
    await expect(explained).toContainText('Срок: 12.01.2026, 14:00 МСК');
    const summary = page.getByTestId('explain-reaction-summary').locator('div');
    await expect(summary.filter({ hasText: 'Праздники пропущены' })).toContainText('8 дн.');
    await expect(summary.filter({ hasText: 'Выходные пропущены' })).toContainText('4 дн.');
    await expect(page.getByTestId('explain-resolution')).toContainText(
      'Срок: 16.01.2026, 10:00 МСК',
    );

    // The page scrolls inside the app shell, so a tall window is what shows all of it.
    await page.setViewportSize({ width: 1440, height: 2000 });
    const shot = testInfo.outputPath('ticket-new-year-explained.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('ticket-new-year-explained', { path: shot, contentType: 'image/png' });
    expect(errors).toEqual([]);
  });

  test('takes a ticket into work and pauses it offline; the ERP gets both once, at click time', async ({
    page,
    request,
  }, testInfo) => {
    const errors = watchPageErrors(page);
    const id = randomUUID();
    const title = 'Не открывается карточка абонента';
    const createdAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await pushTicket(request, id, [
      { type: 'create', payload: intake('org-ekb-uralmed', 1, title, createdAt), at: createdAt },
    ]);
    await openTicket(page, id, title);

    await page.context().setOffline(true);
    // The page's ERP traffic (the served host's /host/erp/* endpoints) is cut off too.
    await page.route('**/host/erp/**', (route) => route.abort('internetdisconnected'));

    // The action is stamped when the click lands: somewhere between these two readings.
    const beforeReact = Date.now();
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    const reacted = page.getByTestId('timeline-entry').filter({ hasText: 'Взята в работу' });
    await expect(reacted).toContainText('вы');
    const afterReact = Date.now();
    await expect(reacted).toContainText('ждёт синхронизации');
    // Apart by a few seconds, so the two times the ERP keeps are told apart beyond doubt.
    await page.waitForTimeout(3_000);

    await page.getByRole('button', { name: 'Приостановить' }).click();
    const submitPause = page.getByRole('button', { name: 'Приостановить', exact: true }).last();
    await submitPause.click();
    await expect(page.getByText('Выберите причину приостановки из списка.')).toBeVisible();
    await page
      .getByLabel('Причина (раздел 5 регламента)')
      .selectOption({ label: 'Пользователю нужно выполнить действия со своей стороны' });
    await page
      .getByLabel('Комментарий')
      .fill('Нужно перезапустить службу обмена на сервере заказчика.');
    await expect(page.getByText('письмо будет подготовлено')).toBeVisible();
    const formShot = testInfo.outputPath('ticket-pause-form.png');
    await page.screenshot({ path: formShot });
    await testInfo.attach('ticket-pause-form', { path: formShot, contentType: 'image/png' });
    const beforePause = Date.now();
    await submitPause.click();
    await expect(page.getByTestId('ticket-state')).toHaveText('На паузе');
    const afterPause = Date.now();

    // §5: this reason requires an e-mail to the user: a prefilled draft is offered.
    const mail = page.getByRole('link', { name: 'Открыть письмо' });
    await expect(mail).toHaveAttribute('href', /^mailto:smirnova\.en@kc-stolitsa\.ru\?subject=/);
    await page.getByRole('button', { name: 'Закрыть' }).click();

    await expect(page.getByTestId('ticket-pending')).toHaveText('Не отправлено в ERP: 2');
    expect((await erpTicket(request, id))?.events).toEqual([]);
    // A sync asked for now meets no ERP: the page says it is offline and keeps both actions.
    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect(page.getByTestId('connection-state')).toHaveText('Нет сети');
    // The pill says it (its tooltip gives the retry time): no second «нет связи с ERP» beside it.
    await expect(page.getByTestId('sync-error')).toHaveCount(0);
    await expect(page.getByTestId('ticket-pending')).toHaveText('Не отправлено в ERP: 2');

    await page.unroute('**/host/erp/**');
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Синхронизировать' }).click();
    await expect(page.getByTestId('ticket-pending')).toHaveCount(0, { timeout: 20_000 });
    // One truth in the header once the connection is back: online, and nothing says otherwise.
    await expect(page.getByTestId('connection-state')).toHaveText('В сети');
    await expect(page.getByTestId('sync-error')).toHaveCount(0);
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    await expect(page.getByText('ждёт синхронизации')).toHaveCount(0);

    const events = (await erpTicket(request, id))!.events;
    expect(events.map((e) => [e.type, e.reason ?? null, e.author, e.adjusted ?? false])).toEqual([
      // The embedded demo ERP signs the app in as the demo team's first engineer.
      ['reacted', null, 'Андреев Павел', false],
      ['paused', 'awaiting_user_action', 'Андреев Павел', false],
    ]);
    // Same machine, same clock; a second of slack for the device-offset correction.
    const within = (at: string, from: number, to: number) =>
      Date.parse(at) >= from - 1_000 && Date.parse(at) <= to + 1_000;
    expect(within(events[0]!.at, beforeReact, afterReact), events[0]!.at).toBe(true);
    expect(within(events[1]!.at, beforePause, afterPause), events[1]!.at).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a worked ticket in another time zone, for the record', async ({
    page,
    request,
  }, testInfo) => {
    const errors = watchPageErrors(page);
    const id = randomUUID();
    const title = 'Не формируется отчёт по обращениям за месяц';
    // Krasnoyarsk is UTC+7: created Mon 23.11.2026 10:15 local (03:15Z), taken 10:40, paused
    // Tue 11:00 for information, resumed Wed 09:30, visited on site Wed 14:00–16:30.
    await pushTicket(request, id, [
      {
        type: 'create',
        payload: intake('org-krr-enisey', 3, title, '2026-11-23T03:15:00Z'),
        at: '2026-11-23T03:15:00Z',
      },
      { type: 'react', payload: {}, at: '2026-11-23T03:40:00Z' },
      {
        type: 'comment',
        payload: {
          text: 'Воспроизвёл на тестовом стенде: запрос к журналу обращений идёт без индекса.',
        },
        at: '2026-11-23T05:05:00Z',
      },
      {
        type: 'pause',
        payload: {
          reason: 'awaiting_user_info',
          note: 'Запросили выгрузку журнала ошибок сервера приложений.',
        },
        at: '2026-11-24T04:00:00Z',
      },
      { type: 'resume', payload: {}, at: '2026-11-25T02:30:00Z' },
      {
        type: 'log_work',
        payload: {
          startedAt: '2026-11-25T07:00:00Z',
          endedAt: '2026-11-25T09:30:00Z',
          note: 'Обновили статистику БД, проверили отчёт с пользователем.',
        },
        at: '2026-11-25T09:45:00Z',
      },
    ]);
    // Thu 26.11.2026 12:20 in Krasnoyarsk.
    await page.clock.setFixedTime(new Date('2026-11-26T05:20:00Z'));
    await erpClockReadsPageClock(page);
    await openTicket(page, id, title);

    // Resolution: Mon 7 h 45 min + Tue 2 h, the pause skipped, Wed 8 h 30 min, Thu 3 h 20 min
    // = 21 h 35 min counted, 18 h 25 min left; due Mon 30.11 12:45 local (the weekend skipped),
    // which is 08:45 for the engineer in Moscow.
    await expect(page.getByTestId('sla-resolution-remaining')).toHaveText('18 ч 25 мин');
    await expect(page.getByTestId('sla-resolution-due')).toHaveText(
      '30.11.2026, 12:45 МСК+4 · у вас 08:45 МСК',
    );
    await expect(page.getByTestId('timeline-entry')).toHaveCount(6);
    await page.getByRole('button', { name: 'Объяснить срок' }).click();
    await expect(page.getByTestId('explain-resolution')).toContainText(
      'Пауза: Запрошена дополнительная информация у пользователя',
    );

    await page.setViewportSize({ width: 1440, height: 2000 });
    const shot = testInfo.outputPath('ticket-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('ticket-page', { path: shot, contentType: 'image/png' });

    await page.getByRole('button', { name: 'EN' }).click();
    await expect(page.getByTestId('sla-resolution-due')).toHaveText(
      '30/11/2026, 12:45 UTC+7 · yours 08:45 UTC+3',
    );
    await expect(page.getByTestId('sla-resolution-remaining')).toHaveText('18 h 25 min');
    await expect(page.getByRole('heading', { name: 'How the deadline is computed' })).toBeVisible();
    expect(errors).toEqual([]);
  });
  test('a P4 answered with the update date, then resolved with the result e-mail', async ({
    page,
    request,
  }, testInfo) => {
    const errors = watchPageErrors(page);
    const id = randomUUID();
    const title = 'Опечатка в подписи поля «Дата обращения»';
    const createdAt = new Date(Date.now() - 3_600_000).toISOString();
    await pushTicket(request, id, [
      { type: 'create', payload: intake('org-msk-stolitsa', 4, title, createdAt), at: createdAt },
      { type: 'react', payload: {}, at: createdAt },
    ]);
    await openTicket(page, id, title);
    await expect(page.getByRole('button', { name: 'Продлить срок' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Ответ с датой обновления' }).click();
    await page.getByRole('button', { name: 'Записать ответ' }).click();
    await expect(page.getByText('Укажите дату выхода обновления.')).toBeVisible();
    // A date already past would stop the clock with an answer that promises nothing.
    await page.getByLabel('Дата выхода обновления с исправлением').fill('2020-01-01');
    await page.getByRole('button', { name: 'Записать ответ' }).click();
    await expect(
      page.getByText(/^Дата выхода обновления не может быть в прошлом: не раньше/),
    ).toBeVisible();
    await expect(page.getByTestId('sla-resolution')).not.toContainText('выполнен');
    // Two months ahead of whenever the test runs, so the date never falls into the past.
    const release = DateTime.now().setZone('Europe/Moscow').plus({ months: 2 }).setLocale('ru');
    await page
      .getByLabel('Дата выхода обновления с исправлением')
      .fill(release.toFormat('yyyy-MM-dd'));
    await page.getByRole('button', { name: 'Записать ответ' }).click();
    // Table 1: the P4 answer is given to the customer: its letter is the next step, and the
    // title's own «…» nest as „…“ inside the subject's «…».
    const answerMail = page.getByRole('link', { name: 'Открыть письмо' });
    await expect(answerMail).toBeFocused();
    const answer = new URL((await answerMail.getAttribute('href'))!);
    expect(answer.searchParams.get('subject')).toMatch(
      /^Заявка № \d+ «Опечатка в подписи поля „Дата обращения“»: дата обновления$/,
    );
    expect(answer.searchParams.get('body')).toContain(
      `выход которого запланирован на ${release.toFormat('dd.MM.yyyy')}.`,
    );
    const answerShot = testInfo.outputPath('fix-date-mail-ru.png');
    await page.screenshot({ path: answerShot });
    await testInfo.attach('fix-date-mail-ru', { path: answerShot, contentType: 'image/png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('fix-date-mail')).toHaveText(
      'Письмо на smirnova.en@kc-stolitsa.ru',
    );
    await expect(page.getByTestId('timeline-entry').last()).toContainText(
      `Ответ: исправление в обновлении от ${release.toFormat('ccc, dd.MM.yyyy')}`,
    );
    // Rule 6: for P4 the answer with the release date stops the resolution clock.
    await expect(page.getByTestId('sla-resolution')).toContainText('выполнен');

    await page.getByRole('button', { name: 'Решить' }).click();
    await page.getByRole('button', { name: 'Решить', exact: true }).last().click();
    await expect(page.getByText('Опишите результат работ: он уйдёт пользователю.')).toBeVisible();
    await page.getByLabel('Результат работ').fill('Подпись исправлена, войдёт в обновление 4.12.');
    await page.getByRole('button', { name: 'Решить', exact: true }).last().click();
    const mail = page.getByRole('link', { name: 'Открыть письмо' });
    await expect(mail).toBeFocused();
    const href = new URL((await mail.getAttribute('href'))!);
    expect(decodeURIComponent(href.pathname)).toBe('smirnova.en@kc-stolitsa.ru');
    expect(href.searchParams.get('subject')).toMatch(
      /^Заявка № \d+ «Опечатка в подписи поля „Дата обращения“»: работы завершены$/,
    );
    expect(href.searchParams.get('body')).toContain(
      'Подпись исправлена, войдёт в обновление 4.12.',
    );
    await page.keyboard.press('Escape');

    await expect(page.getByTestId('ticket-state')).toHaveText('Решена');
    await expect(page.getByTestId('ticket-result')).toContainText('Подпись исправлена');
    await expect(page.getByRole('button', { name: 'Открыть повторно' })).toBeFocused();
    await expect(page.getByTestId('ticket-pending')).toHaveCount(0, { timeout: 20_000 });
    const shot = testInfo.outputPath('ticket-resolved.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('ticket-resolved', { path: shot, contentType: 'image/png' });
    expect(errors).toEqual([]);
  });

  test('logs an on-site visit only as entered: nothing prefilled, nothing in the future', async ({
    page,
    request,
  }) => {
    const errors = watchPageErrors(page);
    const id = randomUUID();
    const title = 'Не работает сканер штрихкодов на посту';
    const createdAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await pushTicket(request, id, [
      { type: 'create', payload: intake('org-msk-stolitsa', 3, title, createdAt), at: createdAt },
      { type: 'react', payload: {}, at: createdAt },
    ]);
    await openTicket(page, id, title);

    await page.getByRole('button', { name: 'Выезд на объект' }).click();
    const start = page.getByLabel('Начало');
    const end = page.getByLabel('Окончание');
    await expect(start).toHaveValue('');
    await expect(end).toHaveValue('');
    await page.getByRole('button', { name: 'Записать выезд' }).click();
    await expect(page.getByText('Укажите дату и время начала выезда.')).toBeVisible();
    await expect(page.getByText('Укажите дату и время окончания выезда.')).toBeVisible();
    await expect(page.getByText('Опишите, что сделано на выезде')).toBeVisible();

    // The organization is in Moscow (UTC+3): the times are its wall-clock times.
    const wall = (at: DateTime) => at.setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm");
    await start.fill(wall(DateTime.now().minus({ hours: 2 })));
    await end.fill(wall(DateTime.now().plus({ hours: 1 })));
    await page.getByLabel('Что сделано').fill('Перенастроили сканер, проверили с оператором.');
    await page.getByRole('button', { name: 'Записать выезд' }).click();
    await expect(
      page.getByText(/^Окончание выезда не может быть позже текущего момента/),
    ).toBeVisible();

    await end.fill(wall(DateTime.now().minus({ minutes: 30 })));
    await page.getByRole('button', { name: 'Записать выезд' }).click();
    await expect(page.getByTestId('timeline-entry').last()).toContainText('Выезд на объект');
    expect(errors).toEqual([]);
  });

  test('says so when the ticket is not on this computer', async ({ page }) => {
    await page.goto('/#/ticket/no-such-ticket');
    await expect(page.getByTestId('ticket-not-found')).toContainText(
      'Заявка не найдена на этом компьютере.',
    );
    await page.getByRole('link', { name: 'К очереди' }).click();
    await expect(page).toHaveURL(/#\/$/);
  });
});
