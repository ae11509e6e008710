import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { buildReportExport } from '../../../../../../renderer/features/reports/export/export-model';
import {
  exportFileName,
  latinSlug,
  periodLabel,
} from '../../../../../../renderer/features/reports/export/period-label';
import { novemberReport, REQUEST_RU, ticketLine } from './report-fixture';

describe('buildReportExport', () => {
  const model = buildReportExport(novemberReport(), REQUEST_RU);

  test('a summary row per organization × priority with every column of the page, numbers as numbers', () => {
    const headers = model.summary.columns.map((c) => c.header);
    // Only the pause reason that occurs gets a column.
    expect(headers).toContain('Пауза: ждём данных от пользователя, ч');
    expect(headers.filter((h) => h.startsWith('Пауза:'))).toHaveLength(1);
    const row = Object.fromEntries(model.summary.rows[0]!.map((v, i) => [headers[i], v]));
    expect(row).toMatchObject({
      Организация: 'ГБУ «Городской контакт-центр "Столица"»',
      'Часовой пояс': 'Europe/Moscow',
      Приоритет: 'P1',
      Заявок: 2,
      'Реакция: в срок': 2,
      'Реакция: нарушено': 0,
      'Реакция: доля в срок': 1,
      'Решение: в срок': 1,
      'Решение: нарушено': 1,
      'Решение: доля в срок': 0.5,
      'Реакция: медиана, ч': 0.5,
      'Реакция: 90-й процентиль, ч': 0.75,
      'Решение: медиана, ч': 3,
      'Решение: 90-й процентиль, ч': 6,
      'Приостановлено всего, ч': 1.5,
      'Пауза: ждём данных от пользователя, ч': 1.5,
      'Продления P3, заявок': 0,
      'Ответы P4 с датой': 0,
      'Открыто на конец периода': 0,
    });
    const vvo = Object.fromEntries(model.summary.rows[1]!.map((v, i) => [headers[i], v]));
    expect(vvo).toMatchObject({
      'Решение: доля в срок': null,
      'Решение: медиана, ч': null,
      'Продления P3, заявок': 1,
      'Продления P3, ч': 16,
      'Открыто на конец периода': 1,
    });
  });

  test('ticket rows carry instants as the wall clock of the ticket’s organization', () => {
    // Every date-and-time header says whose clock it is.
    const headers = model.tickets.columns.map((c) => c.header.replace(' (время организации)', ''));
    expect(model.tickets.columns.filter((c) => c.header.endsWith(' (время организации)'))).toEqual(
      model.tickets.columns.filter((c) => c.kind === 'instant'),
    );
    expect(model.tickets.columns.filter((c) => c.kind === 'instant')).toHaveLength(5);
    const rows = model.tickets.rows.map((r) =>
      Object.fromEntries(r.map((v, i) => [headers[i], v])),
    );
    expect(rows.map((r) => r['№'])).toEqual(['1042', '1043', 'без номера']);
    // 07:15Z is 10:15 in Moscow (UTC+3).
    expect(rows[0]).toMatchObject({
      Создана: '2026-11-03T10:15',
      'Реакция: вердикт': 'в срок',
      'Реакция: учтено, ч': 0.5,
      'Реакция: норматив, ч': 1,
      'Решение: вердикт': 'нарушено',
      'Решение: учтено, ч': 6,
      'Решение: остановлены': null,
    });
    // 2026-11-30T14:00Z is already 1 December 00:00 in Vladivostok (UTC+10).
    expect(rows[2]).toMatchObject({ Создана: '2026-12-01T00:00', 'Решение: вердикт': 'открыто' });
  });

  test('a ticket’s created time is its organization’s wall clock, as luxon reads it, across DST', () => {
    const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (timeZone, at) => {
          const report = novemberReport();
          report.lines = { x: ticketLine('x', 1, 't', 'org-x', { createdAt: at.toISOString() }) };
          const exported = buildReportExport(report, {
            ...REQUEST_RU,
            organizations: [{ id: 'org-x', name: 'X', timeZone }],
          });
          expect(exported.tickets.rows[0]![4]).toBe(
            DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm"),
          );
        },
      ),
    );
  });

  test('names the period, the filters, the counting rule, the build time and version', () => {
    const about = Object.fromEntries(model.about);
    expect(about['Период']).toBe('ноябрь 2026 г.');
    expect(about['Организации']).toBe(
      'все: ГБУ «Городской контакт-центр "Столица"» (Europe/Moscow); ООО Восток (Asia/Vladivostok)',
    );
    expect(about['Приоритеты']).toBe('все');
    expect(about['Правило учёта']).toContain('в момент истечения срока');
    // 09:30Z is 12:30 in Moscow.
    expect(about['Построен']).toBe('01.12.2026 12:30 +03:00');
    expect(about['Версия приложения']).toBe('1.2.3');
  });

  test('in English the same numbers under English headers', () => {
    const en = buildReportExport(novemberReport(), {
      ...REQUEST_RU,
      language: 'en',
      priorities: [3, 1],
    });
    expect(en.summary.rows).toEqual(model.summary.rows);
    expect(en.summary.columns.map((c) => c.kind)).toEqual(model.summary.columns.map((c) => c.kind));
    expect(en.period).toBe('November 2026');
    expect(Object.fromEntries(en.about)['Priorities']).toBe('P1, P3');
    expect(en.tickets.rows[2]![0]).toBe('no number');
  });
});

describe('period labels and file names', () => {
  test.each([
    [{ kind: 'month', year: 2026, month: 11 } as const, 'ноябрь 2026 г.'],
    [{ kind: 'quarter', year: 2026, quarter: 4 } as const, 'IV квартал 2026 г.'],
    // `to` is exclusive: the last day shown is the 15th.
    [
      { kind: 'custom', from: '2026-11-01', to: '2026-11-16' } as const,
      'с 01.11.2026 по 15.11.2026 включительно',
    ],
  ])('%j is «%s»', (period, label) => {
    expect(periodLabel(period, 'ru')).toBe(label);
  });

  test('file names are Latin only', () => {
    const november = { kind: 'month', year: 2026, month: 11 } as const;
    expect(exportFileName(november, ['ГБУ «Городской контакт-центр "Столица"»'], 'xlsx')).toBe(
      'sla-otchet_2026-11_gbu-gorodskoy-kontakt-tsentr-stolitsa.xlsx',
    );
    expect(exportFileName(november, ['A', 'B', 'C'], 'pdf')).toBe('sla-otchet_2026-11_3-org.pdf');
    expect(latinSlug('Café Объём')).toBe('cafe-obem');
    expect(latinSlug('«»')).toBe('org');
  });
});
