import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createTicketInErp, pushToErp } from './support/erp';

// The «Отчёты» page on the embedded demo ERP: last month's report for one organization, one
// number followed down to its tickets and on to the ticket page, which must say the same.

const ORGANIZATION = 'org-msk-stolitsa';

/** The 10th of last month, 09:00 UTC: inside last month in every Russian zone. */
function lastMonthInstant(hoursLater: number): string {
  const now = new Date();
  const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 9);
  return new Date(at + hoursLater * 3_600_000).toISOString();
}

async function buildLastMonth(page: Page, organizationName: RegExp) {
  await page.goto('/#/reports');
  await page.getByRole('checkbox', { name: organizationName }).check({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Построить отчёт' }).click();
}

test.describe('compliance reports', () => {
  test('last month for one organization: a number drills down to a ticket page that agrees', async ({
    page,
    request,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const title = `ОТЧЁТ-E2E ${randomUUID().slice(0, 8)} сбой сервера`;
    // P1 counts every hour: reacted after 30 min (target 1 h), resolved after 2 h (target 8 h).
    const ticket = await createTicketInErp(request, {
      organizationId: ORGANIZATION,
      priority: 1,
      createdAt: lastMonthInstant(0),
      title,
    });
    const body = await pushToErp(request, {
      protocolVersion: 1,
      deviceId: randomUUID(),
      commands: [
        { type: 'react', payload: {}, at: lastMonthInstant(0.5) },
        { type: 'resolve', payload: { result: 'Сервер перезапущен.' }, at: lastMonthInstant(2) },
      ].map((step, index) => ({
        commandId: randomUUID(),
        seq: index + 1,
        type: step.type,
        ticketId: ticket.id,
        baseVersion: ticket.version + index,
        payload: step.payload,
        clientCreatedAt: step.at,
      })),
    });
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    // The ticket reaches this computer through the first sync of the queue.
    await page.goto(`/#/ticket/${ticket.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
      timeout: 20_000,
    });
    await buildLastMonth(page, /Столица/);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'P1', exact: true }) });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    const resolutionMet = row.getByRole('button', { name: /Решение: в срок/ });
    const count = Number(await resolutionMet.textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    await resolutionMet.click();

    const list = page.getByRole('region', { name: /Заявки:.*Решение: в срок/ });
    await expect(list.getByRole('row')).toHaveCount(count + 1);
    await list.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('sla-resolution')).toContainText('выполнен');
    await expect(page.getByTestId('sla-reaction')).toContainText('выполнен');
    expect(errors).toEqual([]);
  });

  test('a custom period typed wrong is refused with the reason, and nothing is built', async ({
    page,
  }) => {
    await page.goto('/#/reports');
    await page.getByRole('radio', { name: 'Произвольный' }).check({ timeout: 20_000 });
    await page.getByLabel('С (включительно)').fill('2026-02-30');
    await page.getByLabel('По (не включая)').fill('2026-03-10');
    await page.getByRole('button', { name: 'Построить отчёт' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Дата «С» не указана или такой даты нет: введите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.',
    );
    // The Russian way of writing a date is understood.
    await page.getByLabel('С (включительно)').fill('10.03.2026');
    await page.getByRole('button', { name: 'Построить отчёт' }).click();
    await expect(page.getByRole('alert')).toHaveText('Дата «По» должна быть позже даты «С».');
    await expect(page.getByLabel('По (не включая)')).toHaveAttribute('aria-invalid', 'true');
  });

  test('screenshots at 1366×768 in both languages', async ({ page }) => {
    test.skip(!process.env.REPORT_SCREENSHOTS, 'set REPORT_SCREENSHOTS=<dir> to take them');
    const dir = process.env.REPORT_SCREENSHOTS ?? '';
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    await page.getByTestId('queue-row').first().waitFor({ timeout: 30_000 });
    // The first pull comes in pages: let it finish so the picture shows the whole month.
    await page.waitForTimeout(5_000);
    await buildLastMonth(page, /Столица/);
    await page.getByRole('table').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${dir}/reports-ru.png` });
    await page
      .getByRole('button', { name: /Решение: в срок/ })
      .first()
      .click();
    await page
      .locator('.reports__chart details')
      .first()
      .evaluate((d) => d.setAttribute('open', ''));
    await page.screenshot({ path: `${dir}/reports-ru-drill.png` });
    await page.locator('.reports__charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/reports-ru-charts.png` });
    await page.getByRole('radio', { name: 'Произвольный' }).check();
    await page.getByLabel('С (включительно)').fill('31.11.2026');
    await page.getByRole('button', { name: 'Построить отчёт' }).click();
    await page.screenshot({ path: `${dir}/reports-ru-bad-period.png` });
    await page
      .getByRole('button', { name: /EN|English/ })
      .first()
      .click();
    await page.getByRole('radio', { name: 'Month' }).check();
    await page.getByRole('button', { name: 'Build report' }).click();
    await page.getByRole('table').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${dir}/reports-en.png` });
    await page.locator('.reports__charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/reports-en-charts.png` });
  });
});
