import type { Organization } from '@shared/domain/ticket';
import { compareUrgency, type QueueEntry } from '@shared/queue/queue-entry';
import { compareResolved, type ResolvedLine } from '@shared/queue/resolved-line';
import { getAppDb } from '../../db/app-db';
import {
  loadFirstQueueLines,
  loadFirstResolvedLines,
  loadQueueLines,
  loadResolvedLines,
  watchQueueTables,
} from '../../db/repos/queue-rows';

export interface QueueSnapshot<Line extends QueueEntry = QueueEntry> {
  /** Every line of the source (open and paused tickets, or resolved ones), in its order. */
  entries: readonly Line[];
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
 * The queue's data for the whole window: the stored lines, sorted (by urgency unless `compare`
 * says otherwise), kept current as the database changes. Read on the first subscription.
 */
export function createQueueSource<Line extends QueueEntry = QueueEntry>(deps: {
  load: () => Promise<{ entries: Line[]; organizations: Organization[] }>;
  loadFirst: (limit: number) => Promise<{ entries: Line[]; total: number }>;
  watch: (onChange: () => void) => () => void;
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  compare?: (a: Line, b: Line) => number;
}) {
  const compare = deps.compare ?? compareUrgency;
  let snapshot: QueueSnapshot<Line> = {
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
      entries.sort(compare);
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
    getSnapshot: (): QueueSnapshot<Line> => snapshot,
  };
}

type QueueSource<Line extends QueueEntry = QueueEntry> = ReturnType<typeof createQueueSource<Line>>;

let source: QueueSource | null = null;
let resolvedSource: QueueSource<ResolvedLine> | null = null;

const windowTimers = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
};

export function getQueueSource(): QueueSource {
  source ??= createQueueSource({
    load: () => loadQueueLines(getAppDb()),
    loadFirst: (limit) => loadFirstQueueLines(getAppDb(), limit),
    watch: (onChange) => watchQueueTables(getAppDb(), onChange),
    ...windowTimers,
  });
  return source;
}

/**
 * The resolved tickets' lines, newest resolution first. Read only once a view that lists them
 * is opened: most visits to the queue never need the archive.
 */
export function getResolvedSource(): QueueSource<ResolvedLine> {
  resolvedSource ??= createQueueSource<ResolvedLine>({
    load: () => loadResolvedLines(getAppDb()),
    loadFirst: (limit) => loadFirstResolvedLines(getAppDb(), limit),
    watch: (onChange) => watchQueueTables(getAppDb(), onChange, 'resolved'),
    compare: compareResolved,
    ...windowTimers,
  });
  return resolvedSource;
}
