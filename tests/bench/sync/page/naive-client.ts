import Dexie, { type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Change, PushRequest } from '@shared/erp/protocol';
import type { Ticket } from '@shared/domain/ticket';
import type { NaivePushResult, PullResult } from '../protocol';
import { freeTicketIds, planBacklog, ticketsNeeded } from './backlog';
import { startHeapSampler } from './heap-sampler';
import { appDb, holdsOpenTicket } from './real-client';

/*
 * The contender: what one would write by hand with Dexie and fetch, and what it leaves out — no
 * wire-schema checks, no optimistic view, no transaction tying a page to its cursor or an action to
 * its outbox row, Dexie's default (relaxed) durability. Its ticket indexes are those the app had
 * when it was written (schema v1's); the app now keeps two (v7) and a line per ticket besides.
 */

type NaiveDb = Dexie & {
  tickets: Table<Ticket, string>;
  organizations: Table<{ id: string }, string>;
  outbox: Table<PushRequest['commands'][number], number>;
  meta: Table<{ key: string; value: unknown }, string>;
};

function naiveDb(name: string): NaiveDb {
  const db = new Dexie(name) as NaiveDb;
  db.version(1).stores({
    tickets: 'id, organizationId, priority, state, assignee, number, createdAt, updatedAt',
    organizations: 'id',
    outbox: 'seq',
    meta: 'key',
  });
  return db;
}

interface ChangesPage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * One exchange through the serving process's ERP endpoints, the hop the real client pays too;
 * its answer unwrapped by hand (`{ ok, value: { status, body } }`), no schema checked.
 */
async function erpJson<T>(endpoint: 'push' | 'changes', body: unknown): Promise<T> {
  const response = await fetch(`/host/erp/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status}`);
  const result = (await response.json()) as
    | { ok: true; value: { status: number; body: unknown } }
    | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${endpoint}: ${result.error.code}: ${result.error.message}`);
  if (result.value.status !== 200) throw new Error(`${endpoint}: ERP HTTP ${result.value.status}`);
  return result.value.body as T;
}

/** Downloads every page first (the simplest loop to get right), then writes page by page. */
export async function naivePull(name: string, pageSize: number): Promise<PullResult> {
  const db = naiveDb(name);
  const sampler = startHeapSampler();
  const started = performance.now();
  const pages: Change[][] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: ChangesPage = await erpJson<ChangesPage>('changes', { cursor, limit: pageSize });
    pages.push(page.changes);
    cursor = page.nextCursor;
    sampler.step();
    if (!page.hasMore) break;
  }
  const transportMs = performance.now() - started;
  let tickets = 0;
  let lastOpenPageAt = 0;
  for (const changes of pages) {
    const live = changes.filter((change) => !change.deleted);
    const gone = changes.filter((change) => change.deleted).map((change) => change.id);
    const ticketRows = live.filter((c) => c.entity === 'ticket').map((c) => c.data as Ticket);
    await db.tickets.bulkPut(ticketRows);
    await db.tickets.bulkDelete(gone);
    await db.organizations.bulkPut(
      live.filter((c) => c.entity === 'organization').map((c) => c.data as { id: string }),
    );
    tickets += ticketRows.length;
    if (holdsOpenTicket(changes)) lastOpenPageAt = performance.now();
    sampler.step();
  }
  await db.meta.put({ key: 'cursor', value: cursor });
  const ms = performance.now() - started;
  const pageCount = pages.length;
  pages.length = 0;
  db.close();
  return {
    ms,
    openStoredMs: lastOpenPageAt - started,
    pages: pageCount,
    tickets,
    transportMs,
    storeMs: ms - transportMs,
    heap: sampler.stop(),
  };
}

/**
 * The same kind of backlog as bare outbox rows (one `add` per action, nothing checked locally),
 * then pushed 500 at a time (the protocol's maximum), each batch deleted once answered.
 */
export async function naivePush(input: {
  fromDb: string;
  db: string;
  commands: number;
}): Promise<NaivePushResult> {
  const source = appDb(input.fromDb);
  const ids = await freeTicketIds(source, ticketsNeeded(input.commands));
  const versions = new Map(
    (await source.tickets.bulkGet(ids)).map((row) => [row!.id, row!.server!.version]),
  );
  const plan = planBacklog(ids, input.commands);
  const db = naiveDb(input.db);
  const sampler = startHeapSampler();
  const recordStarted = performance.now();
  let seq = 0;
  for (const action of plan) {
    const at = new Date().toISOString();
    seq++;
    await db.outbox.add(
      action.type === 'create'
        ? {
            commandId: uuidv7(),
            seq,
            type: 'create',
            ticketId: uuidv7(),
            baseVersion: null,
            payload: { ...action.input, createdAt: at },
            clientCreatedAt: at,
          }
        : {
            commandId: uuidv7(),
            seq,
            type: action.type,
            ticketId: action.ticketId,
            baseVersion: versions.get(action.ticketId) ?? 1,
            payload: action.payload,
            clientCreatedAt: at,
          },
    );
  }
  const recordMs = performance.now() - recordStarted;
  const pushStarted = performance.now();
  const deviceId = uuidv7();
  for (;;) {
    const batch = await db.outbox.orderBy('seq').limit(500).toArray();
    if (batch.length === 0) break;
    await erpJson('push', { protocolVersion: 1, deviceId, commands: batch });
    await db.outbox.bulkDelete(batch.map((command) => command.seq));
    sampler.step();
  }
  const pushMs = performance.now() - pushStarted;
  db.close();
  return { recordMs, pushMs, commands: seq, heap: sampler.stop() };
}
