import { useSyncExternalStore } from 'react';
import { getQueueSource, type QueueSnapshot } from './queue-source';

const subscribe = (listener: () => void) => getQueueSource().subscribe(listener);
const snapshot = () => getQueueSource().getSnapshot();

/** Every open ticket in urgency order, current with IndexedDB. */
export function useQueueSnapshot(): QueueSnapshot {
  return useSyncExternalStore(subscribe, snapshot);
}
