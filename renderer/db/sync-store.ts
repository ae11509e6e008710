import { v7 as uuidv7 } from 'uuid';
import type { SyncMeta, SyncStore } from '@shared/sync/ports';
import type { AppDb } from './schema';
import { DEFAULT_CURSOR, getMeta, setMeta } from './repos/meta';
import { applyPulledPage, beginFullResync } from './repos/pulled-changes';
import { recordAcks, renumberOutbox } from './repos/push-acks';

export interface DexieSyncStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * The sync engine's store port over the app database; each method is one transaction (loading
 * meta for the very first time is two).
 */
export function createDexieSyncStore(db: AppDb, options: DexieSyncStoreOptions = {}): SyncStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? uuidv7;
  return {
    async loadMeta() {
      // Read-only on every run but the first: a write transaction would be one more flush to disk
      // per sync, which a no-op sync cannot afford.
      const known = await db.transaction('r', [db.meta], () => readMeta(db));
      if (known.deviceId !== undefined) return { ...known, deviceId: known.deviceId };
      return db.transaction('rw', [db.meta], async () => {
        const meta = await readMeta(db);
        const deviceId = meta.deviceId ?? newId();
        if (meta.deviceId === undefined) await setMeta(db, 'deviceId', deviceId);
        return { ...meta, deviceId };
      });
    },
    readOutbox: (limit) => db.outbox.orderBy('seq').limit(limit).toArray(),
    ack: (acks) => recordAcks(db, acks, now()),
    renumberOutbox: (firstSeq) => renumberOutbox(db, firstSeq),
    applyPage: (page) => applyPulledPage(db, page),
    beginFullResync: () => beginFullResync(db),
    saveClockOffset: (offset) => setMeta(db, 'clockOffset', offset),
    saveLastSuccess: (at) => setMeta(db, 'lastSuccessAt', at),
    counts: () =>
      db.transaction('r', [db.outbox, db.deadLetters], async () => {
        const [pending, deadLetters] = await Promise.all([
          db.outbox.count(),
          db.deadLetters.count(),
        ]);
        return { pending, deadLetters };
      }),
  };
}

async function readMeta(db: AppDb): Promise<Omit<SyncMeta, 'deviceId'> & { deviceId?: string }> {
  const [deviceId, cursor, clockOffset, lastSuccessAt] = await Promise.all([
    getMeta(db, 'deviceId'),
    getMeta(db, 'cursor'),
    getMeta(db, 'clockOffset'),
    getMeta(db, 'lastSuccessAt'),
  ]);
  const held = cursor ?? DEFAULT_CURSOR;
  return {
    ...(deviceId === undefined ? {} : { deviceId }),
    cursor: held.cursor,
    previousCursors: held.previous,
    clockOffset: clockOffset ?? null,
    lastSuccessAt: lastSuccessAt ?? null,
  };
}
