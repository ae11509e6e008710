import type { Organization } from '@shared/domain/ticket';
import { compareUrgency, type QueueEntry } from '@shared/queue/queue-entry';
import { getAppDb } from '../../db/app-db';
import { loadFirstQueueLines, loadQueueLines, watchQueueTables } from '../../db/repos/queue-rows';

export interface QueueSnapshot {
  /** Every open and paused ticket, in urgency order. */
  entries: readonly QueueEntry[];
  organizations: readonly Organization[];
  /** False until the first read from IndexedDB finished. */
  loaded: boolean;
  /**
   * False while only the first screen is read: `entries` holds the most urgent lines and `total`
   * how many there are; filters and counts wait for the whole queue.
   */
  complete: boolean;
  total: number;
}

/** Lines read for the first screen, before the whole queue. */
const FIRST_SCREEN_LINES = 80;

/**
 * A burst of pulled pages becomes one reload per second at most, and never more often than four
 * times the last reload took: while 50,000 tickets stream in, the queue keeps to a fifth of the
 * main thread and leaves the rest to the sync writing them.
 */
const MIN_RELOAD_INTERVAL_MS = 1000;
const RELOAD_SPACING_FACTOR = 4;

/**
 * The queue's data for the whole window: the stored queue lines, sorted, kept current as the
 * database changes.
 */
export function createQueueSource(deps: {
  load: () => Promise<{ entries: QueueEntry[]; organizations: Organization[] }>;
  loadFirst: (limit: number) => Promise<{ entries: QueueEntry[]; total: number }>;
  watch: (onChange: () => void) => () => void;
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}) {
  let snapshot: QueueSnapshot = {
    entries: [],
    organizations: [],
    loaded: false,
    complete: false,
    total: 0,
  };
  const listeners = new Set<() => void>();
  // Watched for the window's lifetime: the queue is one per window and is read on every visit.
  let watching = false;
  let loading = false;
  let dirty = false;
  let lastLoadAt = -Infinity;
  let lastLoadMs = 0;
  let timerSet = false;

  async function reload(): Promise<void> {
    loading = true;
    dirty = false;
    lastLoadAt = deps.now();
    try {
      const { entries, organizations } = await deps.load();
      entries.sort(compareUrgency);
      snapshot = { entries, organizations, loaded: true, complete: true, total: entries.length };
      for (const listener of listeners) listener();
    } catch (error) {
      // The queue keeps what it showed; the next change tries again.
      console.error('[queue] could not read the queue', error);
    } finally {
      lastLoadMs = deps.now() - lastLoadAt;
      loading = false;
      if (dirty) schedule();
    }
  }

  async function showFirstScreen(): Promise<void> {
    const { entries, total } = await deps.loadFirst(FIRST_SCREEN_LINES);
    if (snapshot.complete) return;
    snapshot = {
      entries,
      organizations: [],
      loaded: true,
      complete: total === entries.length,
      total,
    };
    for (const listener of listeners) listener();
  }

  function schedule(): void {
    dirty = true;
    if (loading || timerSet) return;
    const spacing = Math.max(MIN_RELOAD_INTERVAL_MS, lastLoadMs * RELOAD_SPACING_FACTOR);
    const wait = Math.max(0, lastLoadAt + spacing - deps.now());
    timerSet = true;
    deps.setTimeout(() => {
      timerSet = false;
      if (dirty && !loading) void reload();
    }, wait);
  }

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (!watching) {
        watching = true;
        deps.watch(schedule);
        // The first screen is a head start only: if it cannot be read, the whole queue still is.
        void showFirstScreen()
          .catch((error: unknown) => console.warn('[queue] first screen not read', error))
          .then(reload);
      }
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: (): QueueSnapshot => snapshot,
  };
}

let source: ReturnType<typeof createQueueSource> | null = null;

export function getQueueSource(): ReturnType<typeof createQueueSource> {
  source ??= createQueueSource({
    load: () => loadQueueLines(getAppDb()),
    loadFirst: (limit) => loadFirstQueueLines(getAppDb(), limit),
    watch: (onChange) => watchQueueTables(getAppDb(), onChange),
    now: () => Date.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  });
  return source;
}
