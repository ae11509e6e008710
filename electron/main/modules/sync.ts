import type { MainPorts } from '../main-ports';
import { createSyncTriggers, type SyncTriggers } from '../services/sync-triggers';

/** When the renderer should sync (timer, resume, manual), told over `sync:trigger`. */
export function createSyncModule(ports: Pick<MainPorts, 'clock' | 'window'>): SyncTriggers {
  return createSyncTriggers({
    setInterval: ports.clock.setInterval,
    now: () => new Date(ports.clock.now()),
    emit: (trigger) => ports.window.send('sync:trigger', trigger),
  });
}
