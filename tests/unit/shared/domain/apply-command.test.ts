import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  eventTimeFor,
  type CommandContext,
  type Organization,
  type Ticket,
} from '@shared/domain';
import { evaluateSla } from '@shared/sla';
import { toSlaTicket } from '@shared/domain';

const org: Organization = {
  id: 'org-1',
  name: 'ООО «Ромашка»',
  timeZone: 'Asia/Novosibirsk',
  calendar: 'RU',
  accounts: ['ivanov'],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};

const createPayload = {
  organizationId: 'org-1',
  account: 'ivanov',
  reporterEmail: 'it@romashka.ru',
  priority: 2,
  title: 'Не формируется отчёт',
  steps: 'Открыть отчёт → Сформировать',
  expected: 'Отчёт сформирован',
  actual: 'Ошибка 500',
  diagnostics: 'Сеть в норме, кэш очищен',
  notUserSideConfirmed: true,
  createdAt: '2025-11-05T10:00:00+07:00',
};

let seq = 0;
function ctx(patch: Partial<CommandContext> = {}): CommandContext {
  seq += 1;
  return {
    commandId: `cmd-${seq}`,
    ticketId: 't-1',
    author: 'Петров П.',
    authorId: 'petrov',
    at: '2025-11-05T04:00:00.000Z',
    adjusted: false,
    baseVersion: null,
    organization: org,
    users: () => undefined,
    now: '2025-11-05T04:00:00.000Z',
    ...patch,
  };
}

function created(): Ticket {
  const outcome = applyCommand(null, 'create', createPayload, ctx({ nextNumber: () => 1042 }));
  if (outcome.status !== 'applied') throw new Error('create failed');
  return outcome.ticket;
}

describe('applyCommand', () => {
  it('registers a request with every §4 field and normalises createdAt to UTC', () => {
    expect(created()).toMatchObject({
      id: 't-1',
      number: 1042,
      state: 'open',
      priority: 2,
      initialPriority: 2,
      createdAt: '2025-11-05T03:00:00.000Z',
      version: 1,
      events: [],
    });
  });

  it.each([
    ['steps', { steps: '' }, /payload\.steps steps must not be empty/],
    ['notUserSideConfirmed', { notUserSideConfirmed: false }, /notUserSideConfirmed must be true/],
    ['reporterEmail', { reporterEmail: 'not-an-email' }, /reporterEmail must be an e-mail address/],
    ['priority', { priority: 0 }, /priority must be 1, 2, 3 or 4/],
  ])('rejects a create with a bad %s, naming it', (_field, patch, message) => {
    const outcome = applyCommand(null, 'create', { ...createPayload, ...patch }, ctx());
    expect(outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_payload', message: expect.stringMatching(message) },
    });
  });

  it('rejects a create without a §4 field', () => {
    const withoutDiagnostics: Record<string, unknown> = { ...createPayload };
    delete withoutDiagnostics.diagnostics;
    expect(applyCommand(null, 'create', withoutDiagnostics, ctx())).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringContaining('payload.diagnostics') },
    });
  });

  it('derives SLA events from commands, stamped with the time the engineer acted', () => {
    let ticket = created();
    const steps: Array<[Parameters<typeof applyCommand>[1], unknown, string]> = [
      ['react', {}, '2025-11-05T04:30:00.000Z'],
      ['pause', { reason: 'awaiting_user_info' }, '2025-11-05T05:00:00.000Z'],
      ['resume', {}, '2025-11-05T06:00:00.000Z'],
      ['comment', { text: 'Прислали логи' }, '2025-11-05T06:10:00.000Z'],
      ['resolve', { result: 'Исправлено в 5.2.1' }, '2025-11-05T07:00:00.000Z'],
    ];
    for (const [type, payload, at] of steps) {
      const outcome = applyCommand(ticket, type, payload, ctx({ at, baseVersion: ticket.version }));
      expect(outcome.status).toBe('applied');
      if (outcome.status === 'applied') ticket = outcome.ticket;
    }
    expect(ticket.events.map((e) => [e.type, e.at, e.author, e.authorId])).toEqual([
      ['reacted', '2025-11-05T04:30:00.000Z', 'Петров П.', 'petrov'],
      ['paused', '2025-11-05T05:00:00.000Z', 'Петров П.', 'petrov'],
      ['resumed', '2025-11-05T06:00:00.000Z', 'Петров П.', 'petrov'],
      ['resolved', '2025-11-05T07:00:00.000Z', 'Петров П.', 'petrov'],
    ]);
    expect(ticket).toMatchObject({
      state: 'resolved',
      result: 'Исправлено в 5.2.1',
      assignee: 'petrov',
      version: 6,
    });
    expect(ticket.comments).toMatchObject([{ author: 'Петров П.', authorId: 'petrov' }]);
    // Wed 2025-11-05 Novosibirsk (UTC+7): 10:00–14:00 local with a one-hour pause → 3 h counted.
    expect(evaluateSla(toSlaTicket(ticket, org), '2025-11-05T08:00:00Z').resolution).toMatchObject({
      status: 'met',
      elapsedMs: 3 * 3_600_000,
    });
  });

  it('stamps the ERP’s receipt time on every record it writes, and none on the optimistic copy', () => {
    const run = (receivedAt: string | undefined) => {
      let ticket = created();
      const sha256 = 'b'.repeat(64);
      const steps: Array<[Parameters<typeof applyCommand>[1], unknown]> = [
        ['react', {}],
        ['comment', { text: 'Прислали логи' }],
        [
          'log_work',
          {
            startedAt: '2025-11-05T03:10:00.000Z',
            endedAt: '2025-11-05T03:50:00.000Z',
            note: 'Выезд',
          },
        ],
        ['attach', { sha256, name: 'log.txt', type: 'text/plain', size: 10 }],
        ['detach', { sha256 }],
      ];
      for (const [type, payload] of steps) {
        const outcome = applyCommand(
          ticket,
          type,
          payload,
          ctx({ baseVersion: ticket.version, ...(receivedAt ? { receivedAt } : {}) }),
        );
        expect(outcome.status).toBe('applied');
        if (outcome.status === 'applied') ticket = outcome.ticket;
      }
      const file = ticket.attachments![0]!;
      return [
        ticket.events[0]!,
        ticket.assignments[0]!,
        ticket.comments[0]!,
        ticket.workLogs[0]!,
        file,
        file.removed!,
      ].map((record) => record.receivedAt);
    };
    // The engineer acted at 04:00 (offline); the ERP applied the commands at 09:00.
    expect(run('2025-11-05T09:00:00.000Z')).toEqual(Array(6).fill('2025-11-05T09:00:00.000Z'));
    expect(run(undefined)).toEqual(Array(6).fill(undefined));
  });

  it("is a noop to take a ticket one already has, and a conflict to take someone else's", () => {
    const taken = applyCommand(created(), 'react', {}, ctx({ baseVersion: 1 }));
    if (taken.status !== 'applied') throw new Error('react failed');
    expect(applyCommand(taken.ticket, 'react', {}, ctx({ baseVersion: 2 }))).toEqual({
      status: 'noop',
    });
    expect(
      applyCommand(
        taken.ticket,
        'react',
        {},
        ctx({ baseVersion: 1, author: 'Сидоров С.', authorId: 'sidorov' }),
      ),
    ).toMatchObject({
      status: 'conflict',
      error: {
        code: 'assigned_elsewhere',
        message: expect.stringContaining('Петров П.'),
        holder: { id: 'petrov', name: 'Петров П.' },
      },
    });
  });

  it('rejects an invalid transition the device knew about, and calls it a conflict when the ticket moved on', () => {
    const paused = applyCommand(
      created(),
      'pause',
      { reason: 'user_unreachable' },
      ctx({ baseVersion: 1 }),
    );
    if (paused.status !== 'applied') throw new Error('pause failed');
    const again = { reason: 'user_unreachable' };
    expect(applyCommand(paused.ticket, 'pause', again, ctx({ baseVersion: 2 }))).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_transition', message: expect.stringContaining('already paused') },
    });
    expect(applyCommand(paused.ticket, 'pause', again, ctx({ baseVersion: 1 }))).toMatchObject({
      status: 'conflict',
    });
  });

  it('applies the regulation: a fix date only for P4, an extension only for P3', () => {
    expect(
      applyCommand(
        created(),
        'schedule_fix',
        { releaseDate: '2025-12-15' },
        ctx({ baseVersion: 1 }),
      ),
    ).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringContaining('only a P4 ticket') },
    });
    expect(
      applyCommand(created(), 'extend', { hours: 8, note: 'нужен релиз' }, ctx({ baseVersion: 1 })),
    ).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringContaining('only to a P3 ticket') },
    });
    expect(
      applyCommand(created(), 'pause', { reason: 'other' }, ctx({ baseVersion: 1 })),
    ).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringContaining('note is required') },
    });
  });
});

// Novosibirsk is UTC+7 all year (no DST since 2014); the request was created Wed 2025-11-05 10:00
// there, 03:00Z.
describe('time rules that depend on the ticket and on when the engineer acted', () => {
  const p4 = () => {
    const outcome = applyCommand(null, 'create', { ...createPayload, priority: 4 }, ctx());
    if (outcome.status !== 'applied') throw new Error('create failed');
    return outcome.ticket;
  };

  it.each([
    // 30 × 24 h before the registration at 2025-12-05T03:00Z is exactly the creation: in time.
    ['exactly 30 days later', '2025-12-05T03:00:00.000Z', undefined, 'applied'],
    ['one second more, without a reason', '2025-12-05T03:00:01.000Z', undefined, 'rejected'],
    [
      'one second more, with a reason',
      '2025-12-05T03:00:01.000Z',
      'Письмо лежало в спаме',
      'applied',
    ],
    [
      'a year later, with a reason',
      '2026-11-05T03:00:00.000Z',
      'Найдено при сверке почты',
      'applied',
    ],
  ] as const)('a create registered %s (at %s, reason: %s) is %s', (_, at, reason, status) => {
    const payload =
      reason === undefined ? createPayload : { ...createPayload, lateRegistrationReason: reason };
    const outcome = applyCommand(null, 'create', payload, ctx({ at, now: at }));
    expect(outcome.status).toBe(status);
    if (outcome.status === 'rejected')
      expect(outcome.error).toEqual({
        code: 'late_registration_reason_required',
        message: expect.stringContaining('payload.lateRegistrationReason is required'),
      });
    if (outcome.status === 'applied') expect(outcome.ticket.lateRegistrationReason).toBe(reason);
  });

  it('rejects a blank late-registration reason, naming the field', () => {
    const payload = { ...createPayload, lateRegistrationReason: '  ' };
    const at = '2026-01-05T03:00:00.000Z';
    expect(applyCommand(null, 'create', payload, ctx({ at, now: at }))).toMatchObject({
      status: 'rejected',
      error: {
        code: 'invalid_payload',
        message: expect.stringContaining('payload.lateRegistrationReason'),
      },
    });
  });

  const visit = {
    startedAt: '2025-11-05T05:00:00.000Z',
    endedAt: '2025-11-05T06:00:00.000Z',
    note: 'Заменили блок питания',
  };
  it.each([
    // Recorded at 06:00Z, when the visit ended.
    ['ending when it is recorded', {}, '2025-11-05T06:00:00.000Z', null],
    // 5 minutes of clock difference are allowed: ends 06:05Z, recorded 06:00Z.
    [
      'ending 5 minutes after it is recorded',
      { endedAt: '2025-11-05T06:05:00.000Z' },
      '2025-11-05T06:00:00.000Z',
      null,
    ],
    [
      'ending 5 min 1 s after it is recorded',
      { endedAt: '2025-11-05T06:05:01.000Z' },
      '2025-11-05T06:00:00.000Z',
      ['visit_in_future', 'payload.endedAt'],
    ],
    // The ticket was created at 03:00Z.
    [
      'starting at the ticket’s creation',
      { startedAt: '2025-11-05T03:00:00.000Z' },
      '2025-11-05T06:00:00.000Z',
      null,
    ],
    [
      'starting before the ticket existed',
      { startedAt: '2025-11-05T02:59:00.000Z' },
      '2025-11-05T06:00:00.000Z',
      ['visit_before_ticket', 'payload.startedAt'],
    ],
    [
      'with an empty note',
      { note: '' },
      '2025-11-05T06:00:00.000Z',
      ['invalid_payload', 'payload.note note must not be empty'],
    ],
    [
      'with a note of spaces',
      { note: ' \n ' },
      '2025-11-05T06:00:00.000Z',
      ['invalid_payload', 'payload.note note must not be empty'],
    ],
    [
      'with a note over 5,000 characters',
      { note: 'x'.repeat(5_001) },
      '2025-11-05T06:00:00.000Z',
      ['invalid_payload', 'payload.note note must be at most 5000'],
    ],
  ] as const)('log_work: a visit %s', (_, patch, at, expected) => {
    const outcome = applyCommand(
      created(),
      'log_work',
      { ...visit, ...patch },
      ctx({ at, now: at, baseVersion: 1 }),
    );
    if (expected === null) expect(outcome.status).toBe('applied');
    else
      expect(outcome).toMatchObject({
        status: 'rejected',
        error: { code: expected[0], message: expect.stringContaining(expected[1]) },
      });
  });

  it.each([
    // Answered Wed 2025-11-05 12:00 local (05:00Z): that day is the earliest date.
    ['2025-11-05', '2025-11-05T05:00:00.000Z', null],
    ['2025-11-04', '2025-11-05T05:00:00.000Z', '2025-11-05'],
    ['2025-01-01', '2025-11-05T05:00:00.000Z', '2025-11-05'],
    // 2025-11-05T17:30Z is already Thu 2025-11-06 00:30 in Novosibirsk: the UTC date is past there.
    ['2025-11-05', '2025-11-05T17:30:00.000Z', '2025-11-06'],
    ['2025-11-06', '2025-11-05T17:30:00.000Z', null],
  ])('schedule_fix: release date %s answered at %s', (releaseDate, at, earliest) => {
    const outcome = applyCommand(
      p4(),
      'schedule_fix',
      { releaseDate },
      ctx({ at, now: at, baseVersion: 1 }),
    );
    if (earliest === null) expect(outcome.status).toBe('applied');
    else
      expect(outcome).toMatchObject({
        status: 'rejected',
        error: {
          code: 'release_date_in_past',
          message: expect.stringContaining(
            `payload.releaseDate ${releaseDate} is in the past: the update date must be ${earliest}`,
          ),
        },
      });
  });
});

describe('eventTimeFor', () => {
  const ticket = {
    createdAt: '2025-11-05T03:00:00.000Z',
    assignments: [],
    events: [
      {
        type: 'reacted' as const,
        at: '2025-11-05T04:00:00.000Z',
        commandId: 'c',
        author: 'a',
        authorId: 'a',
      },
    ],
  };

  it('keeps the time the engineer acted', () => {
    expect(eventTimeFor(ticket, '2025-11-05T05:00:00.000Z', '2025-11-05T09:00:00.000Z')).toEqual({
      at: '2025-11-05T05:00:00.000Z',
      adjusted: false,
    });
  });

  it('clamps a time before the last hand-over to it: the history stays in order', () => {
    const handedOver = {
      ...ticket,
      assignments: [
        {
          commandId: 'h',
          at: '2025-11-05T06:00:00.000Z',
          author: 'a',
          authorId: 'a',
          from: null,
          to: { id: 'b', name: 'b' },
          version: 3,
        },
      ],
    };
    expect(
      eventTimeFor(handedOver, '2025-11-05T05:00:00.000Z', '2025-11-05T09:00:00.000Z'),
    ).toEqual({ at: '2025-11-05T06:00:00.000Z', adjusted: true });
  });

  it('clamps a time in the server future, and one before the previous event, marking both', () => {
    expect(eventTimeFor(ticket, '2026-11-05T05:00:00.000Z', '2025-11-05T09:00:00.000Z')).toEqual({
      at: '2025-11-05T09:00:00.000Z',
      adjusted: true,
    });
    expect(eventTimeFor(ticket, '2024-11-05T05:00:00.000Z', '2025-11-05T09:00:00.000Z')).toEqual({
      at: '2025-11-05T04:00:00.000Z',
      adjusted: true,
    });
  });
});
