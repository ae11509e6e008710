import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { normalizeQuotes } from '../../../lib/quotes';
import { renderPdf } from '../../../lib/pdf/render-pdf';
import { fill } from './export-labels';
import type { ExportColumn, ExportTable, ExportValue, ReportExport } from './export-model';

/*
 * The report as a print-ready A4 document: landscape, because the summary has twenty-odd
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
    // A no-break space keeps a date on one line with its time.
    return `${day}.${month}.${year}\u00a0${time}`;
  }
  return column.kind === 'text' ? normalizeQuotes(value, locale === 'ru-RU' ? 'ru' : 'en') : value;
}

function table(source: ExportTable, locale: string, firstWidth: number): Content {
  const header: TableCell[] = source.columns.map((column) => ({
    text: column.header,
    bold: true,
    fillColor: '#eeeeee',
  }));
  const body: TableCell[][] = source.rows.map((row) =>
    row.map((value, i) => {
      const column = source.columns[i]!;
      const text = pdfValue(value, column, locale);
      return column.kind === 'text' ? text : { text, alignment: 'right' };
    }),
  );
  return {
    fontSize: 6.5,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: source.columns.map((_, i) => (i === firstWidth ? '*' : 'auto')),
      body: [header, ...body],
    },
    layout: {
      hLineWidth: () => 0.4,
      vLineWidth: () => 0.4,
      hLineColor: () => '#999999',
      vLineColor: () => '#999999',
      paddingLeft: () => 2,
      paddingRight: () => 2,
    },
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
      table(model.summary, locale, 0),
      {
        text: labels.sheets.tickets,
        fontSize: 11,
        bold: true,
        margin: [0, 0, 0, 4],
        pageBreak: 'before',
      },
      table(model.tickets, locale, 1),
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
