import type { Organization, Ticket, TicketEventRecord } from '@shared/domain/ticket';
import type { Priority } from '@shared/sla';

export const MOSCOW: Organization = {
  id: 'org-msk',
  name: 'ГБУ «Столица»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['operator01'],
  contactEmails: ['it@example.ru'],
  version: 1,
};

export const KAMCHATKA: Organization = {
  ...MOSCOW,
  id: 'org-kam',
  name: 'КГБУ «Камчатка-Связь»',
  timeZone: 'Asia/Kamchatka',
};

let counter = 0;

/** A ticket as the queue reads it from IndexedDB; only what the test names differs. */
export function makeTicket(
  priority: Priority,
  createdAt: string,
  events: Array<Omit<TicketEventRecord, 'commandId' | 'author' | 'authorId'>> = [],
  extra: Partial<Ticket> = {},
): Ticket {
  counter += 1;
  const paused =
    events.filter((e) => e.type === 'paused').length >
    events.filter((e) => e.type === 'resumed').length;
  return {
    id: `t-${counter}`,
    number: 1000 + counter,
    organizationId: MOSCOW.id,
    account: 'operator01',
    reporterEmail: 'it@example.ru',
    title: `Заявка ${counter}`,
    steps: 's',
    expected: 'e',
    actual: 'a',
    diagnostics: 'd',
    notUserSideConfirmed: true,
    priority,
    initialPriority: priority,
    createdAt,
    state: paused ? 'paused' : 'open',
    assignee: null,
    result: null,
    releaseDate: null,
    events: events.map((e, i) => ({
      ...e,
      commandId: `c-${counter}-${i}`,
      author: 'Белова Марина',
      authorId: 'belova',
    })),
    comments: [],
    workLogs: [],
    assignments: [],
    updatedAt: createdAt,
    version: 1,
    ...extra,
  };
}
