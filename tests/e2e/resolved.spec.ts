import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createTicketInErp, pushToErp } from './support/erp';
import { erpClockReadsPageClock } from './support/erp-clock';

// Tickets after they are resolved: found again under «Решённые» by their number and reopened, and
// a paused ticket that says since when, for how long and why. Each test makes its own tickets in
// the embedded demo ERP, as another device would.

type Step = { type: string; payload: Record<string, unknown>; at: string };

/** Commands for one existing ticket, pushed in order by another device. */
async function pushSteps(
  request: APIRequestContext,
  ticketId: string,
  fromVersion: number,
  steps: Step[],
) {
  const body = await pushToErp(request, {
    protocolVersion: 1,
    deviceId: randomUUID(),
    commands: steps.map((step, index) => ({
      commandId: randomUUID(),
      seq: index + 1,
      type: step.type,
      ticketId,
      baseVersion: fromVersion + index,
      payload: step.payload,
      clientCreatedAt: step.at,
    })),
  });
  expect(body.results.map((r) => r.status)).toEqual(steps.map(() => 'applied'));
}

async function openView(page: Page, view: 'open' | 'resolved') {
  await page.goto('/');
  await page.getByTestId(`queue-view-${view}`).click({ timeout: 20_000 });
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 20_000 });
}

test.describe('resolved tickets', () => {
  test('resolve №N, find it under «Решённые» by "N" (first), reopen it from there', async ({
    page,
    request,
  }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const title = `РЕШЁННЫЕ-E2E ${randomUUID().slice(0, 8)} печать актов`;
    const ticket = await createTicketInErp(request, {
      organizationId: 'org-msk-stolitsa',
      priority: 3,
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
      title,
    });
    const number = String(ticket.number);

    await page.goto(`/#/ticket/${ticket.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
      timeout: 20_000,
    });
    await page.getByRole('button', { name: 'Решить' }).click();
    await page.getByLabel('Результат работ').fill('Драйвер принтера переустановлен.');
    await page.getByRole('button', { name: 'Решить', exact: true }).last().click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ticket-state')).toHaveText('Решена');

    // The open queue no longer lists it; the resolved view does, first for its exact number.
    await openView(page, 'open');
    const search = page.getByRole('searchbox', { name: 'Поиск' });
    await search.fill(number);
    await expect(page.locator(`[data-ticket-id="${ticket.id}"]`)).toHaveCount(0);
    // The open view says where the ticket with that number is, and leads there.
    const elsewhere = page.getByTestId('queue-number-elsewhere');
    await expect(elsewhere).toContainText(`№${number} · ${title} решена`);
    await elsewhere.getByRole('button', { name: 'Показать «Решённые»' }).click();
    await expect(page.getByTestId('queue-view-resolved')).toHaveAttribute('aria-pressed', 'true');
    await expect(search).toHaveValue(number);
    const first = page.getByTestId('queue-row').first();
    await expect(first).toHaveAttribute('data-ticket-id', ticket.id);
    await expect(first.getByTestId('queue-row-resolved')).toHaveText('решена');
    await expect(page.getByTestId('queue-period')).toBeVisible();
    const shot = testInfo.outputPath('queue-resolved-ru.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('queue-resolved-ru', { path: shot, contentType: 'image/png' });

    // A period that ends before today hides it, and says nothing is wrong with the dates.
    await page.getByRole('combobox', { name: 'Когда решены' }).selectOption({ index: 5 });
    await page.getByLabel('Решены по').fill('2026-01-01');
    await expect(page.getByTestId('queue-no-match')).toBeVisible();
    await page.getByLabel('Решены с').fill('2026-02-01');
    await expect(page.getByRole('alert')).toHaveText(
      'Дата «с» позже даты «по»: период не применён.',
    );
    await expect(first).toHaveAttribute('data-ticket-id', ticket.id);
    await page.getByRole('combobox', { name: 'Когда решены' }).selectOption({ index: 0 });

    await first.getByRole('link').click();
    await page.getByRole('button', { name: 'Открыть повторно' }).click();
    await page.getByLabel('Причина').fill('Акты снова не печатаются.');
    await page.getByRole('button', { name: 'Открыть повторно', exact: true }).last().click();
    await expect(page.getByTestId('ticket-state')).not.toHaveText('Решена');

    await page.getByRole('link', { name: /К очереди/ }).click();
    await page.getByTestId('queue-view-open').click();
    await expect(page.getByTestId('queue-row').first()).toHaveAttribute(
      'data-ticket-id',
      ticket.id,
    );
    expect(errors).toEqual([]);
  });

  test('a paused ticket says since when, for how long and why, in the row and on its page', async ({
    page,
    request,
  }) => {
    const title = `ПАУЗА-E2E ${randomUUID().slice(0, 8)} журнал звонков`;
    // Mon 2026-11-30 in Moscow (UTC+3): created 09:00, taken 09:30, paused 10:00 MSK.
    const ticket = await createTicketInErp(request, {
      organizationId: 'org-msk-stolitsa',
      priority: 3,
      createdAt: '2026-11-30T06:00:00Z',
      title,
    });
    await pushSteps(request, ticket.id, ticket.version, [
      { type: 'react', payload: {}, at: '2026-11-30T06:30:00Z' },
      {
        type: 'pause',
        payload: { reason: 'awaiting_user_info', note: 'Запрошены журналы сервера.' },
        at: '2026-11-30T07:00:00Z',
      },
    ]);
    // 12:30 MSK the same day: paused for 2 h 30 min.
    await page.clock.setFixedTime(new Date('2026-11-30T09:30:00Z'));
    await erpClockReadsPageClock(page);
    await openView(page, 'open');
    await page.getByRole('searchbox', { name: 'Поиск' }).fill(title);
    const row = page.locator(`[data-testid="queue-row"][data-ticket-id="${ticket.id}"]`);
    const clock = row.getByTestId('resolution-clock');
    await expect(clock).toHaveText('пауза 2 ч 30 мин' + 'ждём данных от пользователя');
    await expect(clock.locator('[title]').first()).toHaveAttribute(
      'title',
      /^на паузе с 10:00 МСК: запрошена дополнительная информация у пользователя · /,
    );

    await row.getByRole('link').click();
    const notice = page.getByTestId('ticket-paused');
    await expect(notice.getByRole('heading')).toHaveText('На паузе 2 ч 30 мин');
    await expect(notice).toContainText('Приостановлена 30.11.2026, 10:00');
    await expect(notice).toContainText(
      'Причина: Запрошена дополнительная информация у пользователя',
    );
    await expect(notice).toContainText('Запрошены журналы сервера.');
    // The organization's other tickets are listed beside it, from this computer's database.
    await expect(page.getByTestId('org-history')).toContainText('Другие заявки организации');
  });
});
