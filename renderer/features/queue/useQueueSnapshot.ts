import { useSyncExternalStore } from 'react';
import type { ResolvedLine } from '@shared/queue/resolved-line';
import { getQueueSource, getResolvedSource, type QueueSnapshot } from './queue-source';

const subscribe = (listener: () => void) => getQueueSource().subscribe(listener);
const snapshot = () => getQueueSource().getSnapshot();

/** Every open ticket in urgency order, current with IndexedDB. */
export function useQueueSnapshot(): QueueSnapshot {
  return useSyncExternalStore(subscribe, snapshot);
}

const subscribeResolved = (listener: () => void) => getResolvedSource().subscribe(listener);
const resolvedSnapshot = () => getResolvedSource().getSnapshot();
const subscribeNothing = () => () => {};
const NOT_READ: QueueSnapshot<ResolvedLine> = {
  entries: [],
  organizations: [],
  loaded: false,
  complete: false,
  total: 0,
};
const notRead = () => NOT_READ;

/**
 * Every resolved ticket, newest first, once `wanted` (a view that lists them is open): until
 * then nothing is read, and the snapshot says so (`loaded: false`).
 */
export function useResolvedSnapshot(wanted: boolean): QueueSnapshot<ResolvedLine> {
  return useSyncExternalStore(
    wanted ? subscribeResolved : subscribeNothing,
    wanted ? resolvedSnapshot : notRead,
  );
}
