import { BLOB_EXAMPLES } from './blob-examples';

/*
 * Example bodies for the OpenAPI document, taken from the reference server's real answers (a
 * fixed server clock, a create → react → pause → comment history) and shortened. A unit test
 * parses every one with the zod schema the receiving side uses, so an example cannot drift from
 * the protocol.
 */

const DEVICE = '0193a4b2-7c1d-7e5f-9a2b-3c4d5e6f7a8b';
const TICKET = '0193a4b2-6f00-7a10-8b20-c30d40e50f60';
const id = (n: number) => `0193a4b2-7000-7000-8000-${String(n).padStart(12, '0')}`;
const AUTHOR = 'Иванов Сергей';
const AUTHOR_ID = 'ivanov.s';
const ME = { id: AUTHOR_ID, name: AUTHOR };
const COLLEAGUE = { id: 'petrova.a', name: 'Петрова Анна' };

const createCommand = {
  commandId: id(1),
  seq: 1,
  type: 'create',
  ticketId: TICKET,
  baseVersion: null,
  payload: {
    organizationId: 'org-nsk-oblbolnitsa',
    account: 'registratura01',
    reporterEmail: 'asu@okb2-nso.ru',
    priority: 2,
    title: 'Не сохраняется карточка пациента',
    steps: '1. Открыть карточку пациента.\n2. Нажать «Сохранить».',
    expected: 'Карточка сохранена',
    actual: 'Ошибка PK-1042, изменения потеряны',
    diagnostics: 'Сеть в норме, воспроизводится у всех операторов',
    notUserSideConfirmed: true,
    createdAt: '2026-11-24T06:00:00.000Z',
  },
  clientCreatedAt: '2026-11-24T06:02:11.000Z',
};

const reactCommand = {
  commandId: id(2),
  seq: 2,
  type: 'react',
  ticketId: TICKET,
  baseVersion: 1,
  payload: {},
  clientCreatedAt: '2026-11-24T06:04:30.000Z',
};

const pauseCommand = {
  commandId: id(3),
  seq: 3,
  type: 'pause',
  ticketId: TICKET,
  baseVersion: 2,
  payload: { reason: 'awaiting_user_info', note: 'Запрошен журнал ошибок' },
  clientCreatedAt: '2026-11-24T08:10:00.000Z',
};

/** The ticket after create, react, pause and a comment typed offline at 09:20 device time. */
export const TICKET_EXAMPLE = {
  id: TICKET,
  number: 1,
  organizationId: 'org-nsk-oblbolnitsa',
  account: 'registratura01',
  reporterEmail: 'asu@okb2-nso.ru',
  title: 'Не сохраняется карточка пациента',
  steps: '1. Открыть карточку пациента.\n2. Нажать «Сохранить».',
  expected: 'Карточка сохранена',
  actual: 'Ошибка PK-1042, изменения потеряны',
  diagnostics: 'Сеть в норме, воспроизводится у всех операторов',
  notUserSideConfirmed: true,
  priority: 2,
  initialPriority: 2,
  createdAt: '2026-11-24T06:00:00.000Z',
  state: 'paused',
  assignee: AUTHOR_ID,
  result: null,
  releaseDate: null,
  events: [
    {
      type: 'reacted',
      at: '2026-11-24T06:04:30.000Z',
      commandId: id(2),
      author: AUTHOR,
      authorId: AUTHOR_ID,
    },
    {
      type: 'paused',
      reason: 'awaiting_user_info',
      note: 'Запрошен журнал ошибок',
      at: '2026-11-24T08:10:00.000Z',
      commandId: id(3),
      author: AUTHOR,
      authorId: AUTHOR_ID,
    },
  ],
  comments: [
    {
      commandId: id(4),
      author: AUTHOR,
      authorId: AUTHOR_ID,
      at: '2026-11-24T09:05:00.000Z',
      text: 'Ждём журнал от пользователя',
    },
  ],
  workLogs: [],
  assignments: [
    {
      commandId: id(2),
      author: AUTHOR,
      authorId: AUTHOR_ID,
      at: '2026-11-24T06:04:30.000Z',
      from: null,
      to: ME,
      version: 2,
    },
  ],
  updatedAt: '2026-11-24T09:05:00.000Z',
  version: 4,
};

export const USER_EXAMPLE = {
  id: AUTHOR_ID,
  name: AUTHOR,
  email: 'ivanov.s@smart-consulting.ru',
  active: true,
  version: 1,
};

export const ORGANIZATION_EXAMPLE = {
  id: 'org-nsk-oblbolnitsa',
  name: 'ГБУЗ НСО «Областная клиническая больница № 2»',
  timeZone: 'Asia/Novosibirsk',
  calendar: 'RU',
  accounts: ['registratura01', 'registratura02', 'statistik.belova', 'it.okb2'],
  contactEmails: ['asu@okb2-nso.ru'],
  version: 1,
};

const error = (code: string, message: string) => ({ error: { code, message } });

/** A window planned for a Saturday evening in Novosibirsk (UTC+7): open hours under §5. */
const WINDOW_ID = '0193a4b2-8a00-7b10-8c20-d30e40f50a60';
const planWindowCommand = {
  commandId: id(20),
  seq: 20,
  type: 'plan_window',
  ticketId: WINDOW_ID,
  baseVersion: null,
  payload: {
    organizationId: ORGANIZATION_EXAMPLE.id,
    startsAt: '2026-12-19T13:00:00.000Z',
    endsAt: '2026-12-19T16:00:00.000Z',
    unavailable: 'Выгрузка в ЕГИСЗ и отчёты',
    mode: 'normal',
  },
  clientCreatedAt: '2026-12-08T04:12:00.000Z',
};
/** Wednesday 2026-12-16, 10:00–12:00 in Novosibirsk: a working day's closed hours. */
const closedHoursCommand = {
  ...planWindowCommand,
  commandId: id(21),
  seq: 21,
  ticketId: '0193a4b2-8a00-7b10-8c20-d30e40f50a61',
  payload: {
    ...planWindowCommand.payload,
    startsAt: '2026-12-16T03:00:00.000Z',
    endsAt: '2026-12-16T05:00:00.000Z',
  },
};
export const WINDOW_EXAMPLE = {
  id: WINDOW_ID,
  ...planWindowCommand.payload,
  planned: {
    author: AUTHOR,
    authorId: AUTHOR_ID,
    commandId: id(20),
    at: '2026-12-08T04:12:00.000Z',
  },
  override: null,
  cancelled: null,
  version: 1,
};

/** Which zod schema (by the name the test maps to it) each example must satisfy. */
export type ExampleKind =
  | 'pushRequest'
  | 'pushResponse'
  | 'changesResponse'
  | 'sessionResponse'
  | 'errorResponse'
  | 'blobStatus'
  | 'health';

export interface Example {
  kind: ExampleKind;
  summary: string;
  value: unknown;
}

export const EXAMPLES = {
  pushCreateAndReact: {
    kind: 'pushRequest',
    summary: 'An intake and its reaction, recorded offline',
    value: { protocolVersion: 1, deviceId: DEVICE, commands: [createCommand, reactCommand] },
  },
  pushHandOver: {
    kind: 'pushRequest',
    summary: 'A hand-over to a colleague, and a release',
    value: {
      protocolVersion: 1,
      deviceId: DEVICE,
      commands: [
        {
          commandId: id(10),
          seq: 10,
          type: 'assign',
          ticketId: TICKET,
          baseVersion: 4,
          payload: { to: COLLEAGUE.id },
          clientCreatedAt: '2026-11-24T09:30:00.000Z',
        },
        {
          commandId: id(11),
          seq: 11,
          type: 'assign',
          ticketId: '0193a4b2-5e00-7a10-8b20-c30d40e50f62',
          baseVersion: 6,
          payload: { to: null },
          clientCreatedAt: '2026-11-24T09:31:00.000Z',
        },
      ],
    },
  },
  pushPlanWindows: {
    kind: 'pushRequest',
    summary: 'Two maintenance windows planned (the window id in ticketId)',
    value: {
      protocolVersion: 1,
      deviceId: DEVICE,
      commands: [planWindowCommand, closedHoursCommand],
    },
  },
  pushWindowAnswers: {
    kind: 'pushResponse',
    summary: 'A window planned, and one refused for the closed hours of a working day',
    value: {
      lastSeq: 21,
      results: [
        { commandId: id(20), seq: 20, status: 'applied', window: WINDOW_EXAMPLE },
        {
          commandId: id(21),
          seq: 21,
          status: 'rejected',
          error: {
            code: 'outside_allowed_hours',
            message:
              'plan_window: 2026-12-16 is a working day and 10:00–12:00 (Asia/Novosibirsk) falls into its 07:00–18:00; plan outside those hours or give overrideReason',
          },
        },
      ],
      serverTime: '2026-12-08T04:12:05.000Z',
    },
  },
  pushEmpty: {
    kind: 'pushRequest',
    summary: 'An empty push: measures the clock offset and checks the token',
    value: { protocolVersion: 1, deviceId: DEVICE, commands: [] },
  },
  pushApplied: {
    kind: 'pushResponse',
    summary: 'Both applied; the ticket rides on the last result that concerns it',
    value: {
      lastSeq: 2,
      results: [
        { commandId: id(1), seq: 1, status: 'applied' },
        {
          commandId: id(2),
          seq: 2,
          status: 'applied',
          ticket: {
            ...TICKET_EXAMPLE,
            state: 'open',
            events: TICKET_EXAMPLE.events.slice(0, 1),
            comments: [],
            updatedAt: '2026-11-24T06:05:00.000Z',
            version: 2,
          },
        },
      ],
      serverTime: '2026-11-24T06:05:00.000Z',
    },
  },
  pushDuplicate: {
    kind: 'pushResponse',
    summary: 'A resend of a command the server already applied',
    value: {
      lastSeq: 4,
      results: [
        {
          commandId: pauseCommand.commandId,
          seq: 3,
          status: 'duplicate',
          originalStatus: 'applied',
          ticket: TICKET_EXAMPLE,
        },
      ],
      serverTime: '2026-11-24T09:05:00.000Z',
    },
  },
  pushRefusals: {
    kind: 'pushResponse',
    summary: 'Refused commands do not fail the batch; a deferred one stops it',
    value: {
      lastSeq: 7,
      results: [
        {
          commandId: id(5),
          seq: 5,
          status: 'conflict',
          error: {
            code: 'assigned_elsewhere',
            message: 'react: Петрова Анна has already taken this ticket into work',
            holder: COLLEAGUE,
          },
        },
        {
          commandId: id(6),
          seq: 6,
          status: 'rejected',
          error: {
            code: 'invalid_payload',
            message: 'pause: payload.note note is required when the pause reason is "other"',
          },
        },
        { commandId: id(7), seq: 7, status: 'noop', ticket: TICKET_EXAMPLE },
        {
          commandId: id(8),
          seq: 8,
          status: 'deferred',
          error: {
            code: 'ticket_not_yet_known',
            message:
              'react: ticket 0193a4b2-9999-7000-8000-000000000000 is not known yet (its create has not arrived); resend later',
          },
        },
        {
          commandId: id(9),
          seq: 9,
          status: 'deferred',
          error: {
            code: 'not_processed',
            message: 'an earlier command of this push was deferred: resend this one after it',
          },
        },
      ],
      serverTime: '2026-11-24T09:07:12.000Z',
    },
  },
  pushHandOverAnswers: {
    kind: 'pushResponse',
    summary: 'The hand-over applied; the release refused: a colleague took the ticket meanwhile',
    value: {
      lastSeq: 11,
      results: [
        {
          commandId: id(10),
          seq: 10,
          status: 'applied',
          ticket: {
            ...TICKET_EXAMPLE,
            assignee: COLLEAGUE.id,
            assignments: [
              ...TICKET_EXAMPLE.assignments,
              {
                commandId: id(10),
                author: AUTHOR,
                authorId: AUTHOR_ID,
                at: '2026-11-24T09:30:00.000Z',
                from: ME,
                to: COLLEAGUE,
                version: 5,
              },
            ],
            updatedAt: '2026-11-24T09:32:00.000Z',
            version: 5,
          },
        },
        {
          commandId: id(11),
          seq: 11,
          status: 'conflict',
          error: {
            code: 'assignment_changed',
            message:
              'assign: the assignee changed after version 6 this was based on; Петрова Анна has the ticket now',
            holder: COLLEAGUE,
          },
        },
      ],
      serverTime: '2026-11-24T09:32:00.000Z',
    },
  },
  unknownUser: {
    kind: 'pushResponse',
    summary: 'A hand-over to someone the ERP does not know',
    value: {
      lastSeq: 12,
      results: [
        {
          commandId: id(12),
          seq: 12,
          status: 'rejected',
          error: {
            code: 'unknown_user',
            message: 'assign: payload.to "sidorov.o" is not a user of this ERP',
          },
          ticket: TICKET_EXAMPLE,
        },
      ],
      serverTime: '2026-11-24T09:33:00.000Z',
    },
  },
  changesPage: {
    kind: 'changesResponse',
    summary: 'A page: a user, an organization, a ticket and a tombstone',
    value: {
      changes: [
        { entity: 'user', id: USER_EXAMPLE.id, version: 1, deleted: false, data: USER_EXAMPLE },
        {
          entity: 'organization',
          id: ORGANIZATION_EXAMPLE.id,
          version: 1,
          deleted: false,
          data: ORGANIZATION_EXAMPLE,
        },
        { entity: 'ticket', id: TICKET, version: 4, deleted: false, data: TICKET_EXAMPLE },
        {
          entity: 'ticket',
          id: '0193a4b2-5e00-7a10-8b20-c30d40e50f61',
          version: 3,
          deleted: true,
          data: null,
        },
      ],
      nextCursor: 'eyJwIjo0LCJlIjoiNWUxZWY1MDEiLCJnIjowfQ',
      hasMore: true,
    },
  },
  changesCaughtUp: {
    kind: 'changesResponse',
    summary: 'Nothing new since the cursor: the same cursor back',
    value: { changes: [], nextCursor: 'eyJwIjo0LCJlIjoiNWUxZWY1MDEiLCJnIjowfQ', hasMore: false },
  },
  session: {
    kind: 'sessionResponse',
    summary: 'Who the token belongs to',
    value: {
      user: { ...ME, email: USER_EXAMPLE.email },
      serverTime: '2026-11-24T06:05:00.000Z',
      protocolVersion: 1,
    },
  },
  invalidRequest: {
    kind: 'errorResponse',
    summary: 'A malformed request names the field',
    value: error('invalid_request', 'commands[0].commandId: must be a UUID'),
  },
  unknownCommandType: {
    kind: 'errorResponse',
    summary: 'A command type this server does not know (a newer client)',
    value: error(
      'unknown_command_type',
      'commands[1].type: type must be one of create, react, pause, resume, resolve, reopen, schedule_fix, extend, change_priority, comment, log_work, assign, attach, detach, plan_window, cancel_window',
    ),
  },
  malformedJson: {
    kind: 'errorResponse',
    summary: 'The body is not JSON',
    value: error('malformed_json', 'request body: malformed JSON (Unexpected end of JSON input)'),
  },
  invalidLimit: {
    kind: 'errorResponse',
    summary: 'A limit out of range',
    value: error('invalid_request', 'limit: must be an integer from 1 to 1000 (got "5000")'),
  },
  invalidCursor: {
    kind: 'errorResponse',
    summary: 'A cursor this server never issued',
    value: error('invalid_cursor', 'cursor: not a cursor issued by this server'),
  },
  unauthorized: {
    kind: 'errorResponse',
    summary: 'No token, or one the server does not know',
    value: error('unauthorized', 'the bearer token is not valid'),
  },
  seqGap: {
    kind: 'errorResponse',
    summary: 'The push skips a seq: nothing was written',
    value: {
      ...error(
        'seq_gap',
        "commands[0].seq is 12, but this device's last accepted seq is 10: expected 11",
      ),
      lastSeq: 10,
    },
  },
  cursorExpired: {
    kind: 'errorResponse',
    summary: 'The cursor is older than a compaction of the change log',
    value: error(
      'cursor_expired',
      'cursor: expired (the change log was compacted or the database replaced); pull again without a cursor',
    ),
  },
  tooManyCommands: {
    kind: 'errorResponse',
    summary: 'More than 500 commands',
    value: {
      ...error('too_many_commands', 'commands: 501 commands in one push, at most 500 are accepted'),
      maxCommands: 500,
    },
  },
  bodyTooLarge: {
    kind: 'errorResponse',
    summary: 'More than 8 MiB',
    value: {
      ...error(
        'body_too_large',
        'request body: 9437184 bytes, at most 8388608 are accepted; push fewer commands at a time',
      ),
      maxBytes: 8388608,
    },
  },
  unsupportedProtocol: {
    kind: 'errorResponse',
    summary: 'A protocol version the server does not speak',
    value: {
      ...error(
        'unsupported_protocol',
        'protocolVersion 2 is not supported: this server speaks protocol 1',
      ),
      supportedVersions: [1],
    },
  },
  tooManyRequests: {
    kind: 'errorResponse',
    summary: 'Throttled',
    value: { ...error('too_many_requests', 'retry after 30 s'), retryAfterSeconds: 30 },
  },
  unavailable: {
    kind: 'errorResponse',
    summary: 'Maintenance or overload',
    value: { ...error('unavailable', 'maintenance until 07:00 UTC'), retryAfterSeconds: 600 },
  },
  health: {
    kind: 'health',
    summary: 'The reference server',
    value: { ok: true, serverTime: '2026-11-24T06:05:00.000Z', demo: true, protocolVersion: 1 },
  },
  ...BLOB_EXAMPLES,
} satisfies Record<string, Example>;

export type ExampleName = keyof typeof EXAMPLES;
