import { describe, expect, it } from 'vitest';
import type { Organization, User } from '@shared/domain';
import type { WireCommand } from '@shared/erp';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { issueLookup } from '@shared/erp/redmine/push/issue-lookup';
import { planCreate } from '@shared/erp/redmine/push/plan-create';
import { missingVisitEntry, planUpdate } from '@shared/erp/redmine/push/plan-update';
import type { PushContext } from '@shared/erp/redmine/push/push-context';
import { readWriteAnswer } from '@shared/erp/redmine/push/write-answer';
import { redmineIssue, timeEntry } from '@shared/erp/redmine/redmine-json';
import { readNote } from '@shared/erp/redmine/trailer';
import { applyPut } from './fake-issue';
import { ENGINEER, MAPPING, recorded } from './recorded';

const organization: Organization = {
  id: '1',
  name: 'ООО «Северсталь-Сервис»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: [],
  contactEmails: [],
  version: 1,
};
const users = new Map<string, User>([
  ['5', { id: '5', name: ENGINEER.name, active: true, version: 1 }],
  ['6', { id: '6', name: 'Пётр Волков', active: true, version: 1 }],
]);
const ctx: PushContext = {
  mapping: MAPPING,
  author: ENGINEER,
  serverNow: '2026-12-08T09:00:00Z',
  organization,
  users,
};
const issue = redmineIssue.parse(
  (recorded('issue-with-journals').body as { issue: unknown }).issue,
);
const pulled = issueToTicket(issue, MAPPING, organization, users);
if (!pulled.ok) throw new Error(pulled.reason);
const ticket = pulled.ticket;

const command = (
  type: string,
  payload: Record<string, unknown>,
  patch: Partial<WireCommand> = {},
): WireCommand => ({
  commandId: '01930f7e-4a2b-7c3d-8e9f-0000000000aa',
  seq: 9,
  type,
  ticketId: ticket.id,
  baseVersion: ticket.version,
  payload,
  clientCreatedAt: '2026-12-08T08:30:00Z',
  ...patch,
});

describe('Redmine push: updates', () => {
  it('answers duplicate when the command’s trailer is already in a journal (a retry after a lost answer)', () => {
    // Journal 2 of the recorded issue carries command …0003 (the pause).
    const plan = planUpdate(
      command(
        'pause',
        { reason: 'awaiting_user_info' },
        { commandId: '01930F7E-4A2B-7C3D-8E9F-000000000003' },
      ),
      issue,
      ticket,
      ctx,
    );
    expect(plan.kind).toBe('duplicate');
  });

  it('reopens a resolved issue with the status, a trailer and the lock_version Redmine expects', () => {
    const plan = planUpdate(command('reopen', { reason: 'Ошибка вернулась' }), issue, ticket, ctx);
    expect(plan.kind).toBe('write');
    if (plan.kind !== 'write') return;
    expect(plan.writes).toHaveLength(1);
    const write = plan.writes[0]!;
    expect(write.method).toBe('PUT');
    expect(write.path).toBe(`/issues/${issue.id}.json`);
    const body = write.body['issue'] as Record<string, unknown>;
    // 7 journals + the create's save: what Redmine accepted in put-lock-version-derived.
    expect(body['lock_version']).toBe(8);
    expect(body['status_id']).toBe(MAPPING.statuses.inProgress);
    const note = readNote(body['notes'] as string, ENGINEER.id);
    expect(note).toMatchObject({
      kind: 'trailer',
      text: 'Ошибка вернулась',
      trailer: {
        id: '01930f7e-4a2b-7c3d-8e9f-0000000000aa',
        type: 'reopen',
        at: '2026-12-08T08:30:00.000Z',
        by: '5',
      },
    });
    expect(plan.expected?.state).toBe('open');
  });

  it('pauses with the reason in its custom field, as the recorded pause Redmine accepted', () => {
    const reopen = planUpdate(command('reopen', {}), issue, ticket, ctx);
    if (reopen.kind !== 'write') throw new Error(reopen.kind);
    const reopened = applyPut(issue, reopen.writes[0]!, ENGINEER, '2026-12-08T08:59:00Z');
    const plan = planUpdate(
      command(
        'pause',
        { reason: 'third_party_fault' },
        { commandId: '01930f7e-4a2b-7c3d-8e9f-0000000000bb', baseVersion: null },
      ),
      reopened,
      reopen.expected!,
      ctx,
    );
    if (plan.kind !== 'write') throw new Error(plan.kind);
    const body = plan.writes[0]!.body['issue'] as Record<string, unknown>;
    const accepted = (recorded('put-pause').request.body as { issue: Record<string, unknown> })
      .issue;
    expect(Object.keys(body).sort()).toEqual([...Object.keys(accepted), 'lock_version'].sort());
    expect(body['custom_fields']).toEqual([
      { id: MAPPING.issueFields.pauseReason, value: 'third_party_fault' },
    ]);
  });

  it('refuses like the reference server: an impossible step is rejected, and a conflict when based on an old version', () => {
    // The ticket is resolved: pausing it is impossible.
    const current = planUpdate(
      command('pause', { reason: 'awaiting_user_info' }),
      issue,
      ticket,
      ctx,
    );
    expect(current).toMatchObject({ kind: 'rejected', error: { code: 'invalid_transition' } });
    // The device saw the ticket before the colleague's changes (version 3): the same step is a conflict.
    const stale = planUpdate(
      command('pause', { reason: 'awaiting_user_info' }, { baseVersion: 3 }),
      issue,
      ticket,
      ctx,
    );
    expect(stale).toMatchObject({
      kind: 'conflict',
      error: { code: 'invalid_transition' },
      ticket,
    });
  });

  it('logs a visit as a note with the trailer and a time entry on the local date, marked with the command id', () => {
    const visit = {
      startedAt: '2026-12-07T21:30:00Z',
      endedAt: '2026-12-07T23:00:00Z',
      note: 'Выезд, замена блока питания',
    };
    const plan = planUpdate(command('log_work', visit), issue, ticket, ctx);
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(plan.writes.map((w) => [w.method, w.path])).toEqual([
      ['PUT', `/issues/${issue.id}.json`],
      ['POST', '/time_entries.json'],
    ]);
    // 21:30 UTC is 00:30 on 8 December in Moscow (UTC+3).
    expect(plan.writes[1]!.body).toEqual({
      time_entry: {
        issue_id: issue.id,
        spent_on: '2026-12-08',
        hours: 1.5,
        activity_id: 9,
        comments: 'Выезд, замена блока питания [prokontakt 01930f7e-4a2b-7c3d-8e9f-0000000000aa]',
      },
    });
  });

  it('creates a retried visit’s time entry only if the first delivery did not (recorded entry carries …0006)', () => {
    const entries = (recorded('time-entries').body as { time_entries: unknown[] }).time_entries.map(
      (e) => timeEntry.parse(e),
    );
    const visit = {
      startedAt: '2026-12-07T09:00:00Z',
      endedAt: '2026-12-07T10:30:00Z',
      note: 'Выезд к заказчику',
    };
    const landed = command('log_work', visit, {
      commandId: '01930f7e-4a2b-7c3d-8e9f-000000000006',
    });
    expect(missingVisitEntry(landed, issue, entries, ctx)).toBeNull();
    const lost = command('log_work', visit);
    expect(missingVisitEntry(lost, issue, entries, ctx)).toMatchObject({
      method: 'POST',
      path: '/time_entries.json',
    });
    expect(missingVisitEntry(command('comment', { text: 'x' }), issue, entries, ctx)).toBeNull();
  });

  it('refuses files, which are not synced with Redmine', () => {
    const plan = planUpdate(command('detach', { sha256: 'a'.repeat(64) }), issue, ticket, ctx);
    expect(plan).toMatchObject({
      kind: 'rejected',
      error: { code: 'unsupported', message: 'detach: files are not synced with Redmine' },
    });
  });
});

describe('Redmine push: create', () => {
  const payload = {
    organizationId: '1',
    account: 'operator7',
    reporterEmail: 'it@severstal.example.ru',
    priority: 3,
    title: 'Не формируется отчёт по звонкам',
    steps: 'Шаги',
    expected: 'Отчёт',
    actual: 'Ошибка 500',
    diagnostics: 'Нет',
    notUserSideConfirmed: true,
    createdAt: '2026-12-07T07:55:00Z',
  };
  const create = command('create', payload, {
    ticketId: '01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f',
    baseVersion: null,
    clientCreatedAt: '2026-12-07T08:00:00Z',
  });

  it('posts the issue with every §4 field, the client ticket id and the creation time in the trailer', () => {
    const plan = planCreate(create, null, ctx);
    if (plan.kind !== 'write') throw new Error(plan.kind);
    const body = plan.writes[0]!.body['issue'] as Record<string, unknown>;
    const accepted = (recorded('issue-created').request.body as { issue: Record<string, unknown> })
      .issue;
    expect(Object.keys(body).sort()).toEqual(Object.keys(accepted).sort());
    expect(body).toMatchObject({
      project_id: 1,
      tracker_id: 3,
      status_id: 1,
      priority_id: MAPPING.priorities[3],
      subject: payload.title,
    });
    expect((body['custom_fields'] as { id: number }[]).map((f) => f.id)).toEqual(
      (accepted['custom_fields'] as { id: number }[]).map((f) => f.id),
    );
    const note = readNote(body['description'] as string, ENGINEER.id);
    expect(note).toMatchObject({
      kind: 'trailer',
      trailer: {
        type: 'create',
        ticket: create.ticketId,
        p: { createdAt: '2026-12-07T07:55:00.000Z' },
      },
    });
  });

  it('answers duplicate when an issue already carries the ticket id, and refuses a bad intake with the reference’s words', () => {
    expect(planCreate(create, issue, ctx).kind).toBe('duplicate');
    expect(
      planCreate(
        command('create', { ...payload, reporterEmail: 'нет' }, { baseVersion: null }),
        null,
        ctx,
      ),
    ).toMatchObject({
      kind: 'rejected',
      error: {
        code: 'invalid_payload',
        message: expect.stringContaining('payload.reporterEmail') as string,
      },
    });
  });

  it('finds an issue by its Redmine id or by the client ticket id field', () => {
    expect(issueLookup('redmine-12', MAPPING)).toEqual({ kind: 'id', issueId: 12 });
    expect(issueLookup(create.ticketId, MAPPING)).toEqual({
      kind: 'query',
      query: { status_id: '*', cf_1: create.ticketId, limit: '2' },
    });
  });
});

describe('Redmine write answers (recorded)', () => {
  it.each([
    ['put-react', { kind: 'ok' }],
    ['issue-created', { kind: 'ok' }],
    // Redmine has no 409: a stale lock_version is a 422 with an empty list.
    ['put-stale-lock-version', { kind: 'stale' }],
    [
      'error-422-create-without-subject',
      { kind: 'refused', message: 'Redmine: Тема не может быть пустым' },
    ],
    [
      'wrong-key-current-user',
      { kind: 'unauthorized', message: 'Redmine does not accept the API key (401)' },
    ],
    [
      'custom-fields-as-engineer',
      {
        kind: 'unauthorized',
        message: "the API key may not do this in Redmine (403): check the role's permissions",
      },
    ],
    ['issue-not-found', { kind: 'gone', message: 'the issue no longer exists in Redmine (404)' }],
  ])('%s', (name, expected) => {
    const answer = recorded(name);
    expect(readWriteAnswer(answer.status, answer.body)).toEqual(expected);
  });
});
