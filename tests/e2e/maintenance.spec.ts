import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { PROTOCOL_VERSION } from '@shared/erp/protocol';
import { createTicketInErp, pushToErp } from './support/erp';

// Maintenance windows on the embedded demo ERP (issue 16 §3): a window in the customer's working
// hours is refused in words and nothing is queued; the explicit override with a reason plans it
// (pending while offline, then synced), and a window running now shows in the queue's header and
// on the organization's ticket page.

const MOSCOW = { id: 'org-msk-stolitsa', timeZone: 'Europe/Moscow' };
const KALININGRAD = { id: 'org-kgd-yantar', name: 'АО «Янтарный морской терминал»' };

// The RU production calendar the demo organizations use, read as data (Playwright's loader does
// not import JSON modules, so the shared rule itself cannot be loaded here).
const RU = JSON.parse(
  readFileSync(new URL('../../shared/calendars/ru.json', import.meta.url), 'utf8'),
) as { years: Record<string, { holidays?: string[]; workingWeekends?: string[] }> };

function isWorkingDay(day: DateTime): boolean {
  const year = RU.years[String(day.year)];
  const date = day.toISODate()!;
  if (year?.workingWeekends?.includes(date)) return true;
  return day.weekday <= 5 && !year?.holidays?.includes(date);
}

/** The next working day's 10:00–11:00 in Moscow, on the customer's wall clock: closed by §5. */
function nextWorkingMorning(): { start: string; end: string } {
  let day = DateTime.now().setZone(MOSCOW.timeZone).startOf('day').plus({ days: 1 });
  while (!isWorkingDay(day)) day = day.plus({ days: 1 });
  const start = day.set({ hour: 10 });
  const wall = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");
  return { start: wall(start), end: wall(start.plus({ hours: 1 })) };
}

/** Plans a window straight in the ERP, as another engineer's device would. */
async function planInErp(request: APIRequestContext, payload: Record<string, unknown>) {
  const answer = await pushToErp(request, {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: randomUUID(),
    commands: [
      {
        commandId: randomUUID(),
        seq: 1,
        type: 'plan_window',
        ticketId: randomUUID(),
        baseVersion: null,
        payload,
        clientCreatedAt: new Date().toISOString(),
      },
    ],
  });
  return answer.results[0]!;
}

async function fillWindow(page: Page, times: { start: string; end: string }, unavailable: string) {
  await page.getByLabel('Организация').selectOption(MOSCOW.id);
  await page.getByLabel('Начало').fill(times.start);
  await page.getByLabel('Окончание').fill(times.end);
  await page.getByLabel('Что будет недоступно').fill(unavailable);
  await page.getByRole('radio', { name: /Автономный/ }).check();
}

test.describe('maintenance windows', () => {
  test('outside the allowed hours: refused in words, then planned with an explicit override', async ({
    page,
    context,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const unavailable = `Отчёты по звонкам ${randomUUID().slice(0, 8)}`;
    const times = nextWorkingMorning();
    await page.goto('/#/maintenance');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Технические работы');
    // The organizations arrive with the first sync.
    await expect(
      page.getByLabel('Организация').locator(`option[value="${MOSCOW.id}"]`),
    ).toHaveCount(1, {
      timeout: 30_000,
    });
    await fillWindow(page, times, unavailable);
    await expect(page.getByTestId('window-zone')).toHaveText(
      'По времени заказчика: Europe/Moscow, UTC+3',
    );
    await expect(page.getByTestId('window-open-spans')).toContainText('18:00 – 24:00');

    await page.getByRole('button', { name: 'Запланировать', exact: true }).click();
    const refusal = page.getByTestId('window-refusal');
    await expect(refusal).toContainText('Окно задевает рабочее время заказчика:');
    await expect(refusal).toContainText('с 10:00 до 11:00 по времени заказчика (UTC+3)');
    await expect(refusal).toContainText('Техработы допускаются в рабочие дни с 18:00 до 07:00');
    // Nothing queued: no window with this text, and the sync has nothing to send.
    await expect(page.getByTestId('window-card').filter({ hasText: unavailable })).toHaveCount(0);

    // Offline, so the planned window stays «ожидает отправки» until the network is back.
    await context.setOffline(true);
    await page.route('**/host/erp/**', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Провести вне разрешённого времени').check();
    await page.getByRole('button', { name: 'Запланировать', exact: true }).click();
    await expect(page.locator('#window-overrideReason-error')).toContainText('Напишите причину');
    await page.getByLabel('Почему нельзя в разрешённое время').fill('Авария на АТС заказчика');
    await page.getByRole('button', { name: 'Запланировать', exact: true }).click();

    // The notice letter follows; the override's reason is not in it.
    const letter = page.getByTestId('window-letter');
    await expect(letter).toBeVisible();
    await expect(page.getByTestId('window-letter-subject')).toHaveText(
      `Плановые технические работы ${times.start.slice(8, 10)}.${times.start.slice(5, 7)}.${times.start.slice(0, 4)} с 10:00 до 11:00 (UTC+3)`,
    );
    await expect(page.getByTestId('window-letter-body')).toContainText('в порядке исключения');
    await expect(page.getByTestId('window-letter-body')).not.toContainText('АТС');

    const card = page.getByTestId('window-card').filter({ hasText: unavailable });
    await expect(card.getByTestId('window-pending')).toHaveText('ожидает отправки');
    await expect(card.getByTestId('window-override')).toContainText('Авария на АТС заказчика');

    await page.unroute('**/host/erp/**');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Синхронизировать' }).first().click();
    await expect(card.getByTestId('window-pending')).toHaveCount(0, { timeout: 30_000 });
    await expect(card.getByTestId('window-override')).toContainText('Авария на АТС заказчика');

    // Cancelled with a confirmation: kept in the history, marked.
    await card.getByRole('button', { name: 'Отменить окно' }).click();
    await page
      .getByTestId('window-cancel-dialog')
      .getByRole('button', { name: 'Отменить окно' })
      .click();
    await expect(card).toContainText('отменено');
    expect(errors).toEqual([]);
  });

  test('a window running now shows in the queue header and on the organization’s tickets', async ({
    page,
    request,
  }) => {
    const now = Date.now();
    const window = {
      organizationId: KALININGRAD.id,
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 3 * 3_600_000).toISOString(),
      unavailable: 'Запись разговоров',
      mode: 'autonomous' as const,
    };
    // Whatever the hour the suite runs at: the ERP says whether the window needs an override.
    let planned = await planInErp(request, window);
    if (planned.status === 'rejected')
      planned = await planInErp(request, { ...window, overrideReason: 'e2e: окно идёт сейчас' });
    expect(planned.status).toBe('applied');
    const ticket = await createTicketInErp(request, {
      organizationId: KALININGRAD.id,
      priority: 3,
      createdAt: new Date(now - 3_600_000).toISOString(),
      title: `Техработы E2E ${randomUUID().slice(0, 8)}`,
    });

    const until = DateTime.fromISO(window.endsAt).setZone('Europe/Kaliningrad');
    await page.goto('/#/');
    await page.getByRole('button', { name: 'Синхронизировать' }).first().click();
    const header = page.getByTestId('queue-running-windows');
    await expect(header).toContainText(`Идут техработы: ${KALININGRAD.name} до`, {
      timeout: 30_000,
    });
    await expect(header).toContainText(`${until.toFormat('HH:mm')} UTC+2 (автономный режим)`);

    await page.goto(`/#/ticket/${ticket.id}`);
    const banner = page.getByTestId('ticket-window-banner');
    await expect(banner).toContainText('У заказчика идут технические работы до', {
      timeout: 20_000,
    });
    await expect(banner).toContainText('(UTC+2), автономный режим. Недоступно: Запись разговоров');
  });
});
