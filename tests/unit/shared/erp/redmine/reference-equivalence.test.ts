import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, eventTimeFor, toSlaTicket, type Ticket } from '@shared/domain';
import type { CommandType } from '@shared/erp';
import { evaluateSla } from '@shared/sla';
import { ENGINEER } from './recorded';
import {
  createPayload,
  REDMINE_ORG,
  REDMINE_USERS,
  STEP,
  throughRedmine,
  timeline,
  uuid,
} from './equivalence-kit';

// Created on Monday 2026-12-07 at 10:00 in Moscow (UTC+3), a working day of the RU calendar.
const CREATED_MS = Date.parse('2026-12-07T07:00:00Z');

/** The reference server's step for one command: eventTimeFor, then applyCommand (as apply-push.ts). */
function referenceStep(
  ticket: Ticket | null,
  type: CommandType,
  payload: unknown,
  commandId: string,
  clientAt: string,
  nowMs: number,
) {
  const now = new Date(nowMs).toISOString();
  const { at, adjusted } = eventTimeFor(ticket, clientAt, now);
  return applyCommand(ticket, type, payload, {
    commandId,
    ticketId: ticket?.id ?? uuid(0, 0xffff),
    author: ENGINEER.name,
    authorId: '5',
    at,
    adjusted,
    baseVersion: ticket?.version ?? null,
    organization: REDMINE_ORG,
    users: (id) => REDMINE_USERS.get(id),
    now,
    receivedAt: now,
  });
}

const strip = ({ version: _v, updatedAt: _u, number: _n, ...rest }: Ticket) => rest;

describe('Redmine journals replay to the reference apply path’s ticket', () => {
  it('gives the same events, comments, state and SLA verdict for the same commands', () => {
    fc.assert(
      fc.property(
        fc.array(STEP, { maxLength: 25 }),
        fc.constantFrom(1, 2, 3, 4),
        (steps, priority) => {
          const createdAt = new Date(CREATED_MS).toISOString();
          const created = referenceStep(
            null,
            'create',
            createPayload('1', priority, createdAt),
            uuid(0, 1),
            createdAt,
            CREATED_MS + 60_000,
          );
          if (created.status !== 'applied') throw new Error('create refused');
          let expected = created.ticket;
          const statuses: string[] = [];
          timeline(steps, CREATED_MS).forEach(({ actionMs, serverMs }, i) => {
            const { type, payload } = steps[i]!.command;
            const outcome = referenceStep(
              expected,
              type,
              payload,
              uuid(0, i + 2),
              new Date(actionMs).toISOString(),
              serverMs,
            );
            statuses.push(outcome.status);
            if (outcome.status === 'applied') expected = outcome.ticket;
          });

          const redmine = throughRedmine(0, steps, priority, CREATED_MS);
          expect(redmine.statuses).toEqual(statuses);
          expect(strip(redmine.ticket)).toEqual(strip(expected));
          const at = new Date(CREATED_MS + 90 * 86_400_000).toISOString();
          expect(evaluateSla(toSlaTicket(redmine.ticket, REDMINE_ORG), at)).toEqual(
            evaluateSla(toSlaTicket(expected, REDMINE_ORG), at),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
