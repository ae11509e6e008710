import type { ComplianceReport, ReportCell, TicketLine } from '@shared/reports';
import type { ExportRequest } from '../../../../../../renderer/features/reports/export/export-model';

const HOUR = 3_600_000;
const drill = (...ticketIds: string[]) => ({ count: ticketIds.length, ticketIds });

/** Two organizations: Moscow (UTC+3 all year) and Vladivostok (UTC+10 all year). */
export const ORGANIZATIONS = [
  { id: 'org-msk', name: 'ГБУ «Городской контакт-центр "Столица"»', timeZone: 'Europe/Moscow' },
  { id: 'org-vvo', name: 'ООО Восток', timeZone: 'Asia/Vladivostok' },
];

function cell(organizationId: string, priority: 1 | 3, extra: Partial<ReportCell>): ReportCell {
  return {
    organizationId,
    priority,
    tickets: drill(),
    reactionMet: drill(),
    reactionBreached: drill(),
    resolutionMet: drill(),
    resolutionBreached: drill(),
    reactionShareMet: null,
    resolutionShareMet: null,
    reactionMedian: null,
    reactionP90: null,
    resolutionMedian: null,
    resolutionP90: null,
    paused: [],
    extensions: { ...drill(), hours: 0 },
    fixDateAnswers: drill(),
    openAtEnd: drill(),
    ...extra,
  };
}

export function ticketLine(
  id: string,
  number: number | null,
  title: string,
  organizationId: string,
  extra: Partial<TicketLine> = {},
): TicketLine {
  return {
    ticketId: id,
    number,
    title,
    organizationId,
    priority: 1,
    // 2026-11-03T07:15Z is 10:15 in Moscow (UTC+3, no DST since 2014).
    createdAt: '2026-11-03T07:15:00.000Z',
    reaction: {
      verdict: 'met',
      elapsedMs: 0.5 * HOUR,
      targetMs: 1 * HOUR,
      dueAt: '2026-11-03T08:15:00.000Z',
      stoppedAt: '2026-11-03T07:45:00.000Z',
    },
    resolution: {
      verdict: 'breached',
      elapsedMs: 6 * HOUR,
      targetMs: 4 * HOUR,
      dueAt: '2026-11-03T11:15:00.000Z',
      stoppedAt: null,
    },
    pausedMs: {},
    extensionHours: 0,
    fixDate: null,
    ...extra,
  };
}

export function novemberReport(): ComplianceReport {
  return {
    period: { kind: 'month', year: 2026, month: 11 },
    from: '2026-11-01',
    to: '2026-12-01',
    cells: [
      cell('org-msk', 1, {
        tickets: drill('t1', 't2'),
        reactionMet: drill('t1', 't2'),
        resolutionMet: drill('t2'),
        resolutionBreached: drill('t1'),
        reactionShareMet: 1,
        resolutionShareMet: 0.5,
        reactionMedian: { ms: 0.5 * HOUR, ticketId: 't1' },
        reactionP90: { ms: 0.75 * HOUR, ticketId: 't2' },
        resolutionMedian: { ms: 3 * HOUR, ticketId: 't2' },
        resolutionP90: { ms: 6 * HOUR, ticketId: 't1' },
        paused: [{ reason: 'awaiting_user_info', ms: 1.5 * HOUR, ticketIds: ['t1'] }],
      }),
      cell('org-vvo', 3, {
        tickets: drill('t3'),
        reactionMet: drill('t3'),
        reactionShareMet: 1,
        reactionMedian: { ms: 2 * HOUR, ticketId: 't3' },
        reactionP90: { ms: 2 * HOUR, ticketId: 't3' },
        extensions: { ...drill('t3'), hours: 16 },
        openAtEnd: drill('t3'),
      }),
    ],
    weeks: [],
    resolutionDistribution: [],
    paused: [],
    lines: {
      t1: ticketLine('t1', 1042, '=HYPERLINK("http://evil")', 'org-msk', {
        pausedMs: { awaiting_user_info: 1.5 * HOUR },
      }),
      t2: ticketLine('t2', 1043, 'Не формируется отчёт "Остатки"; срочно', 'org-msk', {
        resolution: {
          verdict: 'met',
          elapsedMs: 3 * HOUR,
          targetMs: 4 * HOUR,
          dueAt: '2026-11-03T11:15:00.000Z',
          stoppedAt: '2026-11-03T10:15:00.000Z',
        },
      }),
      t3: ticketLine('t3', null, 'Нет связи с АТС\nвторая строка', 'org-vvo', {
        priority: 3,
        // 2026-11-30T14:00Z is 2026-12-01 00:00 in Vladivostok (UTC+10): the local date differs.
        createdAt: '2026-11-30T14:00:00.000Z',
        reaction: {
          verdict: 'met',
          elapsedMs: 2 * HOUR,
          targetMs: 4 * HOUR,
          dueAt: null,
          stoppedAt: '2026-11-30T16:00:00.000Z',
        },
        resolution: {
          verdict: 'open',
          elapsedMs: 5 * HOUR,
          targetMs: 24 * HOUR,
          dueAt: null,
          stoppedAt: null,
        },
        extensionHours: 16,
      }),
    },
    unevaluable: [],
  };
}

export const REQUEST_RU: ExportRequest = {
  language: 'ru',
  organizations: ORGANIZATIONS,
  organizationIds: [],
  priorities: [],
  // 2026-12-01T09:30Z is 12:30 in Moscow.
  builtAt: new Date('2026-12-01T09:30:00.000Z'),
  deviceZone: 'Europe/Moscow',
  appVersion: '1.2.3',
};
