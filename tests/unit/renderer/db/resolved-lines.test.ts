import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { applyCommand } from '../../../../shared/domain/apply-command';
import type { Organization, Ticket } from '../../../../shared/domain/ticket';
import type { CommandType } from '../../../../shared/erp/commands';
import { createAppDb, SCHEMA_V1, SCHEMA_V2 } from '../../../../renderer/db/schema';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { loadOrganizationHistory } from '../../../../renderer/db/repos/organization-history';
import { findResolvedByNumbers } from '../../../../renderer/db/repos/queue-rows';
import { intake } from '../../../fixtures/sync/inputs';
import { COLLEAGUE, ORG, orgChange, seededDb, TEAM, ticketChange, tombstone } from './db-fixture';

const OTHER: Organization = { ...ORG, id: 'org-other', name: 'АО «Другая»' };

/**
 * A ticket as the ERP holds it: created at `createdAt` in `org`, then the given commands, each a
 * minute after the previous one.
 */
function erpTicket(
  id: string,
  number: number,
  createdAt: string,
  steps: Array<[CommandType, Record<string, unknown>]> = [],
  org: Organization = ORG,
): Ticket {
  let at = Date.parse(createdAt);
  const ctx = (commandId: string, baseVersion: number | null) => {
    const iso = new Date(at).toISOString();
    return {
      commandId,
      ticketId: id,
      author: COLLEAGUE.name,
      authorId: COLLEAGUE.id,
      at: iso,
      adjusted: false,
      baseVersion,
      organization: org,
      users: (userId: string) => TEAM.find((user) => user.id === userId),
      now: iso,
      nextNumber: () => number,
    };
  };
  const created = applyCommand(
    null,
    'create',
    { ...intake(org.id, `Заявка ${number}`), createdAt },
    ctx(`${id}-create`, null),
  );
  if (created.status !== 'applied') throw new Error('fixture: create');
  let ticket = created.ticket;
  steps.forEach(([type, payload], index) => {
    at += 60_000;
    const next = applyCommand(ticket, type, payload, ctx(`${id}-${index}`, ticket.version));
    if (next.status !== 'applied') throw new Error(`fixture: ${type}`);
    ticket = next.ticket;
  });
  return ticket;
}

const resolveSteps: Array<[CommandType, Record<string, unknown>]> = [
  ['react', {}],
  ['resolve', { result: 'Исправлено настройкой прав.' }],
];

describe('resolved lines', () => {
  it('a resolved ticket leaves the queue for the resolved table, and comes back when reopened', async () => {
    const { db, actions } = await seededDb();
    const created = await actions.create(intake(ORG.id, 'Не формируется отчёт'));
    const id = created.ok ? created.ticketId : '';
    await actions.perform('react', id, {});
    await actions.perform('resolve', id, { result: 'Исправлено в 2.4.1' });
    expect(await db.queue.get(id)).toBeUndefined();
    const line = (await db.resolved.get(id))!;
    const resolvedEvent = (await db.tickets.get(id))!.view!.events.at(-1)!;
    expect(resolvedEvent.type).toBe('resolved');
    expect(line).toMatchObject({ id, state: 'resolved', title: 'Не формируется отчёт' });
    expect(line.resolvedAt).toBe(Date.parse(resolvedEvent.at));

    await actions.perform('reopen', id, { reason: 'Ошибка повторилась' });
    expect(await db.resolved.get(id)).toBeUndefined();
    expect(await db.queue.get(id)).toMatchObject({ id, state: 'open' });
  });

  it('follow pulled pages: a ticket resolved in the ERP moves, a deleted one is gone from both', async () => {
    const { db } = await seededDb();
    const open = erpTicket('srv-1', 41, '2026-11-25T07:00:00Z');
    await applyPulledPage(db, { changes: [ticketChange(open)], nextCursor: 'c1', hasMore: false });
    expect(await db.queue.get('srv-1')).toBeDefined();

    const resolved = erpTicket('srv-1', 41, '2026-11-25T07:00:00Z', resolveSteps);
    await applyPulledPage(db, {
      changes: [ticketChange(resolved)],
      nextCursor: 'c2',
      hasMore: false,
    });
    expect(await db.queue.get('srv-1')).toBeUndefined();
    // Created 07:00Z, reacted a minute later, resolved a minute after that.
    expect((await db.resolved.get('srv-1'))?.resolvedAt).toBe(Date.parse('2026-11-25T07:02:00Z'));

    await applyPulledPage(db, {
      changes: [tombstone('srv-1', resolved.version + 1)],
      nextCursor: 'c3',
      hasMore: false,
    });
    expect(await db.resolved.get('srv-1')).toBeUndefined();
    expect(await db.queue.get('srv-1')).toBeUndefined();
  });

  it('are built for the tickets a v3 database already holds resolved (schema upgrade)', async () => {
    const name = 'upgrade-v4';
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie(name, deps);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores({ users: 'id, seenEpoch' });
    await old
      .table('organizations')
      .put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0, name: ORG.name });
    const row = (ticket: Ticket) => ({
      id: ticket.id,
      server: ticket,
      serverVersion: ticket.version,
      deleted: 0,
      view: ticket,
      pending: 0,
      failing: [],
      seenEpoch: 0,
      organizationId: ticket.organizationId,
      state: ticket.state,
    });
    const resolved = erpTicket('old-r', 7, '2026-11-20T07:00:00Z', resolveSteps);
    const open = erpTicket('old-o', 8, '2026-11-20T08:00:00Z');
    await old.table('tickets').bulkPut([row(resolved), row(open)]);
    await old
      .table('queue')
      .put({ id: 'old-o', urgency: [0, 1, 2, 8, 'old-o'], organizationId: ORG.id });
    await old.table('outbox').add({ seq: 1, commandId: 'c-1', ticketId: 'old-o', type: 'comment' });
    old.close();

    const db = createAppDb(name, deps);
    expect(await db.resolved.toArray()).toMatchObject([
      { id: 'old-r', number: 7, resolvedAt: Date.parse('2026-11-20T07:02:00Z') },
    ]);
    // Nothing else is touched: the open ticket's line, the ticket rows, the pending action.
    expect((await db.queue.toArray()).map((line) => line.id)).toEqual(['old-o']);
    expect(await db.tickets.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
    // The new index on open lines answers for lines written before it existed.
    expect(await db.queue.where('organizationId').equals(ORG.id).primaryKeys()).toEqual(['old-o']);
    db.close();
  });
});

describe('an organization’s other tickets', () => {
  async function withHistory() {
    const { db } = await seededDb();
    const tickets = [
      // Resolved on 20, 22, 21 and 23 November (UTC), two minutes after creation.
      erpTicket('r-20', 20, '2026-11-20T07:00:00Z', resolveSteps),
      erpTicket('r-22', 22, '2026-11-22T07:00:00Z', resolveSteps),
      erpTicket('r-21', 21, '2026-11-21T07:00:00Z', resolveSteps),
      erpTicket('r-23', 23, '2026-11-23T07:00:00Z', resolveSteps),
      erpTicket('o-30', 30, '2026-11-24T07:00:00Z', [['react', {}]]),
      erpTicket('o-31', 31, '2026-11-24T06:00:00Z'),
      erpTicket('x-40', 40, '2026-11-24T06:00:00Z', resolveSteps, OTHER),
      erpTicket('x-41', 41, '2026-11-24T06:00:00Z', [], OTHER),
    ];
    await applyPulledPage(db, {
      changes: [orgChange(OTHER), ...tickets.map(ticketChange)],
      nextCursor: 'c1',
      hasMore: false,
    });
    return db;
  }

  it('lists its open tickets by urgency and its last resolved ones, newest first, never another’s', async () => {
    const db = await withHistory();
    const history = await loadOrganizationHistory(db, ORG.id, 'o-30', 3);
    expect(history.open.map((line) => line.id)).toEqual(['o-31']);
    expect(history.resolved.map((line) => line.id)).toEqual(['r-23', 'r-22', 'r-21']);
    expect(history.resolvedTotal).toBe(4);
  });

  it('finds resolved tickets by number, as a search in an open view does, and no open one', async () => {
    const db = await withHistory();
    const found = await findResolvedByNumbers(db, [22, 30, 40, 99]);
    expect(found.map((line) => line.id).sort()).toEqual(['r-22', 'x-40']);
  });

  it('leaves out the ticket on screen, also when it is among the last resolved', async () => {
    const db = await withHistory();
    const history = await loadOrganizationHistory(db, ORG.id, 'r-23', 3);
    expect(history.open.map((line) => line.id)).toEqual(['o-31', 'o-30']);
    expect(history.resolved.map((line) => line.id)).toEqual(['r-22', 'r-21', 'r-20']);
    expect(history.resolvedTotal).toBe(3);
  });
});
