/** Texts of the evidence pack button (the PDF itself is in Russian: evidence-pdf-words.ts). */
export const evidenceRu = {
  make: 'Пакет доказательств',
  makeHint:
    'Сохранить материалы по заявке для спора с заказчиком: PDF для людей и JSON с его SHA-256 для проверки',
  busy: 'Собираем пакет…',
  saved: 'Сохранены {{pdf}} и {{json}}. SHA-256 JSON: {{hash}}',
  problems: {
    not_found: 'Заявки нет на этом компьютере: синхронизируйте очередь и попробуйте снова.',
    no_organization:
      'Организация заявки ещё не получена из ERP: без её часового пояса и календаря сроки не посчитать. Синхронизируйте и попробуйте снова.',
    sla: 'Сроки по заявке не считаются, поэтому пакет не собран: {{message}}',
    failed: 'Пакет не собран: {{message}}',
  },
};

export const evidenceEn: typeof evidenceRu = {
  make: 'Evidence pack',
  makeHint:
    'Save this ticket’s record for a dispute with the customer: a PDF for people and a JSON with its SHA-256 to verify',
  busy: 'Building the pack…',
  saved: 'Saved {{pdf}} and {{json}}. SHA-256 of the JSON: {{hash}}',
  problems: {
    not_found: 'This computer does not have the ticket: sync the queue and try again.',
    no_organization:
      'The ticket’s organization has not arrived from the ERP yet: without its time zone and calendar the deadlines cannot be counted. Sync and try again.',
    sla: 'The ticket’s deadlines cannot be counted, so no pack was built: {{message}}',
    failed: 'The pack was not built: {{message}}',
  },
};
