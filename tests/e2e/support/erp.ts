import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { Ticket } from '@shared/domain/ticket';
import { changesResponse, pushResponse, PROTOCOL_VERSION } from '@shared/erp/protocol';
import type { Priority } from '@shared/sla';

/**
 * The ERP behind the web server's `/erp` proxy (the proxy adds the token), spoken to directly:
 * tests make tickets with known data the way another engineer's device would, and read back
 * what the ERP ended up with.
 */
export interface TicketSpec {
  organizationId: string;
  priority: Priority;
  createdAt: string;
  title: string;
  account?: string;
}

/** Registers a ticket as a separate device would; returns the ticket as the ERP holds it. */
export async function createTicketInErp(
  request: APIRequestContext,
  spec: TicketSpec,
): Promise<Ticket> {
  const ticketId = randomUUID();
  const response = await request.post('/erp/sync/v1/push', {
    data: {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: randomUUID(),
      commands: [
        {
          commandId: randomUUID(),
          seq: 1,
          type: 'create',
          ticketId,
          baseVersion: null,
          clientCreatedAt: spec.createdAt,
          payload: {
            organizationId: spec.organizationId,
            account: spec.account ?? 'operator01',
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
      ],
    },
  });
  const body = pushResponse.parse(await response.json());
  const result = body.results[0];
  if (result?.status !== 'applied' || !result.ticket) {
    throw new Error(`ERP did not register the test ticket: ${JSON.stringify(result)}`);
  }
  return result.ticket as Ticket;
}

/** Every live ticket the ERP holds now, paging through the change log from the start. */
export async function ticketsInErp(request: APIRequestContext): Promise<Map<string, Ticket>> {
  const tickets = new Map<string, Ticket>();
  let cursor: string | null = null;
  for (;;) {
    const query: string = cursor
      ? `?limit=1000&cursor=${encodeURIComponent(cursor)}`
      : '?limit=1000';
    const page = changesResponse.parse(
      await (await request.get(`/erp/sync/v1/changes${query}`)).json(),
    );
    for (const change of page.changes) {
      if (change.entity !== 'ticket') continue;
      if (change.deleted) tickets.delete(change.id);
      else tickets.set(change.id, change.data as Ticket);
    }
    if (!page.hasMore) return tickets;
    cursor = page.nextCursor;
  }
}
