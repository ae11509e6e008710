import {
  createBlobTransport,
  createErpSyncTransport,
  createSyncEngine,
  hostBlobPort,
  hostErpPort,
  type SyncEngine,
} from '@shared/sync';
import { createDexieBlobUploadStore } from '../../db/repos/blob-uploads';
import { getAppDb } from '../../db/app-db';
import { createDexieSyncStore } from '../../db/sync-store';
import { getHost } from '../../lib/host';
import { createErpGate, type ErpGate } from './erp-gate';
import { watchIdentity } from '../identity/identity-runtime';

let engine: SyncEngine | null = null;
let gate: ErpGate | null = null;

/** The gate every sync exchange passes; an ERP switch holds it (see erp-gate.ts). */
export function getErpGate(): ErpGate {
  gate ??= createErpGate(hostErpPort(getHost()), hostBlobPort(getHost()));
  return gate;
}

/**
 * The sync engine of this window, next to the database it writes (DESIGN.md). Main (or the browser
 * host) decides when to sync and sends `sync:trigger`; the OS's online/offline events are hints
 * too. None of them is ever a reason not to try.
 */
export function getSyncEngine(): SyncEngine {
  if (engine) return engine;
  const host = getHost();
  const created = createSyncEngine({
    transport: createErpSyncTransport(getErpGate().port),
    store: createDexieSyncStore(getAppDb()),
    blobs: {
      transport: createBlobTransport(getErpGate().blobs),
      store: createDexieBlobUploadStore(getAppDb()),
    },
    clock: { now: () => Date.now() },
    random: { next: () => Math.random() },
    timer: {
      setTimeout: (callback, ms) => {
        const id = window.setTimeout(callback, ms);
        return () => window.clearTimeout(id);
      },
    },
  });
  host.on('sync:trigger', ({ reason }) => created.hint(reason));
  window.addEventListener('online', () => created.hint('online'));
  window.addEventListener('offline', () => created.hint('offline'));
  watchIdentity(created);
  created.hint('startup');
  engine = created;
  return created;
}
