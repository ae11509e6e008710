import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  eventTimeFor,
  type CommandContext,
  type Organization,
  type Ticket,
} from '@shared/domain';

// `attach` / `detach` as applyCommand decides them, for the ERP and the device's optimistic view
// alike. Instants are UTC; the ticket was created 2025-11-05 03:00Z (10:00 in Novosibirsk, +07).

const org: Organization = {
  id: 'org-1',
  name: 'ООО «Ромашка»',
  timeZone: 'Asia/Novosibirsk',
  calendar: 'RU',
  accounts: ['ivanov'],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};

const LOG = 'a'.repeat(64);
const PHOTO = 'b'.repeat(64);
const file = (sha256: string, name = 'журнал.log') => ({
  sha256,
  name,
  type: 'text/plain',
  size: 2048,
});

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
  const outcome = applyCommand(
    null,
    'create',
    {
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
    },
    ctx({ nextNumber: () => 7 }),
  );
  if (outcome.status !== 'applied') throw new Error('create failed');
  return outcome.ticket;
}

function applied(ticket: Ticket, type: 'attach' | 'detach', payload: unknown, patch = {}) {
  const outcome = applyCommand(ticket, type, payload, ctx(patch));
  if (outcome.status !== 'applied') throw new Error(`${type}: ${JSON.stringify(outcome)}`);
  return outcome.ticket;
}

describe('attach', () => {
  it('adds the file with who attached it and when they did, as a new version without an SLA event', () => {
    const ticket = created();
    // Attached offline at 05:30Z, pushed at 06:00Z: the record keeps 05:30Z.
    const next = applied(ticket, 'attach', file(LOG), {
      commandId: 'attach-1',
      at: '2025-11-05T05:30:00.000Z',
      now: '2025-11-05T06:00:00.000Z',
    });
    expect(next.attachments).toEqual([
      {
        commandId: 'attach-1',
        author: 'Петров П.',
        authorId: 'petrov',
        at: '2025-11-05T05:30:00.000Z',
        ...file(LOG),
      },
    ]);
    expect([next.version, next.updatedAt, next.events]).toEqual([
      2,
      '2025-11-05T06:00:00.000Z',
      [],
    ]);
  });

  it('marks a time the server clamped, as on every other record', () => {
    // The device said 2025-11-05 09:00Z, an hour after the server's now (08:00Z).
    const { at, adjusted } = eventTimeFor(
      created(),
      '2025-11-05T09:00:00.000Z',
      '2025-11-05T08:00:00.000Z',
    );
    const next = applied(created(), 'attach', file(LOG), { at, adjusted });
    expect(next.attachments![0]).toMatchObject({ at: '2025-11-05T08:00:00.000Z', adjusted: true });
  });

  it('is allowed on a resolved ticket, by anyone, whatever version the device saw', () => {
    let ticket = applied(created(), 'attach', file(PHOTO));
    const resolved = applyCommand(ticket, 'resolve', { result: 'Исправлено' }, ctx());
    if (resolved.status !== 'applied') throw new Error('resolve failed');
    ticket = applied(resolved.ticket, 'attach', file(LOG), {
      authorId: 'sidorova',
      author: 'Сидорова А.',
      baseVersion: 1,
    });
    expect(ticket.state).toBe('resolved');
    expect(ticket.attachments!.map((f) => [f.sha256, f.authorId])).toEqual([
      [PHOTO, 'petrov'],
      [LOG, 'sidorova'],
    ]);
  });

  it('is a noop for content the ticket already lists, under whatever name', () => {
    const ticket = applied(created(), 'attach', file(LOG));
    expect(applyCommand(ticket, 'attach', file(LOG, 'копия.log'), ctx())).toEqual({
      status: 'noop',
    });
  });

  it('works on a ticket stored before attachments existed (no `attachments` field)', () => {
    const old = created();
    delete old.attachments;
    expect(applied(old, 'attach', file(LOG)).attachments).toHaveLength(1);
  });

  it.each([
    ['sha256', { sha256: 'XYZ' }, /payload\.sha256 sha256 must be 64 lowercase hexadecimal/],
    ['name', { name: 'COM1.txt' }, /payload\.name name /],
    ['type', { type: 'Image/PNG; charset=x' }, /payload\.type type must be a media type/],
    ['size', { size: 0 }, /payload\.size size must be at least 1 byte/],
  ])('rejects a bad %s, naming it', (_field, patch, message) => {
    const outcome = applyCommand(created(), 'attach', { ...file(LOG), ...patch }, ctx());
    expect(outcome).toMatchObject({ status: 'rejected', error: { code: 'invalid_payload' } });
    expect(outcome.status === 'rejected' && outcome.error.message).toMatch(message);
  });

  it('rejects an attach to a ticket that does not exist', () => {
    expect(applyCommand(null, 'attach', file(LOG), ctx())).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_ticket' },
    });
  });
});

describe('detach', () => {
  it('marks the file removed by whom and when, keeping it in the history', () => {
    const ticket = applied(created(), 'attach', file(LOG), { at: '2025-11-05T04:10:00.000Z' });
    const next = applied(
      ticket,
      'detach',
      { sha256: LOG },
      {
        commandId: 'detach-1',
        authorId: 'sidorova',
        author: 'Сидорова А.',
        at: '2025-11-05T04:20:00.000Z',
      },
    );
    expect(next.attachments).toEqual([
      {
        ...ticket.attachments![0],
        removed: {
          commandId: 'detach-1',
          author: 'Сидорова А.',
          authorId: 'sidorova',
          at: '2025-11-05T04:20:00.000Z',
        },
      },
    ]);
    expect(next.version).toBe(ticket.version + 1);
  });

  it('is a noop for a file the ticket does not list now, and a new attach is a new entry', () => {
    const attached = applied(created(), 'attach', file(LOG));
    const detached = applied(attached, 'detach', { sha256: LOG });
    expect(applyCommand(detached, 'detach', { sha256: LOG }, ctx())).toEqual({ status: 'noop' });
    expect(applyCommand(attached, 'detach', { sha256: PHOTO }, ctx())).toEqual({ status: 'noop' });
    const again = applied(detached, 'attach', file(LOG));
    expect(again.attachments!.map((f) => f.removed === undefined)).toEqual([false, true]);
  });
});

describe('attachments under any sequence of attach and detach', () => {
  it('list each content at most once, exactly as the last applied action left it, and never lose history', () => {
    const action = fc.record({
      type: fc.constantFrom('attach' as const, 'detach' as const),
      sha256: fc.constantFrom(LOG, PHOTO, 'c'.repeat(64)),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let ticket = created();
        const listed = new Set<string>();
        let history = 0;
        for (const { type, sha256 } of actions) {
          const payload = type === 'attach' ? file(sha256) : { sha256 };
          const outcome = applyCommand(ticket, type, payload, ctx());
          const changes = type === 'attach' ? !listed.has(sha256) : listed.has(sha256);
          expect(outcome.status).toBe(changes ? 'applied' : 'noop');
          if (outcome.status !== 'applied') continue;
          ticket = outcome.ticket;
          if (type === 'attach') {
            listed.add(sha256);
            history += 1;
          } else listed.delete(sha256);
        }
        const files = ticket.attachments ?? [];
        expect(files).toHaveLength(history);
        expect(new Set(files.filter((f) => !f.removed).map((f) => f.sha256))).toEqual(listed);
      }),
    );
  });
});
