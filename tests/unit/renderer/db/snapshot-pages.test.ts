import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/domain/ticket';
import type { ChangesResponse } from '../../../../shared/erp/protocol';
import {
  applyPulledPage,
  beginFullResync,
  readSnapshotProgress,
} from '../../../../renderer/db/repos/pulled-changes';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { saveMe } from '../../../../renderer/db/repos/users';
import type { AppDb } from '../../../../renderer/db/schema';
import { intake } from '../../../fixtures/sync/inputs';
import {
  ME,
  ORG,
  openTestDb,
  orgChange,
  serverTicket,
  T0,
  TEAM,
  ticketChange,
  userChange,
} from './db-fixture';

// Pages of an initial snapshot (contract 2: `snapshot` present, each entity once) into a database
// that held no ticket are written blind; anything else takes the careful path, and both end in
// the same rows.

const resolved = (id: string): Ticket => ({ ...serverTicket(id), state: 'resolved', result: 'OK' });

/** Three snapshot pages: team and organization with open tickets, more open, then resolved. */
function snapshotPages(): ChangesResponse[] {
  const total = 1 + TEAM.length + 5;
  return [
    {
      changes: [
        orgChange(ORG),
        ...TEAM.map(userChange),
        ticketChange(serverTicket('a')),
        ticketChange(serverTicket('b', 2)),
      ],
      nextCursor: 's1',
      hasMore: true,
      snapshot: { sent: 3 + TEAM.length, total },
    },
    {
      changes: [ticketChange(serverTicket('c'))],
      nextCursor: 's2',
      hasMore: true,
      snapshot: { sent: 4 + TEAM.length, total },
    },
    {
      changes: [ticketChange(resolved('d')), ticketChange(resolved('e'))],
      nextCursor: 'log-1',
      hasMore: false,
      snapshot: { sent: total, total },
    },
  ];
}

/**
 * Counts the reads the store makes of stored tickets (Dexie's `get` and `getMany`); installed
 * before the database opens, as Dexie middleware must be.
 */
function countTicketReads(db: AppDb): { reads: number } {
  const counter = { reads: 0 };
  db.use({
    stack: 'dbcore',
    name: 'ticket-read-counter',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (name !== 'tickets') return table;
          return {
            ...table,
            get: (request) => (counter.reads++, table.get(request)),
            getMany: (request) => (counter.reads++, table.getMany(request)),
          };
        },
      };
    },
  });
  return counter;
}

async function contents(db: AppDb) {
  const [tickets, queue, resolvedLines, outbox] = await Promise.all([
    db.tickets.orderBy('id').toArray(),
    db.queue.orderBy('id').toArray(),
    db.resolved.orderBy('id').toArray(),
    db.outbox.toArray(),
  ]);
  return { tickets, queue, resolved: resolvedLines, outbox };
}

describe('snapshot pages', () => {
  it('into a blank database: no ticket read, lines written, the same rows as the careful path', async () => {
    const blank = openTestDb();
    const reads = countTicketReads(blank);
    const careful = openTestDb();
    const progress: Array<{ sent: number; total: number } | null> = [];
    for (const page of snapshotPages()) {
      await applyPulledPage(blank, page);
      progress.push(await readSnapshotProgress(blank));
      // As a server that sends no count sends it.
      await applyPulledPage(careful, { ...page, snapshot: undefined });
    }
    expect(reads.reads).toBe(0);
    expect(await contents(blank)).toEqual(await contents(careful));
    expect((await contents(blank)).queue.map((line) => line.id)).toEqual(['a', 'b', 'c']);
    expect((await contents(blank)).resolved.map((line) => line.id)).toEqual(['d', 'e']);
    // The header's count while pages come, gone once the snapshot is stored.
    expect(progress).toEqual([
      { sent: 3 + TEAM.length, total: 6 + TEAM.length },
      { sent: 4 + TEAM.length, total: 6 + TEAM.length },
      null,
    ]);
    expect(await readSnapshotProgress(careful)).toBeNull();
  });

  it('a first pull after an offline intake keeps the intake and its pending command', async () => {
    const db = openTestDb();
    const reads = countTicketReads(db);
    await db.transaction('rw', [db.organizations], () =>
      db.organizations.put({ id: ORG.id, version: 1, deleted: 0, data: ORG, seenEpoch: 0 }),
    );
    await saveMe(db, { ...ME, checkedAt: new Date(T0).toISOString() });
    const actions = createTicketActions(db, { now: () => T0 });
    const created = await actions.create(intake(ORG.id, 'Зарегистрирована без связи'));
    if (!created.ok) throw new Error(created.error.message);
    reads.reads = 0;
    for (const page of snapshotPages()) await applyPulledPage(db, page);
    // Not blank when the snapshot began: the careful path, which reads what is stored.
    expect(reads.reads).toBeGreaterThan(0);
    const { tickets, outbox, queue } = await contents(db);
    expect(outbox).toHaveLength(1);
    expect(tickets.find((row) => row.id === created.ticketId)).toMatchObject({
      server: null,
      pending: 1,
    });
    expect(queue.map((line) => line.id)).toContain(created.ticketId);
    expect(tickets).toHaveLength(6);
  });

  it('a 410 resync with pending commands is never blank: the commands stay, views rebuilt on them', async () => {
    const db = openTestDb();
    const reads = countTicketReads(db);
    for (const page of snapshotPages()) await applyPulledPage(db, page);
    await saveMe(db, { ...ME, checkedAt: new Date(T0).toISOString() });
    const actions = createTicketActions(db, { now: () => T0 });
    const commented = await actions.perform('comment', 'a', { text: 'набрано без связи' });
    expect(commented.ok).toBe(true);
    await beginFullResync(db);
    reads.reads = 0;
    // The ERP's snapshot no longer lists `e`: it is removed at the end of the resync.
    const [first, second, last] = snapshotPages();
    for (const page of [first!, second!, { ...last!, changes: last!.changes.slice(0, 1) }])
      await applyPulledPage(db, page);
    expect(reads.reads).toBeGreaterThan(0);
    const { tickets, outbox } = await contents(db);
    expect(outbox.map((entry) => entry.ticketId)).toEqual(['a']);
    const a = tickets.find((row) => row.id === 'a')!;
    expect(a.pending).toBe(1);
    expect(a.view?.comments.map((comment) => comment.text)).toContain('набрано без связи');
    expect(tickets.find((row) => row.id === 'e')).toMatchObject({ deleted: 1, view: null });
  });
});
