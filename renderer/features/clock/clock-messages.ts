/** Texts about this computer's clock (Russian first; `clockEn` mirrors the keys). */
export const clockRu = {
  behind: 'Часы компьютера отстают на {{amount}}; сроки показаны по времени ERP.',
  ahead: 'Часы компьютера спешат на {{amount}}; сроки показаны по времени ERP.',
  behindShort: 'Часы отстают на {{amount}}',
  aheadShort: 'Часы спешат на {{amount}}',
  hint: 'Таймеры, статусы и уведомления от этого не зависят. Проверьте дату, время и часовой пояс в настройках системы (расхождение измерено {{when}} при синхронизации с ERP).',
  collapse: 'Свернуть',
  expand: 'Подробнее',
  days_one: '{{count, number}} день',
  days_few: '{{count, number}} дня',
  days_many: '{{count, number}} дней',
  days_other: '{{count, number}} дня',
};

export const clockEn: typeof clockRu = {
  behind: "This computer's clock is {{amount}} behind; deadlines are shown in ERP time.",
  ahead: "This computer's clock is {{amount}} ahead; deadlines are shown in ERP time.",
  behindShort: 'Clock {{amount}} behind',
  aheadShort: 'Clock {{amount}} ahead',
  hint: 'Timers, statuses and alerts are not affected. Check the date, time and time zone in the system settings (the difference was measured {{when}} when syncing with the ERP).',
  collapse: 'Collapse',
  expand: 'Details',
  days_one: '{{count, number}} day',
  days_few: '{{count, number}} days',
  days_many: '{{count, number}} days',
  days_other: '{{count, number}} days',
};
