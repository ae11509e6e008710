import type { QueueInvalidCode } from '@shared/queue/queue-entry';

/*
 * What the window says when the SLA engine cannot evaluate a ticket: one reason per error code,
 * never the engine's own (English) message, which goes into the copied diagnostics instead.
 * Russian first; `slaErrorEn` mirrors the keys, and both must cover every code.
 */
const reasonsRu = {
  now_before_created:
    'часы компьютера показывают время раньше создания заявки, а время ERP ещё не измерено. Сроки появятся после синхронизации с ERP или когда часы будут исправлены.',
  invalid_now: 'часы компьютера показывают недопустимое время.',
  invalid_ticket:
    'данные заявки записаны с ошибкой (приоритет, время создания или журнал событий).',
  unknown_zone: 'часовой пояс организации неизвестен этому компьютеру.',
  unknown_calendar: 'производственный календарь организации неизвестен этому компьютеру.',
  invalid_event: 'одно из событий журнала заявки записано с ошибкой.',
  event_before_created: 'в журнале заявки есть событие раньше её создания.',
  events_out_of_order: 'события в журнале заявки идут не по порядку времени.',
  event_not_allowed:
    'журнал заявки противоречит регламенту (например, повторная приостановка или продление срока не для П3).',
  year_not_supported: 'сроки выходят за годы, для которых известно рабочее время (1970–2199).',
  invalid_config: 'правила расчёта сроков заданы с ошибкой.',
  organization_unknown: 'организация заявки ещё не получена из ERP.',
  unexpected: 'непредвиденная ошибка при расчёте сроков.',
} satisfies Record<QueueInvalidCode, string>;

export const slaErrorRu = {
  title: 'Сроки не рассчитаны',
  because: 'Сроки не рассчитаны: {{reason}}',
  reasons: reasonsRu,
  copy: 'Скопировать диагностику',
  /** The queue row's button: its accessible name stays the full `copy`. */
  copyShort: 'Скопировать',
  copiedShort: 'Скопировано',
  copied: 'Диагностика скопирована: вставьте её в письмо в службу поддержки.',
  copyRefused:
    'Скопировать не удалось: доступ к буферу обмена не разрешён. Выделите текст ниже и скопируйте его вручную.',
  copyRefusedShort:
    'Буфер обмена недоступен: откройте заявку, там текст можно скопировать вручную.',
  report: 'Диагностика',
};

export const slaErrorEn: typeof slaErrorRu = {
  title: 'Deadlines not calculated',
  because: 'Deadlines not calculated: {{reason}}',
  reasons: {
    now_before_created:
      "this computer's clock reads earlier than the ticket's creation, and the ERP's time has not been measured yet. Deadlines appear after a sync with the ERP or once the clock is fixed.",
    invalid_now: "this computer's clock reads an invalid time.",
    invalid_ticket: "the ticket's data is malformed (priority, creation time or event log).",
    unknown_zone: "this computer does not know the organization's time zone.",
    unknown_calendar: "this computer does not know the organization's production calendar.",
    invalid_event: "an event in the ticket's log is malformed.",
    event_before_created: "the ticket's log has an event before the ticket was created.",
    events_out_of_order: "the events in the ticket's log are not in time order.",
    event_not_allowed:
      "the ticket's log contradicts the regulation (for example, a second pause, or an extension of a ticket that is not P3).",
    year_not_supported:
      'the deadlines fall outside the years working time is known for (1970–2199).',
    invalid_config: 'the deadline rules are misconfigured.',
    organization_unknown: "the ticket's organization has not arrived from the ERP yet.",
    unexpected: 'an unexpected error occurred while calculating the deadlines.',
  },
  copy: 'Copy diagnostics',
  copyShort: 'Copy',
  copiedShort: 'Copied',
  copied: 'Diagnostics copied: paste them into an e-mail to support.',
  copyRefused:
    'Could not copy: access to the clipboard is not allowed. Select the text below and copy it by hand.',
  copyRefusedShort: 'The clipboard is not available: open the ticket to copy the text by hand.',
  report: 'Diagnostics',
};
