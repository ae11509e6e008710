import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import { extractPdfText } from '../fixtures/pdf-text';
import { createTicketInErp, pushToErp } from './support/erp';

// Export of last month's report for one organization on the embedded demo ERP, through the
// page's buttons in the built app under its strict CSP (no 'unsafe-eval'): the XLSX read back
// agrees with the page's table, the PDF's text and the CSV's BOM are there, and the letter's
// .eml draft carries both files.

const ORGANIZATION = 'org-msk-stolitsa';
const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** The 10th of last month, 09:00 UTC: inside last month in every Russian zone. */
function lastMonthInstant(hoursLater: number): string {
  const now = new Date();
  const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 9);
  return new Date(at + hoursLater * 3_600_000).toISOString();
}

function lastMonth(): { label: string; slug: string } {
  const at = new Date(lastMonthInstant(0));
  const month = at.getUTCMonth();
  return {
    label: `${MONTHS[month]} ${at.getUTCFullYear()} г.`,
    slug: `${at.getUTCFullYear()}-${String(month + 1).padStart(2, '0')}`,
  };
}

async function downloadFrom(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function buildLastMonth(page: Page) {
  await page.goto('/#/reports');
  await page.getByRole('checkbox', { name: /Столица/ }).check({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Построить отчёт' }).click();
}

/** A resolved P1 ticket of last month, synced to this computer through its ticket page. */
async function seedTicket(page: Page, request: Parameters<typeof createTicketInErp>[0]) {
  const title = `ЭКСПОРТ-E2E ${randomUUID().slice(0, 8)} сбой сервера`;
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
  await page.goto(`/#/ticket/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
    timeout: 20_000,
  });
  return title;
}

test.describe('report export', () => {
  test('XLSX, CSV and PDF through the buttons agree with the page; the letter draft carries both files', async ({
    page,
    request,
  }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval/i.test(message.text()))
        problems.push(message.text());
    });
    const title = await seedTicket(page, request);
    await buildLastMonth(page);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'P1', exact: true }) });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    const resolutionMet = Number(
      await row.getByRole('button', { name: /Решение: в срок/ }).textContent(),
    );
    expect(resolutionMet).toBeGreaterThanOrEqual(1);
    const month = lastMonth();
    const fileBase = `sla-otchet_${month.slug}_gbu-gorodskoy-kontakt-tsentr-stolitsa`;

    const xlsx = await downloadFrom(page, /Скачать XLSX/);
    expect(xlsx.name).toBe(`${fileBase}.xlsx`);
    await expect(page.getByRole('status').filter({ hasText: xlsx.name })).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    const summary = workbook.getWorksheet('Сводка')!;
    const headers = summary.getRow(1).values as unknown[];
    const p1 = summary
      .getRows(2, summary.rowCount - 1)!
      .find((r) => r.getCell(headers.indexOf('Приоритет')).value === 'P1')!;
    expect(p1.getCell(headers.indexOf('Решение: в срок')).value).toBe(resolutionMet);
    const tickets = workbook.getWorksheet('Заявки')!;
    const ticketRow = tickets
      .getRows(2, tickets.rowCount - 1)!
      .find((r) => r.getCell(2).value === title)!;
    // 10th 09:00 UTC is 12:00 in Moscow: the organization's wall clock, as a real date.
    expect(ticketRow.getCell(5).value).toBeInstanceOf(Date);
    expect((ticketRow.getCell(5).value as Date).toISOString()).toMatch(/-10T12:00:00\.000Z$/);

    const csv = await downloadFrom(page, /^CSV$/);
    expect(csv.name).toBe(`${fileBase}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toContain(
      `${title};ГБУ «Городской контакт-центр “Столица”»;P1`,
    );

    const pdf = await downloadFrom(page, /^PDF$/);
    expect(pdf.name).toBe(`${fileBase}.pdf`);
    const pages = await extractPdfText(new Uint8Array(pdf.bytes));
    const text = pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('Отчёт о соблюдении сроков поддержки');
    expect(text).toContain(month.label);
    expect(text).toContain('ГБУ «Городской контакт-центр „Столица“»');
    expect(text).toContain(title);
    expect(text).toContain(`стр. 1 из ${pages.length}`);

    await expect(page.getByRole('link', { name: 'Открыть в почтовой программе' })).toHaveAttribute(
      'href',
      /^mailto:support@kc-stolitsa\.ru/,
    );
    const eml = await downloadFrom(page, /Черновик \.eml/);
    expect(eml.name).toBe(`${fileBase}.eml`);
    const letter = await PostalMime.parse(eml.bytes.toString('latin1'));
    expect(letter.subject).toBe(`Отчёт о соблюдении сроков поддержки за ${month.label}`);
    expect(letter.to?.map((a) => ('address' in a ? a.address : ''))).toContain(
      'support@kc-stolitsa.ru',
    );
    expect(letter.text).toContain('— приоритет P1: заявок —');
    expect(letter.attachments.map((a) => a.filename)).toEqual([
      `${fileBase}.pdf`,
      `${fileBase}.xlsx`,
    ]);
    const attachedPdf = new Uint8Array(letter.attachments[0]!.content as ArrayBuffer);
    expect(new TextDecoder().decode(attachedPdf.subarray(0, 5))).toBe('%PDF-');
    expect(problems).toEqual([]);
  });

  test('screenshots at 1366×768 in both languages', async ({ page, request }) => {
    test.skip(!process.env.EXPORT_SCREENSHOTS, 'set EXPORT_SCREENSHOTS=<dir> to take them');
    const dir = process.env.EXPORT_SCREENSHOTS ?? '';
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await seedTicket(page, request);
    await buildLastMonth(page);
    const exportArea = page.getByRole('region', { name: 'Экспорт' });
    await exportArea.waitFor({ timeout: 30_000 });
    await downloadFrom(page, /^PDF$/);
    await exportArea.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/export-ru.png` });
    await page
      .getByRole('button', { name: /EN|English/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Build report' }).click();
    await page.getByRole('region', { name: 'Export' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${dir}/export-en.png` });
  });
});
