/** Texts of the `.eml` intake (Russian first; `letterEn` mirrors the keys), under `intake.letter`. */
export const letterRu = {
  title: 'Заявка из письма',
  drop: 'Перетащите сюда письмо (.eml) или',
  pick: 'выберите файл',
  pickLabel: 'Выбрать письмо (.eml)',
  dropHere: 'Отпустите, чтобы заполнить форму из письма',
  reading: 'Чтение письма…',
  from: 'Письмо «{{subject}}» от {{from}}',
  noSubject: 'без темы',
  sent: 'Отправлено {{time}} {{zone}} (заголовок Date). С этого момента идут сроки — проверьте время обращения ниже.',
  file: 'Файл: {{name}}',
  organization: {
    one: 'Организация найдена по домену отправителя — проверьте.',
    many: 'Домен отправителя есть у нескольких организаций ({{names}}): выберите нужную.',
    none: 'Организации с доменом {{domain}} нет в справочнике: выберите её вручную.',
  },
  mapping: {
    headings: 'Описание разнесено по полям по заголовкам письма («Шаги», «Ожидаемый результат»…).',
    whole:
      'В письме нет заголовков «Шаги», «Ожидаемый результат»…: текст целиком перенесён в «Фактический результат». Разнесите его по полям.',
    empty: 'В письме нет текста: заполните описание по телефону или ответным письмом.',
  },
  notFilled:
    'Учётная запись, приоритет и подтверждение пользователя из письма не берутся: их указывает инженер.',
  attachments: 'Вложения ({{count}}) — прикрепляются к заявке (см. «Файлы»):',
  attachmentUnnamed: 'без имени ({{type}})',
  replaceTitle: 'Заменить введённое данными письма?',
  replaceBody:
    'Форма уже заполнена. Письмо — это отдельное обращение: его данные заменят всё, что введено сейчас.',
  replaceKeep: 'Оставить как есть',
  replaceConfirm: 'Заменить',
  problems: {
    tooLarge: 'Файл больше {{limit}} МБ: это не письмо с заявкой. Форма не изменена.',
    empty: 'Файл пуст. Форма не изменена.',
    notEmail:
      'Это не письмо в формате .eml (нет заголовков письма). Письмо Outlook (.msg) сохраните как .eml («Файл → Сохранить как»). Форма не изменена.',
    unreadable: 'Письмо не удалось прочитать ({{detail}}). Форма не изменена.',
    noFrom: 'В письме нет адреса отправителя (From): некуда сообщить результат. Форма не изменена.',
    badFrom: 'Адрес отправителя «{{value}}» не является адресом e-mail. Форма не изменена.',
    noDate:
      'В письме нет даты отправки (Date): время обращения не из чего взять. Введите заявку вручную. Форма не изменена.',
    badDate:
      'Дата отправки «{{value}}» не читается как дата письма (RFC 5322). Введите заявку вручную. Форма не изменена.',
    futureDate:
      'Дата отправки письма ({{time}}) ещё не наступила: часы отправителя неверны. Введите время обращения вручную. Форма не изменена.',
    scripts:
      'Письмо содержит HTML со скриптами — так пишут не почтовые программы, а злоумышленники. Откройте его в почте и перенесите текст вручную. Форма не изменена.',
    many: 'Перетащите одно письмо, а не {{count}} файла. Форма не изменена.',
  },
};

export const letterEn: typeof letterRu = {
  title: 'Request from a letter',
  drop: 'Drop a letter (.eml) here or',
  pick: 'choose a file',
  pickLabel: 'Choose a letter (.eml)',
  dropHere: 'Release to fill the form from the letter',
  reading: 'Reading the letter…',
  from: 'Letter “{{subject}}” from {{from}}',
  noSubject: 'no subject',
  sent: 'Sent {{time}} {{zone}} (the Date header). The deadlines run from then — check the request time below.',
  file: 'File: {{name}}',
  organization: {
    one: 'Organization found by the sender’s domain — check it.',
    many: 'Several organizations have the sender’s domain ({{names}}): choose one.',
    none: 'No organization has the domain {{domain}}: choose it by hand.',
  },
  mapping: {
    headings:
      'The description was split into fields by the letter’s headings (“Steps”, “Expected result”…).',
    whole:
      'The letter has no headings such as “Steps” or “Expected result”: all of its text went to “Actual result”. Spread it over the fields.',
    empty: 'The letter has no text: get the description by phone or by a reply.',
  },
  notFilled:
    'The account, the priority and the user’s confirmation are not taken from a letter: the engineer sets them.',
  attachments: 'Attachments ({{count}}) — attached to the request (see «Files»):',
  attachmentUnnamed: 'unnamed ({{type}})',
  replaceTitle: 'Replace what you typed with the letter?',
  replaceBody:
    'The form already holds a request. A letter is a request of its own: its data will replace everything typed now.',
  replaceKeep: 'Keep as it is',
  replaceConfirm: 'Replace',
  problems: {
    tooLarge: 'The file is larger than {{limit}} MB: not a request letter. The form is unchanged.',
    empty: 'The file is empty. The form is unchanged.',
    notEmail:
      'This is not an .eml letter (it has no mail headers). Save an Outlook letter (.msg) as .eml (File → Save As). The form is unchanged.',
    unreadable: 'The letter could not be read ({{detail}}). The form is unchanged.',
    noFrom: 'The letter has no sender (From): nowhere to report the result. The form is unchanged.',
    badFrom: 'The sender “{{value}}” is not an e-mail address. The form is unchanged.',
    noDate:
      'The letter has no sending date (Date): there is no request time to take. Enter the request by hand. The form is unchanged.',
    badDate:
      'The sending date “{{value}}” is not a mail date (RFC 5322). Enter the request by hand. The form is unchanged.',
    futureDate:
      'The letter’s sending date ({{time}}) has not come yet: the sender’s clock is wrong. Enter the request time by hand. The form is unchanged.',
    scripts:
      'The letter holds HTML with scripts — mail programs do not write those, attackers do. Open it in your mail and copy the text by hand. The form is unchanged.',
    many: 'Drop one letter, not {{count}} files. The form is unchanged.',
  },
};
