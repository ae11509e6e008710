import type { Organization } from '@shared/domain/ticket';
import { getAppDb } from '../../db/app-db';
import { loadQueueRows, watchQueueTables, type QueueRow } from '../../db/repos/queue-rows';
import { compareUrgency, toQueueEntry, type QueueEntry } from './queue-entry';

export interface QueueSnapshot {
  /** Every open and paused ticket, in urgency order. */
  entries: readonly QueueEntry[];
  organizations: readonly Organization[];
  /** False until the first read from IndexedDB finished. */
  loaded: boolean;
}

/**
 * A burst of pulled pages becomes one reload per second at most, and never more often than four
 * times the last reload took: while 50,000 tickets stream in, the queue keeps to a fifth of the
 * main thread and leaves the rest to the sync writing them.
 */
const MIN_RELOAD_INTERVAL_MS = 1000;
const RELOAD_SPACING_FACTOR = 4;

/**
 * The queue's data for the whole window: read from IndexedDB, turned into sorted entries, and
 * kept current as the database changes. Entries are cached by what they derive from, so a
 * reload after one action re-evaluates one ticket, not fifty thousand.
 */
export function createQueueSource(deps: {
  load: () => Promise<{ rows: QueueRow[]; organizations: Organization[] }>;
  watch: (onChange: () => void) => () => void;
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}) {
  let snapshot: QueueSnapshot = { entries: [], organizations: [], loaded: false };
  let cache = new Map<string, { key: string; entry: QueueEntry }>();
  const listeners = new Set<() => void>();
  let stopWatching: (() => void) | null = null;
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
      const { rows, organizations } = await deps.load();
      snapshot = { entries: derive(rows, organizations), organizations, loaded: true };
      for (const listener of listeners) listener();
    } finally {
      lastLoadMs = deps.now() - lastLoadAt;
      loading = false;
      if (dirty) schedule();
    }
  }

  function derive(rows: QueueRow[], organizations: Organization[]): QueueEntry[] {
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    const nowMs = deps.now();
    const next = new Map<string, { key: string; entry: QueueEntry }>();
    const entries = rows.map(({ ticket, pending, failing }) => {
      const organization = byId.get(ticket.organizationId);
      const key = `${ticket.version}|${ticket.updatedAt}|${ticket.events.length}|${ticket.state}|${ticket.priority}|${ticket.assignee}|${pending}|${failing}|${organization?.version}`;
      const cached = cache.get(ticket.id);
      const entry =
        cached?.key === key
          ? cached.entry
          : toQueueEntry(ticket, organization, pending, failing, nowMs);
      next.set(ticket.id, { key, entry });
      return entry;
    });
    cache = next;
    return entries.sort(compareUrgency);
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
      if (!stopWatching) {
        stopWatching = deps.watch(schedule);
        void reload();
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
    load: () => loadQueueRows(getAppDb()),
    watch: (onChange) => watchQueueTables(getAppDb(), onChange),
    now: () => Date.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  });
  return source;
}
