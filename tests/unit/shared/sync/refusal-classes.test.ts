import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  COMMAND_REFUSAL_CODES,
  WINDOW_ONLY_REFUSAL_CODES,
  type CommandContext,
  type Organization,
  type Ticket,
} from '@shared/domain';
import type { User } from '@shared/domain/user';
import { COMMAND_TYPES, type CommandType } from '@shared/erp/commands';
import {
  classifyRefusal,
  PROTOCOL_REFUSAL_CODES,
  REFUSAL_CLASSES,
} from '@shared/sync/refusal-classes';

// Novosibirsk is UTC+7 all year; 2025-11-05 is a Wednesday, a working day of the RU calendar.
const org: Organization = {
  id: 'org-1',
  name: 'ООО «Ромашка»',
  timeZone: 'Asia/Novosibirsk',
  calendar: 'RU',
  accounts: ['ivanov'],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};

const TEAM: Record<string, User> = {
  petrov: { id: 'petrov', name: 'Петров П.', active: true, version: 1 },
  sidorova: { id: 'sidorova', name: 'Сидорова А.', active: true, version: 1 },
  gusev: { id: 'gusev', name: 'Гусев К.', active: false, version: 1 },
};

const createPayload = {
  organizationId: 'org-1',
  account: 'ivanov',
  reporterEmail: 'it@romashka.ru',
  priority: 3,
  title: 'Не формируется отчёт',
  steps: 'Открыть отчёт',
  expected: 'Отчёт сформирован',
  actual: 'Ошибка 500',
  diagnostics: 'Сеть в норме',
  notUserSideConfirmed: true,
  createdAt: '2025-11-05T03:00:00Z',
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
    baseVersion: 1,
    organization: org,
    users: (id) => TEAM[id],
    now: '2025-11-05T04:00:00.000Z',
    ...patch,
  };
}

function apply(ticket: Ticket | null, type: CommandType, payload: unknown, patch = {}) {
  return applyCommand(ticket, type, payload, ctx(patch));
}

function created(): Ticket {
  const outcome = apply(null, 'create', createPayload, { baseVersion: null });
  if (outcome.status !== 'applied') throw new Error('create failed');
  return outcome.ticket;
}

function then(ticket: Ticket, type: CommandType, payload: unknown, patch = {}): Ticket {
  const outcome = apply(ticket, type, payload, patch);
  if (outcome.status !== 'applied') throw new Error(`${type} failed`);
  return outcome.ticket;
}

const codeOf = (outcome: ReturnType<typeof apply>) =>
  outcome.status === 'conflict' || outcome.status === 'rejected' ? outcome.error.code : null;

describe('refusal codes of the shared rules', () => {
  // One command per listed code that the rules refuse with it: the list names nothing they
  // cannot produce.
  const EXAMPLES: Record<(typeof COMMAND_REFUSAL_CODES)[number], () => ReturnType<typeof apply>> = {
    invalid_payload: () => apply(created(), 'comment', { text: '' }),
    unknown_ticket: () => apply(null, 'comment', { text: 'x' }),
    unknown_organization: () =>
      apply(created(), 'pause', { reason: 'other', note: 'x' }, { organization: undefined }),
    created_in_future: () =>
      apply(
        null,
        'create',
        { ...createPayload, createdAt: '2025-11-06T03:00:00Z' },
        { baseVersion: null },
      ),
    late_registration_reason_required: () =>
      apply(
        null,
        'create',
        { ...createPayload, createdAt: '2025-09-01T03:00:00Z' },
        { baseVersion: null },
      ),
    visit_before_ticket: () =>
      apply(created(), 'log_work', {
        startedAt: '2025-11-04T03:00:00Z',
        endedAt: '2025-11-05T03:30:00Z',
        note: 'Выезд',
      }),
    visit_in_future: () =>
      apply(created(), 'log_work', {
        startedAt: '2025-11-05T03:30:00Z',
        endedAt: '2025-11-05T06:00:00Z',
        note: 'Выезд',
      }),
    release_date_in_past: () =>
      apply(then(created(), 'change_priority', { to: 4 }), 'schedule_fix', {
        releaseDate: '2025-11-01',
      }),
    invalid_transition: () => apply(created(), 'resume', {}),
    ticket_exists: () => apply(created(), 'create', createPayload, { baseVersion: null }),
    assigned_elsewhere: () =>
      apply(
        then(created(), 'react', {}, { authorId: 'sidorova', author: 'Сидорова А.' }),
        'react',
        {},
      ),
    assignment_changed: () =>
      apply(
        then(created(), 'react', {}, { authorId: 'sidorova', author: 'Сидорова А.' }),
        'assign',
        {
          to: 'petrov',
        },
        { baseVersion: 1 },
      ),
    unknown_user: () => apply(created(), 'assign', { to: 'nobody' }),
    inactive_user: () => apply(created(), 'assign', { to: 'gusev' }),
  };

  it.each(COMMAND_REFUSAL_CODES)('%s is produced by the rules', (code) => {
    expect(codeOf(EXAMPLES[code]())).toBe(code);
  });

  it('every code the rules produce is listed (random commands on random tickets)', () => {
    const payloads: Record<CommandType, unknown[]> = {
      create: [createPayload, { ...createPayload, createdAt: '2026-01-01T00:00:00Z' }, {}],
      react: [{}],
      pause: [{ reason: 'user_side_fault' }, { reason: 'other' }, { reason: 'nope' }],
      resume: [{}],
      resolve: [{ result: 'Готово' }, { result: '' }],
      schedule_fix: [{ releaseDate: '2025-11-20' }, { releaseDate: '2025-01-01' }],
      extend: [
        { hours: 4, note: 'Согласовано' },
        { hours: -1, note: 'x' },
      ],
      change_priority: [{ to: 4 }, { to: 3 }, { to: 1 }],
      comment: [{ text: 'x' }],
      log_work: [
        { startedAt: '2025-11-05T03:10:00Z', endedAt: '2025-11-05T03:40:00Z', note: 'Выезд' },
        { startedAt: '2025-11-01T03:10:00Z', endedAt: '2025-11-09T03:40:00Z', note: 'Выезд' },
      ],
      reopen: [{ reason: 'Повторилось' }],
      assign: [{ to: 'sidorova' }, { to: 'gusev' }, { to: 'nobody' }, { to: null }],
      attach: [
        { sha256: 'a'.repeat(64), name: 'журнал.log', type: 'text/plain', size: 10 },
        { sha256: 'A'.repeat(64), name: 'con', type: 'text/plain', size: 0 },
      ],
      detach: [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }, {}],
      // Window commands never touch a ticket: applyCommand refuses them as not about one.
      plan_window: [{}],
      cancel_window: [{}],
    };
    const command = fc.constantFrom(...COMMAND_TYPES).chain((type) =>
      fc.record({
        type: fc.constant(type),
        payload: fc.constantFrom(...payloads[type]),
        authorId: fc.constantFrom('petrov', 'sidorova'),
        baseVersion: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
        withOrganization: fc.boolean(),
        minutesLater: fc.integer({ min: 0, max: 600 }),
      }),
    );
    const listed = new Set<string>(COMMAND_REFUSAL_CODES);
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 12 }), (exists, commands) => {
        let ticket: Ticket | null = exists ? created() : null;
        for (const c of commands) {
          const at = new Date(
            Date.parse('2025-11-05T04:00:00Z') + c.minutesLater * 60_000,
          ).toISOString();
          const outcome = apply(ticket, c.type, c.payload, {
            authorId: c.authorId,
            author: TEAM[c.authorId]!.name,
            baseVersion: c.type === 'create' ? null : c.baseVersion,
            organization: c.withOrganization ? org : undefined,
            at,
            now: at,
          });
          const code = codeOf(outcome);
          if (code !== null) expect(listed, code).toContain(code);
          if (outcome.status === 'applied') ticket = outcome.ticket;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('refusal classes', () => {
  it('classify every code the rules and the protocol can produce', () => {
    for (const code of [
      ...COMMAND_REFUSAL_CODES,
      ...PROTOCOL_REFUSAL_CODES,
      ...WINDOW_ONLY_REFUSAL_CODES,
    ])
      expect(REFUSAL_CLASSES, code).toHaveProperty(code);
  });

  // Only a transient refusal offers "send again": the others would be refused again as they are.
  it.each([
    ['internal_error', 'rejected', 'transient'],
    ['seq_reused', 'rejected', 'transient'],
    ['invalid_transition', 'conflict', 'superseded'],
    ['invalid_transition', 'rejected', 'superseded'],
    ['assigned_elsewhere', 'conflict', 'superseded'],
    ['release_date_in_past', 'rejected', 'invalid'],
    ['inactive_user', 'rejected', 'invalid'],
    ['ticket_deleted', 'rejected', 'gone'],
    ['unknown_ticket', 'rejected', 'gone'],
    // Codes of another ERP: judged by the status, never resent blindly.
    ['locked_by_workflow', 'conflict', 'superseded'],
    ['http_400', 'rejected', 'invalid'],
    ['conflict', 'conflict', 'superseded'],
  ] as const)('%s (%s) is %s', (code, status, expected) => {
    expect(classifyRefusal(code, status)).toBe(expected);
  });
});
