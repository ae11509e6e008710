import { randomUUID } from 'node:crypto';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Ticket } from '@shared/domain/ticket';
import { PROTOCOL_VERSION } from '@shared/erp/protocol';
import { createTicketInErp, pushToErp } from './support/erp';
import { erpRefusesClockProbe } from './support/erp-clock';

// A laptop whose clock is wrong: the serving process (the ERP) keeps real time while Playwright
// moves the page's clock, so the offset the window measures is the one a wrong clock would give.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test.use({ viewport: { width: 1366, height: 768 } });

function rowOf(page: Page, ticketId: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket-id="${ticketId}"]`);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A P1 reacted to five minutes after creation: only its resolution clock (8 h, 24×7) runs. */
async function reactedP1(page: Page, createdAtMs: number, title: string): Promise<Ticket> {
  const created = await createTicketInErp(page.request, {
    organizationId: 'org-msk-stolitsa',
    priority: 1,
    createdAt: new Date(createdAtMs).toISOString(),
    title,
  });
  const answer = await pushToErp(page.request, {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: randomUUID(),
    commands: [
      {
        commandId: randomUUID(),
        seq: 1,
        type: 'react',
        ticketId: created.id,
        baseVersion: created.version,
        payload: {},
        clientCreatedAt: new Date(createdAtMs + 5 * MINUTE).toISOString(),
      },
    ],
  });
  expect(answer.results[0]?.status).toBe('applied');
  return answer.results[0]!.ticket as Ticket;
}

test.describe('a computer whose clock is wrong', () => {
  test('two hours behind: ERP-time timers, the offset in words, the intake defaulting to ERP time', async ({
    page,
  }, testInfo) => {
    // Resolution 8 h from creation: created 8 h 35 min ago, the ticket is 35 minutes overdue. The
    // same ticket read on a clock two hours behind would show "1 h 25 min left".
    const title = `ЧАСЫ-E2E обращения не сохраняются ${Date.now()}`;
    const ticket = await reactedP1(page, Date.now() - 8 * HOUR - 35 * MINUTE, title);
    await page.clock.install({ time: Date.now() - 2 * HOUR });
    await page.goto('/');

    const banner = page.getByTestId('clock-skew-banner');
    await expect(banner.getByTestId('clock-skew-text')).toHaveText(
      'Часы компьютера отстают на 2 ч 00 мин; сроки показаны по времени ERP.',
      { timeout: 30_000 },
    );
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('ЧАСЫ-E2E');
    const resolution = rowOf(page, ticket.id).getByTestId('resolution-clock');
    await expect(resolution).toHaveText(/^−3[56] мин \d\d систёк/);
    await expect(resolution.locator('.queue-clock')).toHaveAttribute('data-status', 'breached');
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('');
    await shoot(page, testInfo, 'clock-banner-queue-ru');

    // The banner is on every page; the ticket page counts in ERP time too.
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('ЧАСЫ-E2E');
    await rowOf(page, ticket.id).getByRole('link').click();
    await expect(page.getByTestId('sla-resolution')).toContainText(/просрочено на 3[56] мин/);
    await expect(page.getByTestId('clock-skew-banner')).toBeVisible();

    // A new request defaults to now on the ERP's clock, shown in the organization's zone.
    await page.getByRole('link', { name: 'К очереди' }).click();
    await page.getByRole('link', { name: 'Новая заявка' }).click();
    await page
      .getByLabel('Организация')
      .selectOption({ label: 'ГБУ «Городской контакт-центр “Столица”»' });
    const moscowNow = () => DateTime.now().setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm");
    const before = moscowNow();
    const shown = await page.getByLabel('Время обращения').inputValue();
    expect([before, moscowNow()]).toContain(shown);
    await expect(page.getByTestId('clock-skew-banner')).toBeVisible();

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(page.getByTestId('clock-skew-text')).toHaveText(
      "This computer's clock is 2 h 00 min behind; deadlines are shown in ERP time.",
    );
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await shoot(page, testInfo, 'clock-banner-queue-en');
  });

  test("a month behind and never corrected: a Russian reason and copy diagnostics, not the engine's English", async ({
    page,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const title = `ЧАСЫ-E2E месяц назад ${Date.now()}`;
    const ticket = await reactedP1(page, Date.now() - HOUR, title);
    // The ERP never lets the window measure its clock, and the window's clock reads a month ago.
    await erpRefusesClockProbe(page);
    await page.clock.install({ time: Date.now() - 31 * DAY });
    await page.goto('/');

    await page.getByRole('searchbox', { name: 'Поиск' }).fill('ЧАСЫ-E2E месяц');
    const row = rowOf(page, ticket.id);
    await expect(row.getByTestId('sla-error')).toContainText(
      'Сроки не рассчитаны: часы компьютера показывают время раньше создания заявки',
      { timeout: 30_000 },
    );
    await expect(row).not.toContainText('now is before');
    // Unknown offset: nothing to say about the clock, so no banner either.
    await expect(page.getByTestId('clock-skew-banner')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('');
    await expect(page.getByTestId('sla-error').first()).toBeVisible();
    await shoot(page, testInfo, 'sla-error-queue-ru');
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('ЧАСЫ-E2E месяц');

    await row.getByRole('link').click();
    const notice = page.locator('.ticket-sla').getByTestId('sla-error');
    await expect(notice).toContainText('Сроки не рассчитаны');
    await expect(notice).toContainText('Часы компьютера показывают время раньше создания заявки');
    await notice.getByRole('button', { name: 'Скопировать диагностику' }).click();
    await expect(notice).toContainText('Диагностика скопирована');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Error: now_before_created: now is before ticket.createdAt');
    expect(copied).toContain('Clock offset: not measured yet');
    expect(copied).toContain(`Ticket: ${ticket.id} №${ticket.number}`);
    await shoot(page, testInfo, 'sla-error-ticket-ru');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(notice).toContainText('Deadlines not calculated');
    await expect(notice).toContainText(
      "This computer's clock reads earlier than the ticket's creation",
    );
    await shoot(page, testInfo, 'sla-error-ticket-en');
  });

  test('follows the engineer to another time zone without a reload (Moscow → Novosibirsk)', async ({
    page,
  }) => {
    // What Chromium reports after the system zone changed: Intl resolves the new zone. The page's
    // context is in Moscow; `__deviceZone` stands in for the system setting.
    await page.addInitScript(() => {
      const Original = Intl.DateTimeFormat;
      function Zoned(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
        const zone = (window as { __deviceZone?: string }).__deviceZone;
        return new Original(
          locales,
          zone && options?.timeZone === undefined ? { ...options, timeZone: zone } : options,
        );
      }
      Zoned.prototype = Original.prototype;
      Zoned.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
      Intl.DateTimeFormat = Zoned as unknown as typeof Intl.DateTimeFormat;
    });
    // A Kamchatka (UTC+12) ticket created an hour ago: its times differ from either reading.
    const ticket = await createTicketInErp(page.request, {
      organizationId: 'org-pkc-kamryba',
      priority: 3,
      createdAt: new Date(Date.now() - HOUR).toISOString(),
      title: `ЧАСЫ-E2E перелёт ${Date.now()}`,
    });
    await page.goto(`/#/ticket/${ticket.id}`);
    const created = DateTime.fromISO(ticket.createdAt);
    // The own reading carries its date when that differs from the customer's (after 15:00 MSK
    // it is already tomorrow in Kamchatka), so the date is optional here.
    const reading = (zone: string, offset: string) =>
      new RegExp(
        `у вас (\\d\\d\\.\\d\\d\\.\\d{4}, )?${created.setZone(zone).toFormat('HH:mm')} ${offset.replace('+', '\\+')}`,
      );
    const header = page.locator('.ticket-page');
    await expect(header).toContainText(reading('Europe/Moscow', 'МСК'), { timeout: 30_000 });

    await page.evaluate(() => {
      (window as { __deviceZone?: string }).__deviceZone = 'Asia/Novosibirsk';
      window.dispatchEvent(new Event('focus'));
    });
    await expect(header).toContainText(reading('Asia/Novosibirsk', 'МСК+4'));
    await expect(header).not.toContainText(reading('Europe/Moscow', 'МСК'));
  });
});
