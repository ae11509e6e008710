import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { recordAcks } from '../../../../renderer/db/repos/push-acks';
import { readSyncSnapshot } from '../../../../renderer/db/repos/sync-diagnostics';
import { createDexieSyncStore } from '../../../../renderer/db/sync-store';
import { openTestDb, seededDb, serverTicket, T0, ticketChange } from './db-fixture';

describe('the sync snapshot for diagnostics', () => {
  it('reads an empty database as "nothing yet" rather than failing', async () => {
    const snapshot = await readSyncSnapshot(openTestDb());
    expect(snapshot).toEqual({
      deviceId: null,
      cursor: null,
      previousCursors: 0,
      resyncActive: false,
      lastSuccessAt: null,
      clockOffset: null,
      pending: 0,
      oldestPendingAt: null,
      deadLetterCount: 0,
      deadLetters: [],
      queueSize: 0,
      tickets: 0,
    });
  });

  it('counts pending commands and dead letters, and keeps payloads out', async () => {
    const { db, actions } = await seededDb();
    const store = createDexieSyncStore(db, { newId: () => 'device-1' });
    await store.loadMeta();
    await store.saveClockOffset({ offsetMs: -800, rttMs: 30, measuredAt: T0 });
    await store.saveLastSuccess('2026-11-25T07:05:00.000Z');
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('t1')), ticketChange(serverTicket('t2'))],
      nextCursor: 'c1',
      hasMore: false,
    });
    const ids: string[] = [];
    for (const text of ['секретный комментарий', 'второй', 'третий']) {
      const result = await actions.perform('comment', 't1', { text });
      if (result.ok) ids.push(result.commandId!);
    }
    await recordAcks(
      db,
      [
        {
          commandId: ids[0]!,
          outcome: 'dead',
          status: 'rejected',
          error: { code: 'invalid_state', message: 'The ticket is resolved' },
        },
      ],
      T0 + 3_600_000,
    );

    const snapshot = await readSyncSnapshot(db);
    expect(snapshot).toMatchObject({
      deviceId: 'device-1',
      cursor: 'c1',
      previousCursors: 1,
      lastSuccessAt: '2026-11-25T07:05:00.000Z',
      clockOffset: { offsetMs: -800, rttMs: 30, measuredAt: T0 },
      pending: 2,
      deadLetterCount: 1,
      queueSize: 2,
      tickets: 2,
    });
    // The dead-lettered first action left the outbox: the second one is now the oldest waiting.
    const second = (await db.outbox.toArray()).find((row) => row.commandId === ids[1])!;
    expect(snapshot.oldestPendingAt).toBe(new Date(second.actedAt).toISOString());
    expect(snapshot.deadLetters).toEqual([
      {
        commandId: ids[0],
        ticketId: 't1',
        type: 'comment',
        status: 'rejected',
        error: { code: 'invalid_state', message: 'The ticket is resolved' },
        deadAt: new Date(T0 + 3_600_000).toISOString(),
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain('секретный');
  });
});
