import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { buildReportExport } from '../../../../../../renderer/features/reports/export/export-model';
import { writeXlsx } from '../../../../../../renderer/features/reports/export/write-xlsx';
import { novemberReport, REQUEST_RU } from './report-fixture';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  const model = buildReportExport(novemberReport(), REQUEST_RU);

  test('three sheets; summary and tickets equal the model cell by cell, with real types', async () => {
    const workbook = await readBack(await writeXlsx(model));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Заявки', 'Об отчёте']);
    for (const [name, table] of [
      ['Сводка', model.summary],
      ['Заявки', model.tickets],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.header)]);
      table.rows.forEach((row, r) => {
        row.forEach((value, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          const kind = table.columns[c]!.kind;
          if (value === null) expect(cell.value).toBeNull();
          else if (kind === 'instant') {
            expect(cell.value).toBeInstanceOf(Date);
            // The organization's wall clock, written as Excel's zone-less date.
            expect((cell.value as Date).toISOString()).toBe(`${value as string}:00.000Z`);
            expect(cell.numFmt).toBe('dd.mm.yyyy hh:mm');
          } else if (typeof value === 'number') {
            expect(cell.value).toBe(value);
            expect(cell.numFmt).toBe({ count: '0', hours: '0.0', share: '0.0%' }[kind as string]);
          } else if (value.startsWith('=')) expect(cell.value).toBe(`'${value}`);
          else expect(cell.value).toBe(value);
        });
      });
      // Frozen header, autofilter over the header row.
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  test('a customer’s formula stays text and the about sheet names period and version', async () => {
    const workbook = await readBack(await writeXlsx(model));
    const title = workbook.getWorksheet('Заявки')!.getRow(2).getCell(2);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(`'=HYPERLINK("http://evil")`);
    const about = workbook.getWorksheet('Об отчёте')!;
    const pairs = about
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(pairs).toContainEqual(['Период', 'ноябрь 2026 г.']);
    expect(pairs).toContainEqual(['Версия приложения', '1.2.3']);
  });
});
