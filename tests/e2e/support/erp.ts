import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { Ticket } from '@shared/domain/ticket';
import {
  changesResponse,
  pushResponse,
  PROTOCOL_VERSION,
  type Change,
  type ChangesResponse,
  type PushRequest,
  type PushResponse,
} from '@shared/erp/protocol';
import type { HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { Priority } from '@shared/sla';

/**
 * The ERP behind the web server, spoken to through the served host's own endpoints
 * (`/host/erp/session|push|changes`, main's ERP gateway: the serving process picks the address,
 * path and token), exactly as the page reaches it: tests make tickets with known data the way
 * another engineer's device would, and read back what the ERP ended up with.
 */

export type ServedErpEndpoint = 'session' | 'push' | 'changes';

/**
 * One exchange through `/host/erp/<endpoint>`, unwrapped: the ERP's answer (HTTP errors from the
 * ERP are answers too, in `status`). Throws when the serving process refused the request or the
 * host answered with an error value (ERP not configured, unreachable, timed out…).
 */
export async function servedErp(
  request: APIRequestContext,
  endpoint: ServedErpEndpoint,
  body?: unknown,
): Promise<ErpResponse> {
  const path = `/host/erp/${endpoint}`;
  const response =
    endpoint === 'session' ? await request.get(path) : await request.post(path, { data: body });
  if (response.status() !== 200) {
    throw new Error(
      `${path}: the serving process answered HTTP ${response.status()}: ${await response.text()}`,
    );
  }
  const result = (await response.json()) as HostResult<ErpResponse>;
  if (!result.ok) {
    throw new Error(`${path}: the host answered ${result.error.code}: ${result.error.message}`);
  }
  return result.value;
}

/** Like `servedErp`, but the ERP must have answered 200; its body is returned as it came. */
async function servedErpOk(
  request: APIRequestContext,
  endpoint: ServedErpEndpoint,
  body?: unknown,
): Promise<unknown> {
  const answer = await servedErp(request, endpoint, body);
  if (answer.status !== 200) {
    throw new Error(`ERP ${endpoint}: HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** POST /sync/v1/push through the served host; the ERP's answer, checked against contract 2. */
export async function pushToErp(
  request: APIRequestContext,
  push: PushRequest,
): Promise<PushResponse> {
  return pushResponse.parse(await servedErpOk(request, 'push', push));
}

/** One page of GET /sync/v1/changes through the served host. */
export async function erpChangesPage(
  request: APIRequestContext,
  cursor: string | null,
  limit = 1000,
): Promise<ChangesResponse> {
  return changesResponse.parse(await servedErpOk(request, 'changes', { cursor, limit }));
}

/** The ERP's whole change log from the start, in order, paging through it like any client. */
export async function allErpChanges(request: APIRequestContext): Promise<Change[]> {
  const changes: Change[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await erpChangesPage(request, cursor);
    changes.push(...page.changes);
    if (!page.hasMore) return changes;
    cursor = page.nextCursor;
  }
}

/** The ERP's current copy of one ticket (undefined: none, or deleted). */
export async function erpTicketById<T = Ticket>(
  request: APIRequestContext,
  id: string,
): Promise<T | undefined> {
  return (await ticketsInErp(request)).get(id) as T | undefined;
}

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
  const body = await pushToErp(request, {
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
  });
  const result = body.results[0];
  if (result?.status !== 'applied' || !result.ticket) {
    throw new Error(`ERP did not register the test ticket: ${JSON.stringify(result)}`);
  }
  return result.ticket as Ticket;
}

/** Every live ticket the ERP holds now, paging through the change log from the start. */
export async function ticketsInErp(request: APIRequestContext): Promise<Map<string, Ticket>> {
  const tickets = new Map<string, Ticket>();
  for (const change of await allErpChanges(request)) {
    if (change.entity !== 'ticket') continue;
    if (change.deleted) tickets.delete(change.id);
    else tickets.set(change.id, change.data as Ticket);
  }
  return tickets;
}
