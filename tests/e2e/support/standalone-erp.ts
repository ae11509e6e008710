import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@shared/erp/protocol';
import type * as DemoErpModule from '../../../electron/demo-erp/index';

/**
 * A team's "own" ERP for the connection tests: the reference server, built by `npm run build`
 * (out/main/demo-erp.js, as serve-web loads it), on a free port, with a token only the test
 * knows and, optionally, a clock that runs ahead of this computer's.
 */
export interface StandaloneErp {
  /** `http://127.0.0.1:<port>/`, what a person would type. */
  url: string;
  host: string;
  token: string;
  /** Registers a ticket as another device would, straight over contract 2. */
  createTicket(title: string): Promise<string>;
  close(): Promise<void>;
}

export async function startStandaloneErp(options: {
  user: string;
  clockAheadMs?: number;
}): Promise<StandaloneErp> {
  const { startDemoErp } = (await import(
    new URL('../../../out/main/demo-erp.js', import.meta.url).href
  )) as typeof DemoErpModule;
  const dataDir = mkdtempSync(join(tmpdir(), 'prokontakt-e2e-erp-'));
  const token = `team-${randomUUID()}`;
  const erp = await startDemoErp({
    dataDir,
    users: [{ id: 'team-engineer', name: options.user, token }],
    // Organizations only: every ticket the app shows then came from this test.
    seed: false,
    now: () => Date.now() + (options.clockAheadMs ?? 0),
  });
  const url = `${erp.url}/`;
  return {
    url,
    host: new URL(url).host,
    token,
    async createTicket(title) {
      const ticketId = randomUUID();
      const createdAt = new Date(Date.now() - 3_600_000).toISOString();
      const response = await fetch(`${erp.url}/sync/v1/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          deviceId: randomUUID(),
          commands: [
            {
              commandId: randomUUID(),
              seq: 1,
              type: 'create',
              ticketId,
              baseVersion: null,
              clientCreatedAt: createdAt,
              payload: {
                organizationId: 'org-msk-stolitsa',
                account: 'operator01',
                reporterEmail: 'it@example.ru',
                priority: 2,
                title,
                steps: 'Открыть журнал обращений.',
                expected: 'Журнал открывается.',
                actual: 'Ошибка PK-1042.',
                diagnostics: 'Повторяется на двух рабочих местах.',
                notUserSideConfirmed: true,
                createdAt,
              },
            },
          ],
        }),
      });
      const body = (await response.json()) as { results?: Array<{ status: string }> };
      if (response.status !== 200 || body.results?.[0]?.status !== 'applied') {
        throw new Error(`the ERP did not register the ticket: ${JSON.stringify(body)}`);
      }
      return ticketId;
    },
    async close() {
      await erp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
