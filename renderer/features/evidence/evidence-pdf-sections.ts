import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ClockEvidence, EvidencePack, TimelineEntry } from '@shared/evidence';
import { quote } from '../../lib/quotes';
import { civilDateText, durationText, groupedHash, instantText, NBSP } from './evidence-pdf-format';
import {
  CLOCK_WORDS,
  DAY_KIND_WORDS,
  EVENT_WORDS,
  PAUSE_WORDS,
  RECORD_WORDS,
  SKIP_WORDS,
  STATE_WORDS,
  STATUS_WORDS,
  SYNC_WORDS,
} from './evidence-pdf-words';

/** The PDF's sections, each from the pack alone: what the JSON says, written for people. */

const DASH = '—';
const head = (...labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, bold: true, fillColor: '#eeeeee' }));
const heading = (text: string): Content => ({ text, style: 'heading' });
const table = (widths: Array<string | number>, body: TableCell[][]): Content => ({
  table: { headerRows: 1, dontBreakRows: true, widths, body },
  layout: 'lightHorizontalLines',
  fontSize: 8,
  margin: [0, 0, 0, 8],
});

export function priorityText(priority: number): string {
  return `П${priority}`;
}

export function requestSection(pack: EvidencePack): Content[] {
  const { request, schedule, software } = pack;
  const zone = request.organization.timeZone;
  const hours = schedule.businessHours;
  const rows: Array<[string, string]> = [
    [
      'Номер',
      request.number === null ? `не присвоен (id ${request.id})` : `№${NBSP}${request.number}`,
    ],
    ['Организация', request.organization.name],
    ['Часовой пояс', zone],
    [
      'Рабочее время',
      hours
        ? `${hours.start}–${hours.end} по рабочим дням (в сокращённый день до ${hours.shortDayEnd}), календарь ${software.calendar.name}`
        : 'круглосуточно, без выходных',
    ],
    ['Учётная запись', request.account],
    ['Адрес заявителя', request.reporterEmail],
    ['Тема', quote(request.title, 'ru')],
    ['Шаги воспроизведения', request.steps],
    ['Ожидаемый результат', request.expected],
    ['Фактический результат', request.actual],
    ['Первичная диагностика', request.diagnostics],
    [
      'Причина не в зоне пользователя',
      request.notUserSideConfirmed ? 'подтверждено заявителем' : 'не подтверждено',
    ],
    ['Приоритет при регистрации', priorityText(request.initialPriority)],
    ['Приоритет сейчас', priorityText(request.priority)],
    ['Создана', instantText(request.createdAt, zone)],
    ['Причина поздней регистрации', request.lateRegistrationReason ?? DASH],
    ['Состояние', STATE_WORDS[request.state]],
    ['Исполнитель', request.assignee?.name ?? 'не назначен'],
    ['Результат', request.result ?? DASH],
    [
      'Дата обновления с исправлением',
      request.releaseDate ? civilDateText(request.releaseDate) : DASH,
    ],
  ];
  return [
    heading('Заявка, как она зарегистрирована'),
    table([150, '*'], [head('Поле', 'Значение'), ...rows.map(([label, value]) => [label, value])]),
  ];
}

function describeEntry(entry: TimelineEntry, zone: string): string {
  switch (entry.kind) {
    case 'sla_event': {
      const details: string[] = [];
      if (entry.pauseReason) details.push(`причина: ${PAUSE_WORDS[entry.pauseReason]}`);
      if (entry.hours !== null) details.push(`на ${entry.hours}${NBSP}ч`);
      if (entry.toPriority !== null)
        details.push(`новый приоритет ${priorityText(entry.toPriority)}`);
      if (entry.releaseDate) details.push(`обновление от ${civilDateText(entry.releaseDate)}`);
      if (entry.note) details.push(quote(entry.note, 'ru'));
      return [EVENT_WORDS[entry.type], ...details].join('; ');
    }
    case 'comment':
      return `${RECORD_WORDS.comment}: ${quote(entry.text, 'ru')}`;
    case 'work_log':
      return `${RECORD_WORDS.work_log}: ${instantText(entry.startedAt, zone)} — ${instantText(entry.endedAt, zone)}${entry.note ? `; ${quote(entry.note, 'ru')}` : ''}`;
    case 'assignment':
      return `${RECORD_WORDS.assignment}: ${entry.from ? `от ${entry.from.name}` : 'не была назначена'}, ${entry.to ? `теперь ${entry.to.name}` : 'освобождена'}`;
    default:
      return `${RECORD_WORDS[entry.kind]}: ${quote(entry.name, 'ru')}, ${entry.size}${NBSP}байт, SHA-256 ${groupedHash(entry.sha256)}`;
  }
}

function syncText(entry: TimelineEntry, zone: string): string {
  return entry.sync.status === 'synced'
    ? instantText(entry.sync.receivedAt, zone)
    : SYNC_WORDS[entry.sync.status];
}

export function timelineSection(pack: EvidencePack): Content[] {
  const zone = pack.request.organization.timeZone;
  const rows: TableCell[][] = pack.timeline.map((entry) => [
    entry.adjusted
      ? {
          text: [
            instantText(entry.at, zone),
            { text: '\nвремя скорректировано ERP*', italics: true },
          ],
        }
      : instantText(entry.at, zone),
    describeEntry(entry, zone),
    entry.author,
    syncText(entry, zone),
  ]);
  const anyAdjusted = pack.timeline.some((entry) => entry.adjusted);
  return [
    heading('Хронология'),
    {
      text: `Все записи по времени действия; время — в часовом поясе организации (${zone}).`,
      margin: [0, 0, 0, 4],
    },
    table([92, '*', 80, 92], [head('Время действия', 'Событие', 'Автор', 'Получено ERP'), ...rows]),
    ...(anyAdjusted
      ? [
          {
            text: '* ERP записала время получения вместо указанного устройством: оно было в будущем для сервера или раньше предыдущего события. Запись сохранена, время отмечено.',
            fontSize: 8,
            margin: [0, 0, 0, 8],
          } satisfies Content,
        ]
      : []),
  ];
}

export function pausesSection(pack: EvidencePack): Content[] {
  const zone = pack.request.organization.timeZone;
  if (pack.pauses.length === 0)
    return [heading('Паузы'), { text: 'Пауз не было.', margin: [0, 0, 0, 8] }];
  const rows: TableCell[][] = pack.pauses.map((pause) => [
    PAUSE_WORDS[pause.reason] + (pause.note ? `; ${quote(pause.note, 'ru')}` : ''),
    instantText(pause.from, zone),
    pause.to === null
      ? `не окончена на ${instantText(pack.asOf, zone)}`
      : instantText(pause.to, zone),
    durationText(pause.wallMs),
    durationText(pause.uncountedWorkingMs),
  ]);
  return [
    heading('Паузы'),
    table(
      ['*', 84, 84, 58, 70],
      [head('Причина', 'С', 'По', 'Длительность', 'Рабочее время не учтено'), ...rows],
    ),
  ];
}

export function verdictRows(pack: EvidencePack): TableCell[][] {
  const zone = pack.request.organization.timeZone;
  return (['reaction', 'resolution'] as const).map((name) => {
    const { verdict } = pack.clocks[name];
    return [
      CLOCK_WORDS[name],
      { text: STATUS_WORDS[verdict.status], bold: true },
      durationText(verdict.targetMs),
      durationText(verdict.elapsedMs),
      verdict.dueAt ? instantText(verdict.dueAt, zone) : 'неизвестен (пауза)',
      verdict.stoppedAt ? instantText(verdict.stoppedAt, zone) : DASH,
    ];
  });
}

export function verdictSection(pack: EvidencePack): Content[] {
  const zone = pack.request.organization.timeZone;
  return [
    heading('Итог'),
    {
      text: `На ${instantText(pack.asOf, zone)}, приоритет ${priorityText(pack.request.priority)}:`,
      margin: [0, 0, 0, 4],
    },
    table(
      [66, 68, 50, 76, '*', '*'],
      [
        head('Срок', 'Итог', 'Норматив', 'Учтено', 'Крайний срок', 'Остановлен'),
        ...verdictRows(pack),
      ],
    ),
  ];
}

export function ledgerSection(clock: ClockEvidence, pack: EvidencePack): Content[] {
  const zone = pack.request.organization.timeZone;
  let total = 0;
  const counted: TableCell[][] = clock.counted.map((interval) => {
    total += interval.ms;
    return [
      interval.localDate ? civilDateText(interval.localDate) : DASH,
      `${instantText(interval.from, zone)} — ${instantText(interval.to, zone)}`,
      DAY_KIND_WORDS[interval.dayKind] + (interval.projected ? ', прогноз' : ''),
      durationText(interval.ms),
      durationText(total),
    ];
  });
  const skipped: TableCell[][] = clock.skipped.map((period) => [
    SKIP_WORDS[period.reason] + (period.pauseReason ? `: ${PAUSE_WORDS[period.pauseReason]}` : ''),
    period.fromDate ? civilDateText(period.fromDate) : instantText(period.from, zone),
    period.toDate
      ? civilDateText(period.toDate)
      : period.ongoing
        ? 'не окончена'
        : instantText(period.to, zone),
  ]);
  const target =
    clock.extensionMs > 0
      ? `${durationText(clock.baseTargetMs)} + продление ${durationText(clock.extensionMs)}`
      : durationText(clock.verdict.targetMs);
  return [
    heading(`${CLOCK_WORDS[clock.clock]}: как считался срок`),
    {
      text: `Норматив ${target}; учтено ${durationText(clock.countedMs)}; итог — ${STATUS_WORDS[clock.verdict.status]}.`,
      margin: [0, 0, 0, 4],
    },
    table(
      [52, '*', 62, 68, 72],
      [head('Дата', 'Учтённый интервал', 'День', 'Учтено', 'Итого'), ...counted],
    ),
    ...(skipped.length > 0
      ? [table(['*', 110, 110], [head('Не учтено', 'С', 'По'), ...skipped])]
      : []),
  ];
}
