import type { SyncEngine } from '@shared/sync';
import { getAppDb } from '../../db/app-db';
import { saveMe } from '../../db/repos/users';
import { getHost } from '../../lib/host';
import { createIdentityRefresher, type IdentityOutcome } from './identity-refresh';

let refresher: ReturnType<typeof createIdentityRefresher> | null = null;

/** Starts "who am I" beside the window's sync engine (called once, where the engine is made). */
export function watchIdentity(engine: SyncEngine): void {
  if (refresher) return;
  const created = createIdentityRefresher({
    askSession: () => getHost().request('erp:session'),
    save: (me) => saveMe(getAppDb(), me),
    now: () => Date.now(),
    onProblem: (message) => console.warn(`[identity] ${message}`),
  });
  engine.subscribe((event) => {
    if (event.type === 'status') created.onSyncStatus(event.status);
  });
  refresher = created;
  void created.refresh();
}

/**
 * Asks the ERP again whose the token is. For the settings page: call it after the ERP address or
 * the token changed, so the header and "my tickets" follow at once.
 */
export function refreshIdentity(): Promise<IdentityOutcome> {
  if (!refresher) return Promise.resolve({ kind: 'unknown', reason: 'sync has not started' });
  return refresher.refresh();
}
