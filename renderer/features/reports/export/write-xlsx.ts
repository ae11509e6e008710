import type { Workbook, Worksheet } from 'exceljs';
import type { ColumnKind, ExportTable, ExportValue, ReportExport } from './export-model';
import { guardFormula } from './cell-guard';

/** How each kind of value shows in Excel; the cell holds the number or date itself. */
export const XLSX_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '0',
  hours: '0.0',
  share: '0.0%',
  instant: 'dd.mm.yyyy hh:mm',
};

/**
 * An Excel date has no zone: it is the wall-clock time the reader sees. The organization's
 * local time is written as that wall clock (a Date whose UTC fields are the local ones, which is
 * how exceljs stores a Date), and the headers say whose zone it is.
 */
export function excelDate(wall: string): Date {
  return new Date(`${wall}:00Z`);
}

function cellValue(value: ExportValue, kind: ColumnKind): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'instant' && typeof value === 'string') return excelDate(value);
  return typeof value === 'string' ? guardFormula(value) : value;
}

function addTable(workbook: Workbook, name: string, table: ExportTable): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: XLSX_FORMATS[column.kind] ? { numFmt: XLSX_FORMATS[column.kind] } : {},
  }));
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => cellValue(value, table.columns[i]!.kind)));
  }
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.height = 45;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return sheet;
}

/** The workbook: summary, tickets, and a sheet naming the period, filters, rule and build. */
export async function writeXlsx(model: ReportExport): Promise<Uint8Array> {
  // Loaded on first export: ≈1 MB the queue never needs.
  const exceljs = await import('exceljs');
  // The browser build arrives as `default` (CommonJS under Vite), the Node one as the module too.
  const { Workbook } = 'default' in exceljs ? exceljs.default : exceljs;
  const workbook = new Workbook();
  workbook.creator = `PROконтакт Support Desk ${model.appVersion}`;
  workbook.title = `${model.title}: ${model.period}`;
  addTable(workbook, model.labels.sheets.summary, model.summary);
  addTable(workbook, model.labels.sheets.tickets, model.tickets);
  const about = workbook.addWorksheet(model.labels.sheets.about);
  about.columns = [{ width: 28 }, { width: 100 }];
  for (const [label, value] of model.about) {
    const row = about.addRow([label, guardFormula(value)]);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
