import { describe, expect, test } from 'vitest';
import { buildReportExport } from '../../../../../../renderer/features/reports/export/export-model';
import { writePdf } from '../../../../../../renderer/features/reports/export/write-pdf';
import { extractPdfText } from '../../../../../fixtures/pdf-text';
import { novemberReport, REQUEST_RU, ticketLine } from './report-fixture';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('writePdf', () => {
  test('landscape A4 with the title, period, organizations, their numbers and page numbers', async () => {
    const pages = await extractPdfText(
      await writePdf(buildReportExport(novemberReport(), REQUEST_RU)),
    );
    const text = plain(pages.map((p) => p.text).join(' '));
    expect(pages[0]!.width).toBeCloseTo(841.89, 1);
    expect(text).toContain('Отчёт о соблюдении сроков поддержки');
    expect(text).toContain('ноябрь 2026 г.');
    // The name's own quotes nested the Russian way: „…“ inside «…».
    expect(text).toContain('ГБУ «Городской контакт-центр „Столица“» (Europe/Moscow)');
    expect(text).toContain('ООО Восток');
    // The summary on its side: a row per measure, Moscow's P1 then Vladivostok's P3; shares
    // with a (non-breaking) space before %, hours with a decimal comma, an em-dash for none.
    expect(text).toContain('Решение: доля в срок 50 % —');
    expect(text).toContain('Реакция: 90-й процентиль, ч 0,8 2');
    expect(text).toContain('Пауза: ждём данных от пользователя, ч 1,5 0');
    expect(text).toContain('Продления P3, ч 0 16');
    expect(text).toContain('03.11.2026 10:15');
    expect(text).toContain('=HYPERLINK(«http://evil»)');
    expect(text).toContain('01.12.2026 00:00');
    expect(plain(pages[0]!.text)).toContain('стр. 1 из 2');
    expect(pages.at(-1)!.text).toContain(
      'Построен 01.12.2026 12:30 +03:00, PROконтакт Support Desk 1.2.3',
    );
  });

  test('many tickets paginate, the header repeats and the last page says «стр. N из N»', async () => {
    const report = novemberReport();
    for (let i = 0; i < 300; i++) {
      report.lines[`many-${i}`] = ticketLine(`many-${i}`, 5000 + i, `Заявка ${i}`, 'org-msk');
    }
    const pages = await extractPdfText(await writePdf(buildReportExport(report, REQUEST_RU)));
    expect(pages.length).toBeGreaterThan(4);
    const n = pages.length;
    expect(plain(pages.at(-1)!.text)).toContain(`стр. ${n} из ${n}`);
    for (const page of pages.slice(2)) expect(page.text).toMatch(/^№ Тема Организация/);
    expect(plain(pages.map((p) => p.text).join(' '))).toContain('5299 Заявка 299');
  });
});
