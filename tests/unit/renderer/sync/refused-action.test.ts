import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  COMMAND_REFUSAL_CODES,
  type CommandContext,
  type Organization,
  type Ticket,
} from '@shared/domain';
import type { User } from '@shared/domain/user';
import { COMMAND_TYPES, type CommandType } from '@shared/erp/commands';
import { PROTOCOL_REFUSAL_CODES } from '@shared/sync/refusal-classes';
import type { DeadLetterRow } from '../../../../renderer/db/schema';
import {
  deadLettersEn,
  deadLettersRu,
} from '../../../../renderer/features/sync/dead-letter-messages';
import {
  changesSince,
  describeRefusedAction,
  reasonOf,
  REASON_MESSAGE_KEYS,
  TYPED_FIELDS,
} from '../../../../renderer/features/sync/refused-action';

// Moscow is UTC+3 all year; Mon 7 Dec 2026 is a working day of the RU calendar.
const org: Organization = {
  id: 'org-msk',
  name: 'ГБУ «Городской контакт-центр “Столица”»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['operator'],
  contactEmails: ['it@kc-stolitsa.ru'],
  version: 1,
};
const TEAM: Record<string, User> = {
  andreev: { id: 'andreev', name: 'Андреев Павел', active: true, version: 1 },
  belova: { id: 'belova', name: 'Белова Марина', active: true, version: 1 },
};

let seq = 0;
function step(
  ticket: Ticket | null,
  type: CommandType,
  payload: unknown,
  by = 'andreev',
  at = '2026-12-07T06:00:00Z',
) {
  seq += 1;
  const ctx: CommandContext = {
    commandId: `cmd-${seq}`,
    ticketId: 't-236',
    author: TEAM[by]!.name,
    authorId: by,
    at,
    adjusted: false,
    baseVersion: ticket?.version ?? null,
    organization: org,
    users: (id) => TEAM[id],
    now: at,
    nextNumber: () => 236,
  };
  const outcome = applyCommand(ticket, type, payload, ctx);
  if (outcome.status !== 'applied') throw new Error(`${type} not applied`);
  return outcome.ticket;
}

const created = () =>
  step(null, 'create', {
    organizationId: org.id,
    account: 'operator',
    reporterEmail: 'it@kc-stolitsa.ru',
    priority: 3,
    title: 'Не открывается карточка «Обращение»',
    steps: 'Открыть карточку',
    expected: 'Карточка открыта',
    actual: 'Ошибка',
    diagnostics: 'Сеть в норме',
    notUserSideConfirmed: true,
    createdAt: '2026-12-07T05:00:00Z',
  });

function letter(patch: Partial<DeadLetterRow>): DeadLetterRow {
  return {
    seq: 1,
    commandId: 'refused-1',
    type: 'resolve',
    ticketId: 't-236',
    baseVersion: 1,
    payload: { result: 'Переустановил модуль карточек.' },
    actedAt: Date.parse('2026-12-07T05:30:00Z'),
    offsetMs: 0,
    author: 'Белова Марина',
    authorId: 'belova',
    status: 'rejected',
    error: {
      code: 'invalid_transition',
      message: 'resolve: events[1] …: the ticket is already resolved',
    },
    deadAt: 0,
    ...patch,
  };
}

describe('a resolve refused because a colleague resolved the ticket meanwhile', () => {
  // Белова saw version 1 (just registered) and resolved offline; Андреев took it and resolved it.
  const taken = step(created(), 'react', {}, 'andreev', '2026-12-07T05:10:00Z');
  const resolved = step(taken, 'resolve', { result: 'Готово.' }, 'andreev', '2026-12-07T05:38:00Z');
  const action = describeRefusedAction(letter({}), resolved);

  it('says why in words: the ticket is already resolved', () => {
    expect(action.reason).toEqual({ key: 'alreadyResolved' });
    expect(deadLettersRu.reasons.alreadyResolved).toBe('Заявка уже решена.');
  });

  it('names who changed the ticket after the version the action was based on', () => {
    expect(action.changes.map((c) => [c.author, c.what, c.at])).toEqual([
      ['Андреев Павел', ['reacted'], '2026-12-07T05:10:00Z'],
      ['Андреев Павел', ['resolved'], '2026-12-07T05:38:00Z'],
    ]);
  });

  it('keeps the typed result and offers it as a comment, never "send again"', () => {
    expect(action.kind).toBe('superseded');
    expect(action.canRetry).toBe(false);
    expect(action.typed).toEqual([{ field: 'result', text: 'Переустановил модуль карточек.' }]);
    expect(action.redo).toEqual({
      form: 'comment',
      prefill: { text: 'Переустановил модуль карточек.' },
      asComment: true,
    });
  });
});

describe('what can still succeed', () => {
  // In work and P4, so the pause and the update-date forms are both on offer.
  const taken = step(created(), 'react', {}, 'andreev', '2026-12-07T05:10:00Z');
  const open = step(taken, 'change_priority', { to: 4 }, 'andreev', '2026-12-07T05:12:00Z');
  it.each([
    // code, status, the action, what the user is offered
    ['internal_error', 'rejected', 'comment', { canRetry: true, redo: null }],
    ['seq_reused', 'rejected', 'comment', { canRetry: true, redo: null }],
    // A past release date: the same form, with the typed date, to correct it.
    ['release_date_in_past', 'rejected', 'schedule_fix', { canRetry: false, redo: 'schedule_fix' }],
    // The ticket is open and P3: the pause form again, prefilled.
    ['invalid_payload', 'rejected', 'pause', { canRetry: false, redo: 'pause' }],
    // Taking a ticket a colleague has: nothing to redo, nothing typed.
    ['assigned_elsewhere', 'conflict', 'react', { canRetry: false, redo: null }],
    // A deleted ticket: only the typed text is left.
    ['ticket_deleted', 'rejected', 'comment', { canRetry: false, redo: null }],
  ] as const)('%s (%s) of %s', (code, status, type, expected) => {
    const payloads: Partial<Record<CommandType, Record<string, unknown>>> = {
      comment: { text: 'Проверил логи.' },
      schedule_fix: { releaseDate: '2026-12-01' },
      pause: { reason: 'other', note: 'Ждём окно.' },
      react: {},
    };
    const action = describeRefusedAction(
      letter({ type, status, error: { code, message: '…' }, payload: payloads[type]! }),
      code === 'ticket_deleted' ? null : open,
    );
    expect({ canRetry: action.canRetry, redo: action.redo?.form ?? null }).toEqual(expected);
  });
});

describe('a refused registration', () => {
  const payload = {
    title: 'Не открывается карточка',
    steps: 'Открыть',
    createdAt: '2026-12-08T00:00:00Z',
  };
  it.each([
    // Correctable: the intake reopens, filled in as it was sent.
    ['late_registration_reason_required', 'create'],
    ['created_in_future', 'create'],
    // Another organization can be chosen for it.
    ['unknown_organization', 'create'],
    // Already registered: nothing to redo.
    ['ticket_exists', null],
  ] as const)('%s: redo %s', (code, form) => {
    const action = describeRefusedAction(
      letter({ type: 'create', baseVersion: null, payload, error: { code, message: '' } }),
      null,
    );
    expect(action.redo?.form ?? null).toBe(form);
    expect(action.typed.map((typed) => typed.field)).toEqual(['title', 'steps']);
  });
});

describe('invalid_transition in words, from the ticket as it is now', () => {
  const base = created();
  const paused = step(base, 'pause', { reason: 'user_unreachable' });
  const p4 = step(base, 'change_priority', { to: 4 });
  it.each([
    ['resolve', () => step(base, 'resolve', { result: 'x' }), { key: 'alreadyResolved' }],
    ['pause', () => paused, { key: 'alreadyPaused' }],
    ['resume', () => base, { key: 'notPaused' }],
    ['reopen', () => base, { key: 'notResolved' }],
    ['extend', () => p4, { key: 'notP3', values: { priority: 4 } }],
    ['schedule_fix', () => base, { key: 'notP4', values: { priority: 3 } }],
    ['change_priority', () => base, { key: 'transition' }],
  ] as const)('%s', (type, ticket, expected) => {
    expect(
      reasonOf({ type, error: { code: 'invalid_transition', message: '' } }, ticket()),
    ).toEqual(expected);
  });

  it('an unknown code is named by its code, not by the ERP’s English text', () => {
    expect(
      reasonOf({ type: 'comment', error: { code: 'locked', message: 'Locked' } }, base),
    ).toEqual({
      key: 'unknown',
    });
  });
});

describe('changes since the base version', () => {
  it('none when the ticket is still at that version, or for a registration', () => {
    const ticket = created();
    expect(changesSince(ticket, ticket.version)).toEqual([]);
    expect(changesSince(ticket, null)).toEqual([]);
  });

  it('only the newest commands past the base, one entry per command', () => {
    const v1 = created();
    const v2 = step(v1, 'comment', { text: 'до' }, 'belova', '2026-12-07T05:05:00Z');
    const v3 = step(v2, 'comment', { text: 'после' }, 'andreev', '2026-12-07T05:20:00Z');
    const v4 = step(v3, 'assign', { to: 'belova' }, 'andreev', '2026-12-07T05:25:00Z');
    expect(changesSince(v4, 2).map((c) => [c.authorId, c.what])).toEqual([
      ['andreev', ['comment']],
      ['andreev', ['assignment']],
    ]);
  });

  it('a file attached and one removed are changes of their own', () => {
    const file = { sha256: 'a'.repeat(64), name: 'журнал.log', type: 'text/plain', size: 10 };
    const v1 = created();
    const v2 = step(v1, 'comment', { text: 'до' }, 'andreev', '2026-12-07T05:05:00Z');
    const v3 = step(v2, 'attach', file, 'belova', '2026-12-07T05:10:00Z');
    const v4 = step(v3, 'detach', { sha256: file.sha256 }, 'andreev', '2026-12-07T05:15:00Z');
    expect(changesSince(v4, 2).map((c) => [c.authorId, c.what])).toEqual([
      ['belova', ['attach']],
      ['andreev', ['detach']],
    ]);
  });
});

describe('messages', () => {
  it.each([
    ['ru', deadLettersRu],
    ['en', deadLettersEn],
  ] as const)(
    '%s has a reason for every code and a label for every typed field',
    (_l, messages) => {
      for (const key of REASON_MESSAGE_KEYS) expect(messages.reasons, key).toHaveProperty(key);
      for (const type of COMMAND_TYPES)
        for (const field of TYPED_FIELDS[type])
          expect(messages.fields, field).toHaveProperty(field);
    },
  );

  it('every code the rules and the protocol produce has its own reason, not "unknown"', () => {
    for (const code of [...COMMAND_REFUSAL_CODES, ...PROTOCOL_REFUSAL_CODES])
      expect(reasonOf({ type: 'comment', error: { code, message: '' } }, null).key, code).not.toBe(
        'unknown',
      );
  });
});
