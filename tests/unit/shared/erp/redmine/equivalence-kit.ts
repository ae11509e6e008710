import fc from 'fast-check';
import type { Organization, Ticket, User } from '@shared/domain';
import type { WireCommand } from '@shared/erp';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { planCreate } from '@shared/erp/redmine/push/plan-create';
import { planUpdate } from '@shared/erp/redmine/push/plan-update';
import type { PushContext } from '@shared/erp/redmine/push/push-context';
import type { RedmineIssue } from '@shared/erp/redmine/redmine-json';
import { applyPut, issueFromCreate } from './fake-issue';
import { ENGINEER, MAPPING } from './recorded';

/*
 * One engineer's command sequence, run through Redmine (push plans → journals → pull replay) so
 * a test can run the same sequence through the reference server and compare.
 */

/** The Redmine side's organization: project 1, Moscow (UTC+3), RU calendar. */
export const REDMINE_ORG: Organization = {
  id: '1',
  name: 'ООО «Северсталь-Сервис»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: [],
  contactEmails: [],
  version: 1,
};
export const REDMINE_USERS = new Map<string, User>([
  ['5', { id: '5', name: ENGINEER.name, active: true, version: 1 }],
  ['6', { id: '6', name: 'Пётр Волков', active: true, version: 1 }],
]);

export const uuid = (run: number, n: number) =>
  `01930f7e-4a2b-7c3d-${(0x8000 + run).toString(16)}-${n.toString(16).padStart(12, '0')}`;

/** A command the engineer may send, how long after the previous one, and how late it reaches the ERP. */
export const STEP = fc.record({
  command: fc.oneof(
    fc.constant({ type: 'react', payload: {} }),
    fc.record({
      type: fc.constant('pause'),
      payload: fc.oneof(
        fc.constant({ reason: 'awaiting_user_info' }),
        fc.constant({ reason: 'other', note: 'Ждём поставку' }),
      ),
    }),
    fc.constant({ type: 'resume', payload: {} }),
    fc.record({ type: fc.constant('resolve'), payload: fc.constant({ result: 'Исправлено' }) }),
    fc.constant({ type: 'reopen', payload: {} }),
    fc.record({
      type: fc.constant('change_priority'),
      payload: fc.record({ to: fc.constantFrom(1, 2, 3, 4) }),
    }),
    fc.record({
      type: fc.constant('extend'),
      payload: fc.record({
        hours: fc.integer({ min: 1, max: 16 }),
        note: fc.constant('Согласовано'),
      }),
    }),
    fc.record({
      type: fc.constant('schedule_fix'),
      payload: fc.constant({ releaseDate: '2029-01-20' }),
    }),
    fc.record({
      type: fc.constant('comment'),
      payload: fc.record({
        text: fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((t) => t.trim() !== '' && !t.includes('[prokontakt')),
      }),
    }),
    fc.record({
      type: fc.constant('assign'),
      payload: fc.record({ to: fc.constantFrom('5', '6', null) }),
    }),
  ),
  afterMinutes: fc.integer({ min: 1, max: 600 }),
  // How long the command waited offline; negative: the device's clock ran ahead of the ERP's.
  deliveredAfterMinutes: fc.integer({ min: -10, max: 300 }),
});
export type Step = {
  command: { type: string; payload: Record<string, unknown> };
  afterMinutes: number;
  deliveredAfterMinutes: number;
};

/** When each step was done and when it reached the ERP (whole seconds: Redmine stamps to the second). */
export function timeline(
  steps: readonly Step[],
  createdMs: number,
): { actionMs: number; serverMs: number }[] {
  let actionMs = createdMs;
  let serverMs = createdMs + 60_000;
  return steps.map((s) => {
    actionMs += s.afterMinutes * 60_000;
    serverMs = Math.max(serverMs + 1000, actionMs + s.deliveredAfterMinutes * 60_000);
    return { actionMs, serverMs };
  });
}

export function createPayload(organizationId: string, priority: number, createdAt: string) {
  return {
    organizationId,
    account: 'operator7',
    reporterEmail: 'it@severstal.example.ru',
    priority,
    title: 'Отчёт',
    steps: 'Шаги',
    expected: 'Отчёт',
    actual: 'Ошибка',
    diagnostics: 'Нет',
    notUserSideConfirmed: true,
    createdAt,
  };
}

/**
 * The sequence through Redmine: each command planned against the issue as pulled so far, its
 * write applied as Redmine would, and the issue finally pulled. `statuses` are the push answers.
 */
export function throughRedmine(
  run: number,
  steps: readonly Step[],
  priority: number,
  createdMs: number,
): { ticket: Ticket; statuses: string[] } {
  const ticketId = uuid(run, 0xffff);
  const ctxAt = (nowMs: number): PushContext => ({
    mapping: MAPPING,
    author: ENGINEER,
    serverNow: new Date(nowMs).toISOString(),
    organization: REDMINE_ORG,
    users: REDMINE_USERS,
  });
  const createdAt = new Date(createdMs).toISOString();
  const create: WireCommand = {
    commandId: uuid(run, 1),
    seq: 1,
    type: 'create',
    ticketId,
    baseVersion: null,
    clientCreatedAt: createdAt,
    payload: createPayload('1', priority, createdAt),
  };
  const plan = planCreate(create, null, ctxAt(createdMs + 60_000));
  if (plan.kind !== 'write') throw new Error(`create planned as ${plan.kind}`);
  let issue: RedmineIssue = issueFromCreate(
    plan.writes[0]!,
    1,
    ENGINEER,
    new Date(createdMs + 60_000).toISOString(),
  );
  const pulled = () => {
    const outcome = issueToTicket(issue, MAPPING, REDMINE_ORG, REDMINE_USERS);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.ticket;
  };
  const statuses: string[] = [];
  timeline(steps, createdMs).forEach(({ actionMs, serverMs }, i) => {
    const ticket = pulled();
    const s = steps[i]!;
    const command: WireCommand = {
      commandId: uuid(run, i + 2),
      seq: i + 2,
      type: s.command.type,
      ticketId,
      baseVersion: ticket.version,
      payload: s.command.payload,
      clientCreatedAt: new Date(actionMs).toISOString(),
    };
    const planned = planUpdate(command, issue, ticket, ctxAt(serverMs));
    statuses.push(planned.kind === 'write' ? 'applied' : planned.kind);
    if (planned.kind === 'write')
      issue = applyPut(issue, planned.writes[0]!, ENGINEER, new Date(serverMs).toISOString());
  });
  return { ticket: pulled(), statuses };
}
