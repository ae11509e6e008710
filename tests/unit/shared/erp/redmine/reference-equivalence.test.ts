import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyCommand,
  eventTimeFor,
  toSlaTicket,
  type Organization,
  type Ticket,
  type User,
} from '@shared/domain';
import type { WireCommand } from '@shared/erp';
import { evaluateSla } from '@shared/sla';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { planCreate } from '@shared/erp/redmine/push/plan-create';
import { planUpdate } from '@shared/erp/redmine/push/plan-update';
import type { PushContext } from '@shared/erp/redmine/push/push-context';
import type { RedmineIssue } from '@shared/erp/redmine/redmine-json';
import { applyPut, issueFromCreate } from './fake-issue';
import { ENGINEER, MAPPING } from './recorded';

// Moscow (UTC+3, RU calendar); the request is created on Monday 2026-12-07 at 10:00 local.
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
const CREATED_MS = Date.parse('2026-12-07T07:00:00Z');
const TICKET_ID = '01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f';

const uuid = (n: number) => `01930f7e-4a2b-7c3d-8e9f-${n.toString(16).padStart(12, '0')}`;

/** A command the engineer may send, with how long after the previous one and how late it reaches the ERP. */
const step = fc.record({
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
      payload: fc.constant({ releaseDate: '2027-01-20' }),
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

describe('Redmine journals replay to the reference server’s ticket', () => {
  it('gives the same events, comments, state and SLA verdict for the same commands', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.constantFrom(1, 2, 3, 4),
        (steps, priority) => {
          const createCommand: WireCommand = {
            commandId: uuid(1),
            seq: 1,
            type: 'create',
            ticketId: TICKET_ID,
            baseVersion: null,
            clientCreatedAt: new Date(CREATED_MS).toISOString(),
            payload: {
              organizationId: '1',
              account: 'operator7',
              reporterEmail: 'it@severstal.example.ru',
              priority,
              title: 'Отчёт',
              steps: 'Шаги',
              expected: 'Отчёт',
              actual: 'Ошибка',
              diagnostics: 'Нет',
              notUserSideConfirmed: true,
              createdAt: new Date(CREATED_MS).toISOString(),
            },
          };
          let serverMs = CREATED_MS + 60_000;
          const ctxAt = (nowMs: number): PushContext => ({
            mapping: MAPPING,
            author: ENGINEER,
            serverNow: new Date(nowMs).toISOString(),
            organization,
            users,
          });

          // The reference server: eventTimeFor + applyCommand, as electron/demo-erp/push/apply-push.ts does.
          const reference = (ticket: Ticket | null, command: WireCommand, nowMs: number) => {
            const now = new Date(nowMs).toISOString();
            const { at, adjusted } = eventTimeFor(ticket, command.clientCreatedAt, now);
            return applyCommand(ticket, command.type as never, command.payload, {
              commandId: command.commandId,
              ticketId: TICKET_ID,
              author: ENGINEER.name,
              authorId: '5',
              at,
              adjusted,
              baseVersion: command.baseVersion,
              organization,
              users: (id) => users.get(id),
              now,
            });
          };
          const created = reference(null, createCommand, serverMs);
          if (created.status !== 'applied') throw new Error('create refused');
          let expected = created.ticket;
          const plan = planCreate(createCommand, null, ctxAt(serverMs));
          if (plan.kind !== 'write') throw new Error(`create planned as ${plan.kind}`);
          let issue: RedmineIssue = issueFromCreate(
            plan.writes[0]!,
            1,
            ENGINEER,
            new Date(serverMs).toISOString(),
          );
          const pulled = () => {
            const outcome = issueToTicket(issue, MAPPING, organization, users);
            if (!outcome.ok) throw new Error(outcome.reason);
            return outcome.ticket;
          };

          let actionMs = CREATED_MS;
          steps.forEach((s, i) => {
            actionMs += s.afterMinutes * 60_000;
            // Whole seconds: Redmine stamps journals to the second.
            serverMs = Math.max(serverMs + 1000, actionMs + s.deliveredAfterMinutes * 60_000);
            const ticket = pulled();
            const command: WireCommand = {
              commandId: uuid(i + 2),
              seq: i + 2,
              type: s.command.type,
              ticketId: TICKET_ID,
              baseVersion: ticket.version,
              payload: s.command.payload,
              clientCreatedAt: new Date(actionMs).toISOString(),
            };
            const ref = reference(
              expected,
              { ...command, baseVersion: expected.version },
              serverMs,
            );
            const planned = planUpdate(command, issue, ticket, ctxAt(serverMs));
            expect(planned.kind === 'write' ? 'applied' : planned.kind).toBe(ref.status);
            if (ref.status === 'applied') expected = ref.ticket;
            if (planned.kind === 'write')
              issue = applyPut(
                issue,
                planned.writes[0]!,
                ENGINEER,
                new Date(serverMs).toISOString(),
              );
          });

          const ticket = pulled();
          const strip = ({ version: _v, updatedAt: _u, number: _n, ...rest }: Ticket) => rest;
          expect(strip(ticket)).toEqual(strip(expected));
          const at = new Date(serverMs + 86_400_000).toISOString();
          expect(evaluateSla(toSlaTicket(ticket, organization), at)).toEqual(
            evaluateSla(toSlaTicket(expected, organization), at),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
