import type { SyncTrigger, SyncTriggerReason } from '@shared/host/schemas';

export interface SyncTriggerPorts {
  setInterval(callback: () => void, ms: number): () => void;
  now(): Date;
  emit(trigger: SyncTrigger): void;
}

export interface SyncTriggers {
  /** (Re)arms the periodic trigger; call again when the interval setting changes. */
  schedule(intervalMinutes: number): void;
  fire(reason: SyncTriggerReason): void;
  stop(): void;
}

/**
 * Main decides when to sync (DESIGN: timer, back online, resume from sleep, manual) and tells
 * the renderer, which owns the database and runs the sync loop.
 */
export function createSyncTriggers(ports: SyncTriggerPorts): SyncTriggers {
  let cancel: (() => void) | null = null;
  const fire = (reason: SyncTriggerReason) => ports.emit({ reason, at: ports.now().toISOString() });
  return {
    schedule(intervalMinutes) {
      cancel?.();
      cancel = ports.setInterval(() => fire('timer'), intervalMinutes * 60_000);
    },
    fire,
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
