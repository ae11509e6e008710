import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toSlaTicket, type Ticket } from '@shared/domain';
import { pushResponse, type WireCommand } from '@shared/erp';
import { evaluateSla } from '@shared/sla';
import { startDemoErp, type DemoErp } from '../../../../../electron/demo-erp/index';
import { ENGINEER } from './recorded';
import {
  createPayload,
  REDMINE_ORG,
  STEP,
  throughRedmine,
  timeline,
  uuid,
  type Step,
} from './equivalence-kit';

// The reference server itself (electron/demo-erp, over HTTP, its clock set per push) against
// Redmine journals replayed. Its team uses the Redmine users' ids, so authors and assignees match.
// Its organization «Столица» is in Moscow on the RU calendar, like the Redmine project.
const ORG_ID = 'org-msk-stolitsa';
const TOKEN = 'engineer-token';
// Monday 2026-12-07 10:00 Moscow; each run starts 14 days after the previous one (a run spans at
// most 25 × 15 h), because the reference server's clock never goes back.
const FIRST_CREATED_MS = Date.parse('2026-12-07T07:00:00Z');
const RUN_SPACING_MS = 14 * 86_400_000;

let erp: DemoErp;
let dataDir: string;
let clockMs = FIRST_CREATED_MS;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'redmine-equivalence-'));
  erp = await startDemoErp({
    dataDir,
    seed: false,
    users: [
      { id: '5', name: ENGINEER.name, token: TOKEN },
      { id: '6', name: 'Пётр Волков' },
    ],
    now: () => clockMs,
  });
});
afterAll(async () => {
  await erp?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function push(command: WireCommand, deviceId: string, nowMs: number) {
  clockMs = nowMs;
  const response = await fetch(`${erp.url}/sync/v1/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ protocolVersion: 1, deviceId, commands: [command] }),
  });
  const result = pushResponse.parse(await response.json()).results[0]!;
  return { status: result.status, ticket: result.ticket as Ticket | undefined };
}

async function throughReference(
  run: number,
  steps: readonly Step[],
  priority: number,
  createdMs: number,
) {
  const deviceId = uuid(run, 0xdddd);
  const ticketId = uuid(run, 0xffff);
  const createdAt = new Date(createdMs).toISOString();
  const created = await push(
    {
      commandId: uuid(run, 1),
      seq: 1,
      type: 'create',
      ticketId,
      baseVersion: null,
      clientCreatedAt: createdAt,
      payload: createPayload(ORG_ID, priority, createdAt),
    },
    deviceId,
    createdMs + 60_000,
  );
  let ticket = created.ticket!;
  const statuses: string[] = [];
  for (const [i, { actionMs, serverMs }] of timeline(steps, createdMs).entries()) {
    const { type, payload } = steps[i]!.command;
    const result = await push(
      {
        commandId: uuid(run, i + 2),
        seq: i + 2,
        type,
        ticketId,
        baseVersion: ticket.version,
        clientCreatedAt: new Date(actionMs).toISOString(),
        payload,
      },
      deviceId,
      serverMs,
    );
    statuses.push(result.status);
    if (result.ticket) ticket = result.ticket;
  }
  return { ticket, statuses };
}

const comparable = ({
  version: _v,
  updatedAt: _u,
  number: _n,
  organizationId: _o,
  ...rest
}: Ticket) => rest;

describe('Redmine journals replay to the reference server’s ticket', () => {
  let run = 0;
  it('the same commands give the same events, comments, state and SLA verdict on both', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(STEP, { maxLength: 25 }),
        fc.constantFrom(1, 2, 3, 4),
        async (steps, priority) => {
          run += 1;
          const createdMs = FIRST_CREATED_MS + run * RUN_SPACING_MS;
          const reference = await throughReference(run, steps, priority, createdMs);
          const redmine = throughRedmine(run, steps, priority, createdMs);
          expect(redmine.statuses).toEqual(reference.statuses);
          expect(comparable(redmine.ticket)).toEqual(comparable(reference.ticket));
          const at = new Date(createdMs + 90 * 86_400_000).toISOString();
          expect(evaluateSla(toSlaTicket(redmine.ticket, REDMINE_ORG), at)).toEqual(
            evaluateSla(toSlaTicket(reference.ticket, REDMINE_ORG), at),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
