import { describe, expect, it } from 'vitest';
import { applyCommand, type CommandContext, type Organization, type Ticket } from '@shared/domain';

// `attach` and `detach` as the ERP applies them and the device predicts them (contract 2, blobs).

const org: Organization = {
  id: 'org-1',
  name: 'ООО «Ромашка»',
  timeZone: 'Asia/Novosibirsk',
  calendar: 'RU',
  accounts: ['ivanov'],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};

let seq = 0;
function ctx(patch: Partial<CommandContext> = {}): CommandContext {
  seq += 1;
  return {
    commandId: `cmd-${seq}`,
    ticketId: 't-1',
    author: 'Петров П.',
    authorId: 'petrov',
    // 2025-11-05 11:00 in Novosibirsk (UTC+7): a working Wednesday.
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
      steps: 'Открыть отчёт',
      expected: 'Отчёт',
      actual: 'Ошибка 500',
      diagnostics: 'Кэш очищен',
      notUserSideConfirmed: true,
      createdAt: '2025-11-05T10:00:00+07:00',
    },
    ctx({ nextNumber: () => 1 }),
  );
  if (outcome.status !== 'applied') throw new Error('create failed');
  return outcome.ticket;
}

const LOG = { sha256: 'a'.repeat(64), name: 'registratura.log', type: 'text/plain', size: 269 };

function applied(
  ticket: Ticket,
  type: 'attach' | 'detach' | 'resolve',
  payload: object,
  patch = {},
) {
  const outcome = applyCommand(ticket, type, payload, ctx(patch));
  if (outcome.status !== 'applied') throw new Error(`${type}: ${JSON.stringify(outcome)}`);
  return outcome.ticket;
}

describe('attach', () => {
  it('adds the file with its author and the action time, and no SLA event', () => {
    const ticket = created();
    const next = applied(ticket, 'attach', LOG, { at: '2025-11-05T04:30:00.000Z', adjusted: true });
    expect(next.attachments).toEqual([
      {
        ...LOG,
        commandId: expect.any(String) as string,
        author: 'Петров П.',
        authorId: 'petrov',
        at: '2025-11-05T04:30:00.000Z',
        adjusted: true,
      },
    ]);
    expect(next.events).toEqual(ticket.events);
    expect(next.version).toBe(ticket.version + 1);
  });

  it('the same file again while attached changes nothing (noop)', () => {
    const once = applied(created(), 'attach', LOG);
    expect(applyCommand(once, 'attach', { ...LOG, name: 'другое имя.log' }, ctx())).toEqual({
      status: 'noop',
    });
  });

  it('is allowed on a resolved ticket: evidence arrives after resolution too', () => {
    const resolved = applied(created(), 'resolve', { result: 'Исправлено' });
    expect(resolved.state).toBe('resolved');
    expect(applied(resolved, 'attach', LOG).attachments).toHaveLength(1);
  });

  it.each([
    [{ ...LOG, name: '../etc/passwd' }, 'payload.name'],
    [{ ...LOG, name: 'CON.txt' }, 'payload.name'],
    [{ ...LOG, size: 0 }, 'payload.size'],
    [{ ...LOG, sha256: 'A'.repeat(64) }, 'payload.sha256'],
    [{ ...LOG, type: 'text/plain; charset=utf-8' }, 'payload.type'],
    [{ ...LOG, extra: 1 }, 'payload'],
  ])('refuses a bad payload naming the field (%j)', (payload, field) => {
    const outcome = applyCommand(created(), 'attach', payload, ctx());
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.error.message).toContain(field);
  });
});

describe('detach', () => {
  it('marks the file removed, keeping who attached it and who removed it', () => {
    const attached = applied(created(), 'attach', LOG);
    const detached = applied(
      attached,
      'detach',
      { sha256: LOG.sha256 },
      {
        author: 'Сидорова А.',
        authorId: 'sidorova',
        at: '2025-11-05T05:00:00.000Z',
      },
    );
    expect(detached.attachments?.[0]).toMatchObject({
      ...LOG,
      author: 'Петров П.',
      removed: { author: 'Сидорова А.', authorId: 'sidorova', at: '2025-11-05T05:00:00.000Z' },
    });
  });

  it('a file not attached (or removed already) is a noop', () => {
    expect(applyCommand(created(), 'detach', { sha256: LOG.sha256 }, ctx())).toEqual({
      status: 'noop',
    });
    const detached = applied(applied(created(), 'attach', LOG), 'detach', { sha256: LOG.sha256 });
    expect(applyCommand(detached, 'detach', { sha256: LOG.sha256 }, ctx())).toEqual({
      status: 'noop',
    });
  });

  it('after a detach the same file can be attached again: a new entry, the old one kept', () => {
    const detached = applied(applied(created(), 'attach', LOG), 'detach', { sha256: LOG.sha256 });
    const again = applied(detached, 'attach', LOG);
    expect(again.attachments?.map((file) => file.removed === undefined)).toEqual([false, true]);
  });
});
