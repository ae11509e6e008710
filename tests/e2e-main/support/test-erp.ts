import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ticket } from '@shared/domain/ticket';
import { pushResponse, PROTOCOL_VERSION, type PushRequest } from '@shared/erp/protocol';
import type { Priority } from '@shared/sla';
import type { startDemoErp } from '../../../electron/demo-erp';
import { repoRoot } from './main-process';

/*
 * The demo ERP on loopback with a token of its own, as a customer's ERP the engineer connects the
 * app to. Empty but for its organizations, so the tray and the alerts react only to the tickets a
 * test registers (as another engineer's device would, through the push API).
 */

export interface TicketSpec {
  organizationId: string;
  priority: Priority;
  createdAt: string;
  title: string;
}

export interface TestErp {
  url: string;
  token: string;
  createTicket(spec: TicketSpec): Promise<Ticket>;
  /** Resolves a ticket from another device. */
  resolveTicket(ticket: Ticket, result: string): Promise<Ticket>;
  close(): Promise<void>;
}

export async function startTestErp(dataDir: string): Promise<TestErp> {
  // The build the app ships, as serve-web runs it.
  const { startDemoErp: start } = (await import(
    pathToFileURL(join(repoRoot, 'out/main/demo-erp.js')).href
  )) as { startDemoErp: typeof startDemoErp };
  const token = `pk_e2e_${randomBytes(18).toString('base64url')}`;
  // One engineer of the team, signed in with a token only this test knows.
  const erp = await start({
    dataDir,
    users: [{ id: 'e2e', name: 'Инженер E2E', token }],
    seed: false,
  });

  async function push(commands: PushRequest['commands']): Promise<Ticket> {
    const response = await fetch(`${erp.url}/sync/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: randomUUID(), commands }),
    });
    const body = pushResponse.parse(await response.json());
    const result = body.results.at(-1);
    if (result?.status !== 'applied' || !result.ticket) {
      throw new Error(`the ERP did not apply the test's command: ${JSON.stringify(result)}`);
    }
    return result.ticket as Ticket;
  }

  return {
    url: erp.url,
    token,
    createTicket: (spec) => {
      const ticketId = randomUUID();
      return push([
        {
          commandId: randomUUID(),
          seq: 1,
          type: 'create',
          ticketId,
          baseVersion: null,
          clientCreatedAt: spec.createdAt,
          payload: {
            organizationId: spec.organizationId,
            account: 'operator01',
            reporterEmail: 'it@example.ru',
            priority: spec.priority,
            title: spec.title,
            steps: 'Открыть журнал обращений и нажать «Сформировать».',
            expected: 'Отчёт сформирован.',
            actual: 'Ошибка PK-1042.',
            diagnostics: 'Повторяется на двух рабочих местах.',
            notUserSideConfirmed: true,
            createdAt: spec.createdAt,
          },
        },
      ]);
    },
    resolveTicket: (ticket, result) =>
      push([
        {
          commandId: randomUUID(),
          seq: 1,
          type: 'resolve',
          ticketId: ticket.id,
          baseVersion: ticket.version,
          clientCreatedAt: new Date().toISOString(),
          payload: { result },
        },
      ]),
    close: () => erp.close(),
  };
}
