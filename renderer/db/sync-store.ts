import { v7 as uuidv7 } from 'uuid';
import type { SyncStore } from '@shared/sync/ports';
import type { AppDb } from './schema';
import { DEFAULT_CURSOR, getMeta, setMeta } from './repos/meta';
import { applyPulledPage, beginFullResync } from './repos/pulled-changes';
import { recordAcks, renumberOutbox } from './repos/push-acks';

export interface DexieSyncStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/** The sync engine's store port over the app database; each method is one transaction. */
export function createDexieSyncStore(db: AppDb, options: DexieSyncStoreOptions = {}): SyncStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? uuidv7;
  return {
    loadMeta: () =>
      db.transaction('rw', [db.meta], async () => {
        let deviceId = await getMeta(db, 'deviceId');
        if (deviceId === undefined) {
          deviceId = newId();
          await setMeta(db, 'deviceId', deviceId);
        }
        const cursor = (await getMeta(db, 'cursor')) ?? DEFAULT_CURSOR;
        return {
          deviceId,
          cursor: cursor.cursor,
          previousCursors: cursor.previous,
          clockOffset: (await getMeta(db, 'clockOffset')) ?? null,
          lastSuccessAt: (await getMeta(db, 'lastSuccessAt')) ?? null,
        };
      }),
    readOutbox: (limit) => db.outbox.orderBy('seq').limit(limit).toArray(),
    ack: (acks) => recordAcks(db, acks, now()),
    renumberOutbox: (firstSeq) => renumberOutbox(db, firstSeq),
    applyPage: (page) => applyPulledPage(db, page),
    beginFullResync: () => beginFullResync(db),
    saveClockOffset: (offset) => setMeta(db, 'clockOffset', offset),
    saveLastSuccess: (at) => setMeta(db, 'lastSuccessAt', at),
    counts: () =>
      db.transaction('r', [db.outbox, db.deadLetters], async () => ({
        pending: await db.outbox.count(),
        deadLetters: await db.deadLetters.count(),
      })),
  };
}
