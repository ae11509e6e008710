/** Russian is the product's language; every other locale mirrors these keys (see en.ts). */
export const ru = {
  app: {
    title: 'PROконтакт · Служба поддержки',
    product: 'PROконтакт',
    service: 'Служба поддержки',
  },
  language: {
    label: 'Язык интерфейса',
    ru: 'Русский',
    en: 'English',
  },
  connection: {
    online: 'В сети',
    offline: 'Нет сети',
    offlineHint:
      'Работа продолжается: изменения сохраняются на этом компьютере и уйдут в ERP, когда появится связь.',
  },
  sync: {
    label: 'Синхронизация',
    never: 'ещё не выполнялась',
    requestedAt: 'запрошена в {{time}}',
    erpNone: 'ERP: не подключена',
    erpRemote: 'ERP: {{host}}',
  },
  queue: {
    title: 'Очередь заявок',
    count_one: '{{count}} заявка',
    count_few: '{{count}} заявки',
    count_many: '{{count}} заявок',
    count_other: '{{count}} заявки',
    emptyTitle: 'Заявок пока нет',
    emptyBody:
      'Очередь появится после первой синхронизации с ERP. Заявки хранятся на этом компьютере, поэтому с ними можно работать и без связи: реакции, паузы и решения отправятся в ERP, как только связь восстановится.',
    alertsOn: 'Уведомления о сроках: при {{levels}} срока.',
    alertsOff: 'Уведомления о сроках выключены.',
  },
  targets: {
    title: 'Сроки по регламенту',
    priority: 'Приоритет',
    reaction: 'Реакция',
    resolution: 'Решение',
    schedule: 'Учитываемое время',
    p1: 'П1 · критический',
    p2: 'П2 · высокий',
    p3: 'П3 · средний',
    p4: 'П4 · низкий',
    hours: '{{count}} ч',
    p3Note: 'можно продлить по согласованию',
    p4Note: 'ответ с датой обновления',
    allDay: '24×7, включая праздники',
    workHours: 'рабочие часы',
    note: 'Рабочие часы — 09:00–18:00 в рабочие дни по времени организации, с учётом её часового пояса и производственного календаря.',
  },
  settings: {
    problemTitle: 'Настройки не прочитаны',
    problemBody:
      '{{source}}: {{detail}}. Действуют настройки по умолчанию. Прежние данные не тронуты: при сохранении новых настроек они будут отложены под другим именем, а не перезаписаны.',
    preserved: 'Прежние данные отложены: {{path}}.',
    dismiss: 'Скрыть',
  },
  status: {
    hostElectron: 'Настольное приложение',
    hostBrowser: 'Браузерный режим — для разработки и тестов',
    version: 'Версия {{version}}',
  },
};

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

/** Same keys as Russian, any text: a missing or extra key in a translation fails typecheck. */
export type Translation = Leaves<typeof ru>;
