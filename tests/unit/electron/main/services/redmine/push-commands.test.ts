import { beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import type { PushResponse, WireCommand } from '@shared/erp/protocol';
import { readNote } from '@shared/erp/redmine/trailer';
import { createRedmineBackend } from '../../../../../../electron/main/services/redmine/redmine-backend';
import { MAPPING } from '../../../../shared/erp/redmine/recorded';
import { createFakeRedmine } from './fake-redmine-push';

// 2026-12-08 is a Tuesday, a working day in the RU calendar; project 1 is in Europe/Moscow (UTC+3).
const clock = { now: '2026-12-08T09:00:00Z' };
const TICKET = '01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f';
let redmine: ReturnType<typeof createFakeRedmine>;
let seq = 0;
let idTail = 0;

const backend = () =>
  createRedmineBackend({
    fetch: redmine.fetch,
    endpoint: async () => ({
      baseUrl: 'http://127.0.0.1:3000',
      apiKey: 'k'.repeat(40),
      mapping: MAPPING,
    }),
    now: () => Date.parse(clock.now),
  });

const command = (
  type: string,
  payload: Record<string, unknown>,
  patch: Partial<WireCommand> = {},
): WireCommand => ({
  commandId: `01930f7e-4a2b-7c3d-8e9f-${String(++idTail).padStart(12, '0')}`,
  seq: ++seq,
  type,
  ticketId: TICKET,
  baseVersion: null,
  payload,
  clientCreatedAt: '2026-12-08T08:00:00Z',
  ...patch,
});

const intake = () =>
  command('create', {
    organizationId: '1',
    account: 'operator7',
    reporterEmail: 'it@severstal.example.ru',
    priority: 3,
    title: 'Не формируется отчёт по звонкам',
    steps: 'Открыть отчёт',
    expected: 'Отчёт',
    actual: 'Ошибка 500',
    diagnostics: 'Логи приложены',
    notUserSideConfirmed: true,
    createdAt: '2026-12-08T07:55:00Z',
  });

async function push(...commands: WireCommand[]) {
  const answered = await backend().push({
    protocolVersion: 1,
    deviceId: '0b8e2d7c-1f4a-4c3e-9a5b-6d7e8f9a0b1c',
    commands,
  });
  if (!answered.ok)
    return { failure: answered.error, status: 0, body: null as PushResponse | null };
  return {
    failure: null,
    status: answered.value.status,
    body: answered.value.status === 200 ? (answered.value.body as PushResponse) : null,
    error: answered.value.body,
  };
}

const notesWith = (commandId: string) =>
  [...redmine.issues.values()]
    .flatMap((issue) => issue.journals ?? [])
    .filter((j) => {
      const note = readNote(j.notes, 5);
      return note.kind === 'trailer' && note.trailer.id === commandId;
    });

beforeEach(() => {
  clock.now = '2026-12-08T09:00:00Z';
  redmine = createFakeRedmine(clock);
});

describe('Redmine push', () => {
  it('creates the issue once with every §4 field and answers the ticket the pull would make', async () => {
    const create = intake();
    const answer = await push(create);
    expect(answer.status).toBe(200);
    expect(answer.body!.results).toMatchObject([
      { commandId: create.commandId, status: 'applied' },
    ]);
    const ticket = answer.body!.results[0]!.ticket as Ticket;
    expect(ticket).toMatchObject({
      id: TICKET,
      number: 1,
      account: 'operator7',
      steps: 'Открыть отчёт',
      diagnostics: 'Логи приложены',
      reporterEmail: 'it@severstal.example.ru',
      createdAt: '2026-12-08T07:55:00.000Z',
    });
    expect(answer.body!.serverTime).toBe('2026-12-08T09:00:00.000Z');
    expect(answer.body!.lastSeq).toBe(create.seq);
    expect(redmine.issues.size).toBe(1);
  });

  it('answers a retried create whose answer was lost after Redmine saved it as a duplicate, with one issue', async () => {
    const create = intake();
    redmine.faults.dropAnswerAfterCommit = true;
    const lost = await push(create);
    expect(lost.failure?.code).toBeDefined();
    const retry = await push(create);
    expect(retry.body!.results).toMatchObject([
      { status: 'duplicate', originalStatus: 'applied', ticket: { id: TICKET } },
    ]);
    expect(redmine.issues.size).toBe(1);
  });

  it('answers a retried pause whose answer was lost as a duplicate, and the journal has its note once', async () => {
    await push(intake());
    const react = command('react', {}, { baseVersion: 1 });
    await push(react);
    const pause = command(
      'pause',
      { reason: 'awaiting_user_info' },
      { baseVersion: 2, clientCreatedAt: '2026-12-08T08:05:00Z' },
    );
    redmine.faults.dropAnswerAfterCommit = true;
    expect((await push(pause)).failure).not.toBeNull();
    const retry = await push(pause);
    expect(retry.body!.results).toMatchObject([
      { status: 'duplicate', ticket: { state: 'paused' } },
    ]);
    expect(notesWith(pause.commandId)).toHaveLength(1);
    // The pause counts from when the engineer acted (08:05), not from when Redmine saved it (09:00).
    const ticket = retry.body!.results[0]!.ticket as Ticket;
    expect(ticket.events.at(-1)).toMatchObject({ type: 'paused', at: '2026-12-08T08:05:00.000Z' });
  });

  it('makes the visit’s time entry on the retry when the push stopped between the journal and the entry', async () => {
    await push(intake());
    await push(command('react', {}, { baseVersion: 1 }));
    // Moscow 11:00–11:30 on a working Tuesday, after the intake (10:55): half an hour on site.
    const visit = command(
      'log_work',
      {
        startedAt: '2026-12-08T08:00:00Z',
        endedAt: '2026-12-08T08:30:00Z',
        note: 'Выезд к заказчику',
      },
      { baseVersion: 2, clientCreatedAt: '2026-12-08T08:40:00Z' },
    );
    redmine.faults.dropAnswerAfterCommit = true;
    expect((await push(visit)).failure).not.toBeNull();
    expect(redmine.timeEntries).toHaveLength(0);
    expect((await push(visit)).body!.results).toMatchObject([{ status: 'duplicate' }]);
    expect((await push(visit)).body!.results).toMatchObject([{ status: 'duplicate' }]);
    expect(redmine.timeEntries).toMatchObject([{ hours: 0.5, spent_on: '2026-12-08' }]);
    expect(notesWith(visit.commandId)).toHaveLength(1);
  });

  it('reads the issue again and applies when a colleague saved in between (a stale lock_version)', async () => {
    await push(intake());
    await push(command('react', {}, { baseVersion: 1 }));
    redmine.faults.colleagueSavesFirst = 1;
    const pause = command('pause', { reason: 'awaiting_user_info' }, { baseVersion: 2 });
    const answer = await push(pause);
    expect(answer.body!.results).toMatchObject([
      { status: 'applied', ticket: { state: 'paused' } },
    ]);
    const journals = redmine.issues.get(1)!.journals!;
    expect(journals.map((j) => j.user?.id)).toEqual([5, 6, 5]);
    expect(notesWith(pause.commandId)).toHaveLength(1);
  });

  it('answers conflict with the current ticket when a colleague saves before every attempt', async () => {
    await push(intake());
    redmine.faults.colleagueSavesFirst = 10;
    const pause = command('comment', { text: 'Моё' }, { baseVersion: 1 });
    const answer = await push(pause);
    expect(answer.body!.results).toMatchObject([
      { status: 'conflict', error: { code: 'invalid_transition' }, ticket: { id: TICKET } },
    ]);
    expect(notesWith(pause.commandId)).toHaveLength(0);
    // The ticket answered is Redmine's now: the colleague's four notes are in its comments.
    expect((answer.body!.results[0]!.ticket as Ticket).comments).toHaveLength(4);
  });

  it('answers conflict, writing nothing, when a colleague resolved the issue the engineer pauses', async () => {
    await push(intake());
    await push(command('react', {}, { baseVersion: 1 }));
    await push(command('resolve', { result: 'Исправлено' }, { baseVersion: 2 }));
    const stalePause = command('pause', { reason: 'awaiting_user_info' }, { baseVersion: 2 });
    const answer = await push(stalePause);
    expect(answer.body!.results).toMatchObject([
      { status: 'conflict', ticket: { state: 'resolved' } },
    ]);
    expect(notesWith(stalePause.commandId)).toHaveLength(0);
  });

  it('refuses a write the role may not make (403) naming the permission, without stopping the push', async () => {
    await push(intake());
    redmine.faults.answerNextWrite = 403;
    const answer = await push(
      command('comment', { text: 'Нельзя' }, { baseVersion: 1 }),
      command('comment', { text: 'Можно' }, { baseVersion: 1 }),
    );
    expect(answer.body!.results).toMatchObject([
      { status: 'rejected', error: { message: expect.stringContaining('403') as string } },
      { status: 'applied' },
    ]);
  });

  it('answers the commands already done when Redmine fails mid-push; the rest is resent and lands once', async () => {
    await push(intake());
    const first = command('comment', { text: 'Первый' }, { baseVersion: 1 });
    const second = command('comment', { text: 'Второй' }, { baseVersion: 1 });
    redmine.faults.writesBeforeThat = 1;
    redmine.faults.answerNextWrite = 503;
    const answer = await push(first, second);
    expect(answer.body!.results).toMatchObject([{ commandId: first.commandId, status: 'applied' }]);
    expect(answer.body!.results).toHaveLength(1);
    const resent = await push(second);
    expect(resent.body!.results).toMatchObject([{ status: 'applied' }]);
    expect([notesWith(first.commandId), notesWith(second.commandId)].map((n) => n.length)).toEqual([
      1, 1,
    ]);
  });

  it('answers Redmine failing on the first command as the failure itself, with no results', async () => {
    await push(intake());
    redmine.faults.answerNextWrite = 503;
    const answer = await push(command('comment', { text: 'Первый' }, { baseVersion: 1 }));
    expect(answer.status).toBe(503);
    expect(answer.error).toMatchObject({ error: { code: 'redmine_unavailable' } });
  });

  it('refuses a command Redmine refuses, naming Redmine’s message, and goes on with the next', async () => {
    await push(intake());
    redmine.faults.refuseNextWrite = 'Причина приостановки имеет неверное значение';
    const pause = command('pause', { reason: 'awaiting_user_info' }, { baseVersion: 1 });
    const comment = command('comment', { text: 'Позвонили пользователю' }, { baseVersion: 1 });
    const answer = await push(pause, comment);
    expect(answer.body!.results).toMatchObject([
      {
        status: 'rejected',
        error: {
          code: 'invalid_payload',
          message: 'Redmine: Причина приостановки имеет неверное значение',
        },
      },
      { status: 'applied' },
    ]);
    // Only the last result about the ticket carries it: an earlier copy would be older.
    expect(answer.body!.results[0]!.ticket).toBeUndefined();
  });

  it('answers a wrong key as the reference server answers a bad token: 401 for the whole push', async () => {
    redmine.faults.answerAll = 401;
    const answer = await push(intake());
    expect(answer.status).toBe(401);
    expect(answer.error).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers Redmine down (503) as a retryable failure and writes nothing', async () => {
    redmine.faults.answerAll = 503;
    const answer = await push(intake());
    expect(answer.status).toBe(503);
    expect(redmine.issues.size).toBe(0);
  });

  it('defers a command for a ticket Redmine does not have yet, and the ones after it', async () => {
    const early = command(
      'comment',
      { text: 'Ещё нет заявки' },
      {
        ticketId: 'a2b3c4d5-0000-4000-8000-000000000001',
        baseVersion: 1,
        clientCreatedAt: '2026-12-08T08:58:00Z',
      },
    );
    const next = command('comment', { text: 'После неё' }, { baseVersion: 1 });
    const answer = await push(early, next);
    expect(answer.body!.results).toMatchObject([
      { status: 'deferred', error: { code: 'ticket_not_yet_known' } },
      { status: 'deferred', error: { code: 'not_processed' } },
    ]);
    expect(answer.body!.lastSeq).toBe(0);
  });

  it('refuses a command on an issue deleted in Redmine as ticket_deleted', async () => {
    const answer = await push(
      command('comment', { text: 'Поздно' }, { ticketId: 'redmine-77', baseVersion: 3 }),
    );
    expect(answer.body!.results).toMatchObject([
      { status: 'rejected', error: { code: 'ticket_deleted' } },
    ]);
  });

  it('refuses a command for a ticket whose create was refused in the same push', async () => {
    const bad = command('create', { ...intake().payload, reporterEmail: 'нет' });
    const then = command('comment', { text: 'После неё' }, { baseVersion: 1 });
    const answer = await push(bad, then);
    expect(answer.body!.results).toMatchObject([
      { status: 'rejected', error: { code: 'invalid_payload' } },
      { status: 'rejected', error: { code: 'unknown_ticket' } },
    ]);
    expect(redmine.issues.size).toBe(0);
  });

  it('refuses window commands as not supported without asking Redmine, and goes on with the next', async () => {
    const plan = command(
      'plan_window',
      {
        organizationId: '1',
        // Saturday 2026-12-12, 10:00–14:00 in Moscow: allowed hours, a valid plan anywhere else.
        startsAt: '2026-12-12T07:00:00Z',
        endsAt: '2026-12-12T11:00:00Z',
        unavailable: 'Отчёты',
        mode: 'normal',
      },
      { ticketId: '01930f7e-4a2b-7c3d-8e9f-ffffffffffff' },
    );
    const cancel = command('cancel_window', {}, { ticketId: plan.ticketId, baseVersion: 1 });
    const alone = await push(plan, cancel);
    // Only who the key belongs to was asked: nothing was looked up or written for the windows.
    expect(redmine.requests).toEqual(['GET /users/current.json']);
    expect(alone.body!.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const create = intake();
    const answer = await push(plan, cancel, create);
    expect(answer.body!.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'not_supported'],
      ['rejected', 'not_supported'],
      ['applied', undefined],
    ]);
    expect(answer.body!.results[0]!.error!.message).toMatch(/Redmine has no maintenance windows/);
    expect(answer.body!.results[0]).not.toHaveProperty('window');
    expect(answer.body!.lastSeq).toBe(create.seq);
    expect(redmine.issues.size).toBe(1);
  });
});
