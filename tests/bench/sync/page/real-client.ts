import Dexie from 'dexie';
import {
  createErpSyncTransport,
  createSyncEngine,
  type ErpPort,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncStore,
  type SyncTransport,
} from '@shared/sync';
import type { Change } from '@shared/erp/protocol';
import { createAppDb, type AppDb } from '../../../../renderer/db/schema';
import { createDexieSyncStore } from '../../../../renderer/db/sync-store';
import { servedErpPort } from '../../../../renderer/lib/serving-process';

/** Time spent inside each port during one run, and how often it was called. */
export interface PortTimes {
  transportMs: number;
  storeMs: number;
  /** Store time by port method (each is one or two IndexedDB transactions). */
  storeByMethod: Partial<Record<keyof SyncStore, number>>;
  pages: number;
  ackBatches: number;
  requests: number;
  /** `performance.now()` when the last acknowledgement was stored. */
  lastAckAt: number;
  /** `performance.now()` when the last page holding an open or paused ticket was stored. */
  lastOpenPageAt: number;
}

/** Whether a page names a live ticket that the queue shows (open or paused). */
export function holdsOpenTicket(changes: readonly Change[]): boolean {
  return changes.some(
    (change) =>
      change.entity === 'ticket' &&
      !change.deleted &&
      (change.data as { state?: string } | null)?.state !== 'resolved',
  );
}

export interface RealClient {
  db: AppDb;
  engine: SyncEngine;
  times: PortTimes;
  /** Called after every stored page and every stored batch of acknowledgements. */
  onStep: (() => void) | null;
  resetTimes(): void;
  dispose(): void;
}

const databases = new Map<string, AppDb>();

/** The app's database under another name: same schema, same strict durability. */
export function appDb(name: string): AppDb {
  let db = databases.get(name);
  if (!db) {
    db = createAppDb(name);
    databases.set(name, db);
  }
  return db;
}

export async function dropDb(name: string): Promise<void> {
  const db = databases.get(name);
  databases.delete(name);
  db?.close();
  await Dexie.delete(name);
}

/**
 * What `renderer/features/sync/sync-runtime.ts` assembles in the app — the ERP transport with the
 * shared wire schemas, the Dexie store, the engine — with each port wrapped in a stopwatch. The
 * ERP port is the browser host's own (`servedErpPort`: same-origin fetch to the serving process's
 * /host/erp/push and /host/erp/changes, which run main's ERP gateway); only the host's dispatcher
 * in front of it is left out, so the bench measures the sync path. No triggers are attached: the
 * bench calls `syncNow()` itself.
 */
export function openRealClient(name: string, options: SyncEngineOptions = {}): RealClient {
  const db = appDb(name);
  const times = emptyTimes();
  const client: RealClient = {
    db,
    engine: null as unknown as SyncEngine,
    times,
    onStep: null,
    resetTimes: () => Object.assign(times, emptyTimes()),
    dispose: () => client.engine.dispose(),
  };
  const port: ErpPort = {
    push: (request) => {
      times.requests++;
      return servedErpPort.push(request);
    },
    changes: (query) => {
      times.requests++;
      return servedErpPort.changes(query);
    },
  };
  const transport = timedTransport(createErpSyncTransport(port), times);
  const store = timedStore(createDexieSyncStore(db), times, () => client.onStep?.());
  client.engine = createSyncEngine({
    transport,
    store,
    clock: { now: () => Date.now() },
    random: { next: () => Math.random() },
    timer: {
      setTimeout: (callback, ms) => {
        const id = window.setTimeout(callback, ms);
        return () => window.clearTimeout(id);
      },
    },
    options,
  });
  return client;
}

function emptyTimes(): PortTimes {
  return {
    transportMs: 0,
    storeMs: 0,
    storeByMethod: {},
    pages: 0,
    ackBatches: 0,
    requests: 0,
    lastAckAt: 0,
    lastOpenPageAt: 0,
  };
}

function timedTransport(inner: SyncTransport, times: PortTimes): SyncTransport {
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      times.transportMs += performance.now() - started;
    }
  };
  return {
    push: (request) => timed(() => inner.push(request)),
    pullChanges: (cursor, limit) => timed(() => inner.pullChanges(cursor, limit)),
  };
}

function timedStore(inner: SyncStore, times: PortTimes, onStep: () => void): SyncStore {
  const timed = <A extends unknown[], R>(
    name: keyof SyncStore,
    method: (...args: A) => Promise<R>,
    after?: (...args: A) => void,
  ) => {
    return async (...args: A): Promise<R> => {
      const started = performance.now();
      const result = await method(...args);
      const ms = performance.now() - started;
      times.storeMs += ms;
      times.storeByMethod[name] = (times.storeByMethod[name] ?? 0) + ms;
      after?.(...args);
      return result;
    };
  };
  return {
    loadMeta: timed('loadMeta', inner.loadMeta),
    readOutbox: timed('readOutbox', inner.readOutbox),
    renumberOutbox: timed('renumberOutbox', inner.renumberOutbox),
    beginFullResync: timed('beginFullResync', inner.beginFullResync),
    saveClockOffset: timed('saveClockOffset', inner.saveClockOffset),
    saveLastSuccess: timed('saveLastSuccess', inner.saveLastSuccess),
    counts: timed('counts', inner.counts),
    applyPage: timed('applyPage', inner.applyPage, (page) => {
      times.pages++;
      if (holdsOpenTicket(page.changes)) times.lastOpenPageAt = performance.now();
      onStep();
    }),
    ack: timed('ack', inner.ack, () => {
      times.ackBatches++;
      times.lastAckAt = performance.now();
      onStep();
    }),
  };
}
