import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildReportExport } from '../../../../../../renderer/features/reports/export/export-model';
import { csvField, writeCsv } from '../../../../../../renderer/features/reports/export/write-csv';
import { novemberReport, REQUEST_RU } from './report-fixture';

/** RFC 4180 with `;`: what Excel does when it opens the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('writeCsv', () => {
  const csv = writeCsv(buildReportExport(novemberReport(), REQUEST_RU));

  test('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(true); // only inside the quoted title
  });

  test('splits back into the summary and ticket rows, Cyrillic intact, numbers with a decimal comma', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Отчёт о соблюдении сроков поддержки: ноябрь 2026 г.']);
    expect(rows[2]).toEqual(['Сводка']);
    expect(rows[3]!.slice(0, 7)).toEqual([
      'Организация',
      'Часовой пояс',
      'Приоритет',
      'Заявок',
      'Реакция: в срок',
      'Реакция: нарушено',
      'Реакция: доля в срок, %',
    ]);
    expect(rows[4]).toEqual([
      'ГБУ «Городской контакт-центр "Столица"»',
      'Europe/Moscow',
      'P1',
      '2',
      '2',
      '0',
      '100',
      '1',
      '1',
      '50',
      '0,5',
      '0,75',
      '3',
      '6',
      '1,5',
      '1,5',
      '0',
      '0',
      '0',
      '0',
    ]);
    const ticketsAt = rows.findIndex((r) => r[0] === 'Заявки');
    expect(rows[ticketsAt + 2]!.slice(0, 5)).toEqual([
      '1042',
      // A customer's formula is text: the apostrophe keeps Excel from running it.
      `'=HYPERLINK("http://evil")`,
      'ГБУ «Городской контакт-центр "Столица"»',
      'P1',
      '03.11.2026 10:15',
    ]);
    expect(rows[ticketsAt + 3]![1]).toBe('Не формируется отчёт "Остатки"; срочно');
    expect(rows[ticketsAt + 4]![1]).toBe('Нет связи с АТС\nвторая строка');
    // Empty rows separate the tables; no other row is short of fields.
    expect(rows.length).toBe(ticketsAt + 5);
  });

  test('any text survives quoting: a field reads back as it was written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2 }), { minLength: 1 }),
        (rows) => {
          const text = rows.map((r) => r.map(csvField).join(';') + '\r\n').join('');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });
});
