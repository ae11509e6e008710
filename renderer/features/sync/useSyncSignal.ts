import { useEffect, useState } from 'react';
import type { SyncTrigger } from '@shared/host/schemas';
import { getHost } from '../../lib/host';

/** The host's latest request to sync (timer, back online, resume), for the status area. */
export function useSyncSignal(): SyncTrigger | null {
  const [trigger, setTrigger] = useState<SyncTrigger | null>(null);
  useEffect(() => getHost().on('sync:trigger', setTrigger), []);
  return trigger;
}
