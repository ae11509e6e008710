import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { normalizeQuotes } from '../../../lib/quotes';
import { renderPdf } from '../../../lib/pdf/render-pdf';
import { fill } from './export-labels';
import type { ExportColumn, ExportTable, ExportValue, ReportExport } from './export-model';

/*
 * The report as a print-ready A4 document: landscape, because the ticket list has sixteen
 * columns; each table repeats its header on every page. Russian typography: numbers grouped and
 * decimal-commaed by Intl (its group separator is a non-breaking space), a non-breaking space
 * before % and in «стр. 1», an em-dash for "nothing", the customer's own quotes nested «…„…“…».
 */

const NONE = '—';

function pdfValue(value: ExportValue, column: ExportColumn, locale: string): string {
  if (value === null) return NONE;
  if (typeof value === 'number') {
    if (column.kind === 'share') {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    }
    const digits = column.kind === 'hours' ? 1 : 0;
    return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  }
  if (column.kind === 'instant') {
    const [date = '', time = ''] = value.split('T');
    const [year, month, day] = date.split('-');
    // A narrow column wraps the time under the date, never inside either.
    return `${day}.${month}.${year} ${time}`;
  }
  return value;
}

const GRID = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => '#999999',
  vLineColor: () => '#999999',
  paddingLeft: () => 2,
  paddingRight: () => 2,
};

function headerCell(text: string): TableCell {
  return { text, bold: true, fontSize: 6, fillColor: '#eeeeee' };
}

/** Organization × priority cells side by side per table: more would not fit a landscape line. */
const CELLS_PER_TABLE = 8;

/**
 * The summary turned on its side: a row per measure, a column per organization × priority. The
 * spreadsheet's twenty-odd columns cannot share one A4 line legibly; a report for one customer
 * (the usual one) reads as a short table of up to four columns.
 */
function summaryTables(source: ExportTable, language: 'ru' | 'en', locale: string): Content[] {
  const [nameAt, zoneAt, priorityAt] = [0, 1, 2];
  const measures = source.columns.slice(3);
  const tables: Content[] = [];
  for (let from = 0; from < source.rows.length; from += CELLS_PER_TABLE) {
    const rows = source.rows.slice(from, from + CELLS_PER_TABLE);
    const header = [
      headerCell(''),
      ...rows.map((row) =>
        headerCell(
          `${normalizeQuotes(String(row[nameAt]), language)}\n${String(row[zoneAt])} · ${String(row[priorityAt])}`,
        ),
      ),
    ];
    const body: TableCell[][] = measures.map((column, m) => [
      { text: column.header, bold: true },
      ...rows.map((row): TableCell => ({
        text: pdfValue(row[m + 3]!, column, locale),
        alignment: 'right',
      })),
    ]);
    tables.push({
      fontSize: 7,
      margin: [0, 0, 0, 8],
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [150, ...rows.map(() => (rows.length > 4 ? '*' : 110))],
        body: [header, ...body],
      },
      layout: GRID,
    });
  }
  return tables;
}

/** Texts get a fixed share of the line (from the spreadsheet's widths), numbers and dates the rest. */
function pdfWidth(column: ExportColumn): number | '*' {
  return column.kind === 'text' ? Math.min(column.width * 2.3, 105) : '*';
}

function ticketTable(source: ExportTable, language: 'ru' | 'en', locale: string): Content {
  const body: TableCell[][] = source.rows.map((row) =>
    row.map((value, i) => {
      const column = source.columns[i]!;
      const text = pdfValue(value, column, locale);
      return column.kind === 'text'
        ? normalizeQuotes(text, language)
        : { text, alignment: column.kind === 'instant' ? 'left' : 'right' };
    }),
  );
  return {
    fontSize: 6.5,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: source.columns.map(pdfWidth),
      body: [source.columns.map((column) => headerCell(column.header)), ...body],
    },
    layout: GRID,
  };
}

export function reportDocument(model: ReportExport): TDocumentDefinitions {
  const language = model.language;
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const labels = model.labels;
  const about = model.about.filter(([label]) => label !== labels.about.report);
  return {
    pageOrientation: 'landscape',
    info: { title: `${model.title}: ${model.period}`, creator: 'PROконтакт Support Desk' },
    content: [
      { text: model.title, fontSize: 15, bold: true },
      { text: model.period, fontSize: 12, margin: [0, 2, 0, 2] },
      {
        text: model.organizations
          .map((o) => `${normalizeQuotes(o.name, language)} (${o.timeZone})`)
          .join(', '),
        margin: [0, 0, 0, 8],
      },
      {
        fontSize: 8,
        margin: [0, 0, 0, 10],
        table: {
          widths: [110, '*'],
          body: about.map(([label, value]) => [
            { text: label, bold: true },
            normalizeQuotes(value, language),
          ]),
        },
        layout: 'noBorders',
      },
      { text: labels.sheets.summary, fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
      ...summaryTables(model.summary, language, locale),
      {
        text: labels.sheets.tickets,
        fontSize: 11,
        bold: true,
        margin: [0, 0, 0, 4],
        pageBreak: 'before',
      },
      ticketTable(model.tickets, language, locale),
    ],
    footer: (page, pages) => ({
      margin: [40, 14, 40, 0],
      fontSize: 7.5,
      columns: [
        fill(labels.builtOn, { time: model.builtAt, version: model.appVersion }),
        { text: fill(labels.page, { page, pages }), alignment: 'right' },
      ],
    }),
  };
}

export function writePdf(model: ReportExport): Promise<Uint8Array> {
  return renderPdf(reportDocument(model));
}
