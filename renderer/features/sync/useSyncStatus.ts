import { useCallback, useSyncExternalStore } from 'react';
import type { SyncStatus } from '@shared/sync';
import { getSyncEngine } from './sync-runtime';

function subscribe(onChange: () => void): () => void {
  return getSyncEngine().subscribe((event) => {
    if (event.type === 'status') onChange();
  });
}

const snapshot = (): SyncStatus => getSyncEngine().status();

/** The engine's status (online, last sync, pending, dead letters, last error) and "sync now". */
export function useSyncStatus(): { status: SyncStatus; syncNow: () => void } {
  const status = useSyncExternalStore(subscribe, snapshot);
  const syncNow = useCallback(() => getSyncEngine().hint('manual'), []);
  return { status, syncNow };
}
