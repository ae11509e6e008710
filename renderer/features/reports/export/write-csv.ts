import type { ExportColumn, ExportTable, ExportValue, ReportExport } from './export-model';
import { guardFormula } from './cell-guard';

/*
 * CSV for Excel with a Russian locale, the program these files are opened in: `;` between
 * fields, because that locale's list separator is `;` and its decimal separator the comma (a `,`
 * file would open as one column); a decimal comma in numbers; a UTF-8 byte-order mark, without
 * which Excel reads UTF-8 as Windows-1251 and garbles Cyrillic; RFC 4180 quoting and CRLF.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/** One field as RFC 4180 writes it: quoted when it holds the separator, a quote or a line break. */
export function csvField(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function decimal(value: number, digits: number): string {
  // Rounded for reading, never a thousands separator: Excel must read the field back as a number.
  return String(Number(value.toFixed(digits))).replace('.', ',');
}

function csvValue(value: ExportValue, column: ExportColumn): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (column.kind === 'share') return decimal(value * 100, 1);
    if (column.kind === 'hours') return decimal(value, 2);
    return String(value);
  }
  if (column.kind === 'instant') {
    // Excel with a Russian locale reads «ДД.ММ.ГГГГ ЧЧ:ММ» as a date and time.
    const [date = '', time = ''] = value.split('T');
    const [year, month, day] = date.split('-');
    return `${day}.${month}.${year} ${time}`;
  }
  return guardFormula(value);
}

function header(column: ExportColumn): string {
  return column.kind === 'share' ? `${column.header}, %` : column.header;
}

function tableLines(title: string, table: ExportTable): string[][] {
  return [
    [title],
    table.columns.map(header),
    ...table.rows.map((row) => row.map((value, i) => csvValue(value, table.columns[i]!))),
  ];
}

/**
 * The summary, then the tickets, in one sheet-like file (each under its own title row, an
 * empty row between them), as Excel would show the workbook's two sheets one above the other.
 */
export function writeCsv(model: ReportExport): string {
  const lines = [
    [`${model.title}: ${model.period}`],
    [],
    ...tableLines(model.labels.sheets.summary, model.summary),
    [],
    ...tableLines(model.labels.sheets.tickets, model.tickets),
  ];
  return BOM + lines.map((fields) => fields.map(csvField).join(CSV_SEPARATOR) + '\r\n').join('');
}
