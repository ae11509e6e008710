import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/domain/ticket';
import { searchTextOf, toQueueEntry } from '../../../../shared/queue/queue-entry';
import { filterEntries, NO_FILTERS } from '../../../../renderer/features/queue/queue-filter';
import { createAppDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V4 } from '../../../../renderer/db/schema';
import { ORG, serverTicket, T0 } from './db-fixture';

// Schema v8 opens (through v7) a database v6 left: its queue lines lose the search text and the events' free
// text, and the queue shows and finds the same tickets as before.

const NOTE = 'Позвонил, клиент ждёт выезда инженера на объект в Петропавловске';

function v6Line() {
  const ticket: Ticket = {
    ...serverTicket('old-1', 1),
    title: 'Камера на проходной не пишет',
    events: [
      { type: 'reacted', at: new Date(T0 + 60_000).toISOString(), note: NOTE },
      {
        type: 'paused',
        at: new Date(T0 + 120_000).toISOString(),
        reason: 'awaiting_user_info',
      },
    ] as Ticket['events'],
    state: 'paused',
  };
  const line = toQueueEntry(ticket, ORG, 0, 0);
  // As v6 stored it: the search text beside the line, every event whole.
  return {
    line: {
      ...line,
      searchText: searchTextOf(line),
      sla: { ...line.sla!, events: ticket.events.map((e) => ({ ...e, commandId: 'c1' })) },
    },
    expected: line,
  };
}

describe('schema v8', () => {
  it('slims the queue lines v6 stored, keeping what the queue shows and finds', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('upgrade-v8', deps);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(4).stores(SCHEMA_V4);
    old.version(5).stores({ drafts: 'key, ticketId' });
    old.version(6).stores({ blobs: 'sha256, state, openedAt' });
    const { line, expected } = v6Line();
    await old.table('queue').put(line);
    await old.table('resolved').put({ ...line, id: 'old-2', resolvedAt: T0 });
    old.close();

    const db = createAppDb('upgrade-v8', deps);
    const stored = await db.queue.get('old-1');
    expect(stored).toEqual(expected);
    expect(JSON.stringify(stored)).not.toContain(NOTE);
    expect(stored).not.toHaveProperty('searchText');
    expect(await db.resolved.get('old-2')).not.toHaveProperty('searchText');
    const found = filterEntries(
      [stored!],
      { ...NO_FILTERS, view: 'open', search: 'камера' },
      T0 + 3_600_000,
    );
    expect(found.map((entry) => entry.id)).toEqual(['old-1']);
    db.close();
  });
});
