import { letterEn, letterRu } from './eml/letter-messages';

/**
 * Texts of the intake form (Russian first; `intakeEn` mirrors the keys). Labels and hints follow
 * §4 of the support regulation; the priority definitions quote its Table 1 word for word.
 */
export const intakeRu = {
  title: 'Новая заявка',
  lead: 'Регистрация обращения от имени заказчика: на площадке, по телефону, без связи.',
  back: 'К очереди',
  required: 'обязательно',
  sections: {
    customer: 'Заказчик',
    priority: 'Приоритет',
    description: 'Неисправность',
  },
  labels: {
    organizationId: 'Организация',
    account: 'Учётная запись',
    reporterEmail: 'E-mail для ответа',
    createdAt: 'Время обращения',
    lateRegistration: 'Поздняя регистрация',
    lateRegistrationReason: 'Причина поздней регистрации',
    priority: 'Приоритет',
    title: 'Тема',
    steps: 'Действия пользователя',
    expected: 'Ожидаемый результат',
    actual: 'Фактический результат',
    diagnostics: 'Первичная диагностика',
    notUserSideConfirmed: 'Подтверждение пользователя',
  },
  confirmLabel: 'Пользователь подтвердил, что причина не находится в зоне его ответственности',
  hints: {
    organizationId: 'в которой была зафиксирована ошибка',
    account: 'под которой выявилась неисправность',
    reporterEmail: 'на него сообщается результат проведения работ',
    createdAt: 'с него начинается отсчёт сроков',
    lateRegistrationReason: 'например: письмо нашлось в папке «Спам»; причина сохраняется в заявке',
    title: 'кратко: что не работает',
    steps: 'пошаговое описание действий, которые привели к обнаружению неисправности',
    expected: 'описание процессов, которые должны были запуститься при выполнении действий',
    actual: 'результат выполнения действий',
    diagnostics: 'что пользователь проверил своими силами и с каким результатом',
  },
  organization: {
    choose: 'Выберите организацию',
    loading: 'Загрузка…',
    noneYet: 'Организации ещё не получены из ERP: выполните синхронизацию.',
    zone: 'Часовой пояс',
    calendar: 'Календарь',
    calendars: {
      RU: 'производственный календарь РФ',
      none: 'пн–пт, без праздников',
    },
  },
  createdAt: {
    now: 'Сейчас',
    nowHint: 'время регистрации — ставится при сохранении',
    inZone: 'по времени организации: {{zone}}, {{offset}}',
    yours: 'у вас это {{time}} ({{offset}})',
  },
  late: {
    notice_one:
      'Обращение создано более {{count}} дня назад: сроки по нему, скорее всего, уже истекли. Зарегистрировать его можно, указав причину опоздания.',
    notice_few:
      'Обращение создано более {{count}} дней назад: сроки по нему, скорее всего, уже истекли. Зарегистрировать его можно, указав причину опоздания.',
    notice_many:
      'Обращение создано более {{count}} дней назад: сроки по нему, скорее всего, уже истекли. Зарегистрировать его можно, указав причину опоздания.',
    notice_other:
      'Обращение создано более {{count}} дня назад: сроки по нему, скорее всего, уже истекли. Зарегистрировать его можно, указав причину опоздания.',
    confirm: 'Заявка регистрируется с опозданием',
  },
  priority: {
    intro:
      'По таблице 1 Положения. Сроки отсчитываются с времени создания инцидента пользователем, в часовом поясе пользователя.',
    reaction: 'реакция',
    resolution: 'решение',
    allDay: 'круглосуточно',
    workingDays: 'рабочие дни {{start}}–{{end}}',
    p1: 'Полный отказ информационной системы на продуктивном сервере в течение более 20 минут, не позволяющий функционировать ПО для всех пользователей.',
    p2: 'Ошибки, находящиеся в зоне ответственности разработчика, которые блокируют работоспособность одного модуля ПО для всех пользователей.',
    p3: 'Ошибки, находящиеся в зоне ответственности разработчика, которые оказывают существенное негативное влияние на работоспособность и выполнение основных функций модулей ПО. При этом отсутствует возможность временного (обходного) решения.',
    p4: 'Не относящийся к наивысшему, высокому, среднему приоритету. Невозможность выполнения одной или нескольких функций ПО, не относящихся к основному функционалу. Незначительно влияет на работу модулей ПО. Невозможно решение без проведения анализа и доработки ПО. Наличие обходного решения.',
    p3Target:
      'В случае если для устранения неисправности необходимо исправление кода и обновление системы, срок решения инцидента может быть увеличен по согласованию.',
    p4Target:
      'Лимит — на предоставление ответа с указанием даты проведения обновления, в котором будет исправлена ошибка.',
  },
  errors: {
    summary_one: 'Заявка не сохранена: исправьте {{count}} поле',
    summary_few: 'Заявка не сохранена: исправьте {{count}} поля',
    summary_many: 'Заявка не сохранена: исправьте {{count}} полей',
    summary_other: 'Заявка не сохранена: исправьте {{count}} поля',
    required: {
      organizationId: 'Выберите организацию.',
      account: 'Укажите учётную запись, под которой выявилась неисправность.',
      reporterEmail: 'Укажите e-mail, на который сообщить результат.',
      title: 'Укажите тему заявки.',
      steps: 'Опишите действия, которые привели к неисправности.',
      expected: 'Опишите, что должно было произойти.',
      actual: 'Опишите, что произошло на самом деле.',
      diagnostics: 'Укажите результаты первичной диагностики.',
      lateRegistrationReason: 'Укажите причину поздней регистрации: она сохраняется в заявке.',
    },
    tooLong: 'Слишком длинно: не более {{limit}} символов.',
    email:
      'В адресе для ответа нужна одна «@» и ни одного пробела: вид name@example.ru, домен можно кириллицей (name@почта.рф).',
    emailMailbox:
      "Имя ящика в адресе для ответа (до «@») пишется латиницей: буквы, цифры и знаки . _ ' + -, точка не первой, не последней и не две подряд; домен после «@» можно кириллицей.",
    unknownOrganization: 'Этой организации нет на этом компьютере — выберите из списка.',
    priority: 'Выберите приоритет по таблице 1.',
    confirm: 'Без этого подтверждения заявка не принимается (§4 Положения).',
    createdAtFormat: 'Укажите дату и время полностью.',
    createdAtNonexistent: 'Такого времени в часовом поясе организации не было (перевод часов).',
    createdAtNeedsOrganization:
      'Сначала выберите организацию: время указывается по её часовому поясу.',
    createdAtFuture: 'Время обращения не может быть позже текущего момента.',
    createdAtYear: 'Время обращения — не раньше {{year}} года: проверьте год.',
    lateUnconfirmed_one:
      'Обращение создано более {{count}} дня назад: если время обращения указано верно, отметьте «Заявка регистрируется с опозданием» и укажите причину.',
    lateUnconfirmed_few:
      'Обращение создано более {{count}} дней назад: если время обращения указано верно, отметьте «Заявка регистрируется с опозданием» и укажите причину.',
    lateUnconfirmed_many:
      'Обращение создано более {{count}} дней назад: если время обращения указано верно, отметьте «Заявка регистрируется с опозданием» и укажите причину.',
    lateUnconfirmed_other:
      'Обращение создано более {{count}} дня назад: если время обращения указано верно, отметьте «Заявка регистрируется с опозданием» и укажите причину.',
    invalid: 'Значение не подходит.',
    refused: 'Заявка не сохранена: {{message}}',
  },
  letter: letterRu,
  submit: 'Зарегистрировать заявку',
  saving: 'Сохранение…',
  cancel: 'Отмена',
  offlineNote:
    'Заявка сохраняется на этом компьютере и уходит в ERP при синхронизации — связь для регистрации не нужна.',
};

export const intakeEn: typeof intakeRu = {
  title: 'New request',
  lead: 'Registering a request on behalf of a customer: on site, by phone, offline.',
  back: 'Back to the queue',
  required: 'required',
  sections: {
    customer: 'Customer',
    priority: 'Priority',
    description: 'Fault',
  },
  labels: {
    organizationId: 'Organization',
    account: 'Account',
    reporterEmail: 'Reply e-mail',
    createdAt: 'Reported at',
    lateRegistration: 'Late registration',
    lateRegistrationReason: 'Reason for the late registration',
    priority: 'Priority',
    title: 'Subject',
    steps: 'User’s actions',
    expected: 'Expected result',
    actual: 'Actual result',
    diagnostics: 'Primary diagnostics',
    notUserSideConfirmed: 'User’s confirmation',
  },
  confirmLabel: 'The user confirmed that the cause is not in their own zone of responsibility',
  hints: {
    organizationId: 'where the fault was seen',
    account: 'under which the fault appeared',
    reporterEmail: 'the result of the work is reported to it',
    createdAt: 'the SLA clocks start here',
    lateRegistrationReason:
      'for example: the e-mail turned up in the spam folder; the reason is kept with the request',
    title: 'in short: what does not work',
    steps: 'step by step, the actions that led to the fault',
    expected: 'the processes that should have run when the actions were taken',
    actual: 'what the actions resulted in',
    diagnostics: 'what the user checked on their own and what they found',
  },
  organization: {
    choose: 'Choose the organization',
    loading: 'Loading…',
    noneYet: 'No organizations from the ERP yet: run a sync.',
    zone: 'Time zone',
    calendar: 'Calendar',
    calendars: {
      RU: 'Russian production calendar',
      none: 'Mon–Fri, no holidays',
    },
  },
  createdAt: {
    now: 'Now',
    nowHint: 'the moment of registration, stamped on saving',
    inZone: 'in the organization’s time: {{zone}}, {{offset}}',
    yours: 'your time: {{time}} ({{offset}})',
  },
  late: {
    notice_one:
      'Reported more than {{count}} day ago: its deadlines have most likely passed. It can be registered with the reason for the delay.',
    notice_few:
      'Reported more than {{count}} days ago: its deadlines have most likely passed. It can be registered with the reason for the delay.',
    notice_many:
      'Reported more than {{count}} days ago: its deadlines have most likely passed. It can be registered with the reason for the delay.',
    notice_other:
      'Reported more than {{count}} days ago: its deadlines have most likely passed. It can be registered with the reason for the delay.',
    confirm: 'The request is registered late',
  },
  priority: {
    intro:
      'Per Table 1 of the regulation (translated). Targets count from when the user created the incident, in the user’s time zone.',
    reaction: 'reaction',
    resolution: 'resolution',
    allDay: 'around the clock',
    workingDays: 'business days {{start}}–{{end}}',
    p1: 'A full failure of the information system on the production server for more than 20 minutes, preventing the software from working for all users.',
    p2: 'Errors in the developer’s zone of responsibility that block one module of the software for all users.',
    p3: 'Errors in the developer’s zone of responsibility that significantly harm the operation and the main functions of the software’s modules, with no temporary (workaround) solution available.',
    p4: 'Not highest, high or medium priority. One or more functions outside the core functionality cannot be performed. Minor impact on the modules. Cannot be solved without analysis and rework of the software. A workaround exists.',
    p3Target:
      'If fixing the fault needs a code fix and a system update, the resolution time may be extended by agreement.',
    p4Target: 'The limit is for an answer naming the date of the update that will fix the error.',
  },
  errors: {
    summary_one: 'The request was not saved: fix {{count}} field',
    summary_few: 'The request was not saved: fix {{count}} fields',
    summary_many: 'The request was not saved: fix {{count}} fields',
    summary_other: 'The request was not saved: fix {{count}} fields',
    required: {
      organizationId: 'Choose the organization.',
      account: 'Enter the account under which the fault appeared.',
      reporterEmail: 'Enter the e-mail address to report the result to.',
      title: 'Enter the subject of the request.',
      steps: 'Describe the actions that led to the fault.',
      expected: 'Describe what should have happened.',
      actual: 'Describe what actually happened.',
      diagnostics: 'Enter the results of the primary diagnostics.',
      lateRegistrationReason:
        'Give the reason for the late registration: it is kept with the request.',
    },
    tooLong: 'Too long: at most {{limit}} characters.',
    email:
      'The reply address needs one “@” and no spaces: like name@example.com; the domain may be Cyrillic (name@почта.рф).',
    emailMailbox:
      "The mailbox of the reply address (before “@”) takes Latin letters, digits and . _ ' + - (a dot neither first, last nor doubled); the domain after “@” may be Cyrillic.",
    unknownOrganization: 'This organization is not on this computer — choose one from the list.',
    priority: 'Choose a priority per Table 1.',
    confirm: 'Without this confirmation the request is not accepted (§4 of the regulation).',
    createdAtFormat: 'Enter the full date and time.',
    createdAtNonexistent:
      'This time did not exist in the organization’s time zone (a clock change).',
    createdAtNeedsOrganization:
      'Choose the organization first: the time is given in its time zone.',
    createdAtFuture: 'The request cannot have been reported later than now.',
    createdAtYear: 'The reported time must be in {{year}} or later: check the year.',
    lateUnconfirmed_one:
      'Reported more than {{count}} day ago: if the reported time is right, tick “The request is registered late” and give the reason.',
    lateUnconfirmed_few:
      'Reported more than {{count}} days ago: if the reported time is right, tick “The request is registered late” and give the reason.',
    lateUnconfirmed_many:
      'Reported more than {{count}} days ago: if the reported time is right, tick “The request is registered late” and give the reason.',
    lateUnconfirmed_other:
      'Reported more than {{count}} days ago: if the reported time is right, tick “The request is registered late” and give the reason.',
    invalid: 'This value does not fit.',
    refused: 'The request was not saved: {{message}}',
  },
  letter: letterEn,
  submit: 'Register the request',
  saving: 'Saving…',
  cancel: 'Cancel',
  offlineNote:
    'The request is saved on this computer and goes to the ERP with the next sync — no connection is needed to register it.',
};
