import type { PauseReason, SkipReason, SlaEventType } from '@shared/sla';
import type { ClockStatus } from '@shared/sla';
import type { EvidencePack, TimelineEntry } from '@shared/evidence';

/*
 * The evidence PDF's words. Russian only: the pack is a document for a dispute under a Russian
 * regulation, read by the customer's manager or lawyer, whatever language the engineer's screen is in.
 */

export const EVENT_WORDS: Record<SlaEventType, string> = {
  reacted: 'Взята в работу (реакция)',
  paused: 'Приостановлена',
  resumed: 'Возобновлена',
  resolved: 'Решена',
  fix_scheduled: 'Ответ с датой обновления',
  reopened: 'Открыта повторно',
  extended: 'Срок продлён по согласованию',
  priority_changed: 'Изменён приоритет',
};

export const RECORD_WORDS: Record<Exclude<TimelineEntry['kind'], 'sla_event'>, string> = {
  comment: 'Комментарий',
  work_log: 'Выезд / работы',
  assignment: 'Смена исполнителя',
  attachment: 'Приложен файл',
  attachment_removed: 'Файл убран',
};

export const PAUSE_WORDS: Record<PauseReason, string> = {
  user_side_fault: 'неисправность в зоне ответственности пользователя',
  third_party_fault: 'неисправность в зоне ответственности третьих лиц',
  awaiting_user_action: 'ожидание действий пользователя',
  awaiting_user_info: 'запрошена дополнительная информация у пользователя',
  awaiting_third_party_info: 'нужна информация от третьих лиц',
  user_unreachable: 'нет возможности связаться с пользователем',
  equipment_delivery: 'доставка и установка оборудования на объекте',
  other: 'иные обстоятельства не по вине разработчика',
};

export const SKIP_WORDS: Record<SkipReason, string> = {
  weekend: 'выходные',
  holiday: 'праздничные дни',
  short_day: 'сокращённый предпраздничный день',
  paused: 'пауза',
  resolved: 'после решения до повторного открытия',
};

export const DAY_KIND_WORDS = {
  workday: 'рабочий день',
  short_day: 'сокращённый день',
  working_weekend: 'рабочий выходной',
  round_the_clock: 'круглосуточно',
} as const;

export const STATUS_WORDS: Record<ClockStatus, string> = {
  met: 'срок соблюдён',
  breached: 'срок нарушен',
  running: 'срок идёт',
  waiting: 'срок идёт (сейчас нерабочее время)',
  paused: 'на паузе',
};

export const STATE_WORDS = { open: 'в работе', paused: 'на паузе', resolved: 'решена' } as const;

export const CLOCK_WORDS = { reaction: 'Время реакции', resolution: 'Время решения' } as const;

export function asOfWords(basis: EvidencePack['asOfBasis']): string {
  return basis === 'resolution'
    ? 'Сроки посчитаны на момент решения заявки (последнее событие SLA).'
    : 'Заявка не решена: сроки посчитаны на момент формирования материалов.';
}

export const SYNC_WORDS = { unsent: 'не отправлено', not_recorded: 'не записано' } as const;
