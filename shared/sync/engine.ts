import { backoffDelay } from './backoff';
import type { BlobTransport } from './blob-transport';
import { uploadPendingBlobs, type BlobUploadStore } from './blob-upload';
import type {
  Clock,
  ClockOffset,
  Random,
  SyncStore,
  SyncTransport,
  Timer,
  TransportFailure,
} from './ports';
import { pullChanges } from './pull';
import { probeClock, pushOutbox, type PushEnv } from './push';
import {
  describeFailure,
  initialStatus,
  isRetryable,
  type SyncErrorInfo,
  type SyncEvent,
  type SyncStatus,
} from './status';

export interface SyncEngineOptions {
  /** Commands per push (the protocol allows up to 500). */
  batchSize?: number;
  /** Changes per pull page; bounds the memory a pull needs. */
  pageSize?: number;
  /** Re-measure the clock offset (with an empty push) when it is older than this. */
  offsetMaxAgeMs?: number;
  /** Wait after a local change before pushing, so a burst of clicks travels together. */
  localChangeDelayMs?: number;
}

export interface SyncEngineDeps {
  transport: SyncTransport;
  store: SyncStore;
  clock: Clock;
  random: Random;
  timer: Timer;
  options?: SyncEngineOptions;
  /** Attachments' content, uploaded before each push (absent: a device that attaches nothing). */
  blobs?: { transport: BlobTransport; store: BlobUploadStore };
}

/**
 * Hints come from the OS or the user. They may speed a sync up; they never prevent one. `clock`:
 * the device clock was set while the app ran, so the measured offset is wrong until measured again.
 */
export type SyncHint = 'online' | 'offline' | 'resume' | 'manual' | 'timer' | 'startup' | 'clock';

export type SyncRunResult = { ok: true } | { ok: false; error: SyncErrorInfo };

export interface SyncEngine {
  /** Runs a sync; while one runs, the call joins it and one more run follows. */
  syncNow(): Promise<SyncRunResult>;
  hint(hint: SyncHint): void;
  /** A repo wrote to the outbox: push soon, unless the engine is backing off. */
  notifyLocalChange(): void;
  status(): SyncStatus;
  subscribe(listener: (event: SyncEvent) => void): () => void;
  /** Stops timers and further runs (a run in flight finishes its current step). */
  dispose(): void;
}

class StoreError extends Error {}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { transport, store, clock, random, timer } = deps;
  const batchSize = deps.options?.batchSize ?? 200;
  const pageSize = deps.options?.pageSize ?? 500;
  const offsetMaxAgeMs = deps.options?.offsetMaxAgeMs ?? 15 * 60_000;
  const localChangeDelayMs = deps.options?.localChangeDelayMs ?? 300;

  let status = initialStatus();
  const listeners = new Set<(event: SyncEvent) => void>();
  let current: Promise<SyncRunResult> | null = null;
  let rerun = false;
  let attempt = 0;
  /** Consecutive runs the ERP deferred: their own backoff, since each such run succeeds. */
  let deferrals = 0;
  let retryAfterUntil = 0;
  let cancelRetry: (() => void) | null = null;
  let cancelSoon: (() => void) | null = null;
  let offset: ClockOffset | null = null;
  /** Set by a `clock` hint; cleared once a probe has measured the offset again. */
  let remeasure = false;
  let disposed = false;

  const emit = (event: SyncEvent) => listeners.forEach((listener) => listener(event));
  const setStatus = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    emit({ type: 'status', status });
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const refreshCounts = async () => setStatus(await store.counts());

  async function runOnce(): Promise<
    { ok: true; deferred: boolean } | { ok: false; failure: TransportFailure | StoreError }
  > {
    try {
      const meta = await store.loadMeta();
      offset = meta.clockOffset;
      if (status.lastSuccessAt === null && meta.lastSuccessAt !== null)
        setStatus({ lastSuccessAt: meta.lastSuccessAt });
      const env: PushEnv = {
        transport,
        store,
        now: () => clock.now(),
        deviceId: meta.deviceId,
        offset: () => offset,
        saveOffset: async (measured) => {
          offset = measured;
          await store.saveClockOffset(measured);
        },
        deadLettered: (notices) => emit({ type: 'dead-letters', notices }),
        batchSize,
      };
      if (remeasure || offsetIsStale(offset, clock.now(), offsetMaxAgeMs)) {
        const probe = await probeClock(env);
        if (probe.ok) remeasure = false;
        else if (!probeRefusalIsHarmless(probe.failure)) return probe;
      }
      // Before the push, so an `attach` finds its blob complete. A blob that failed for now does
      // not hold back the rest: the push goes on (its `attach` is deferred by the ERP), and the
      // run still ends as failed so the engine backs off and tries the blob again.
      const uploaded = deps.blobs
        ? await uploadPendingBlobs({
            ...deps.blobs,
            deadLettered: (notices) => emit({ type: 'dead-letters', notices }),
          })
        : null;
      const pushed = await pushOutbox(env);
      await refreshCounts();
      if (!pushed.ok) return pushed;
      setStatus({ connection: 'online' });
      const pulled = await pullChanges({
        transport,
        store,
        cursor: meta.cursor,
        previousCursors: meta.previousCursors,
        pageSize,
      });
      if (!pulled.ok) return pulled;
      if (uploaded !== null && !uploaded.ok) return uploaded;
      return { ok: true, deferred: pushed.deferred };
    } catch (error) {
      return {
        ok: false,
        failure: new StoreError(error instanceof Error ? error.message : String(error)),
      };
    }
  }

  function schedule(delayMs: number) {
    cancelRetry?.();
    if (disposed) return;
    const at = clock.now() + delayMs;
    cancelRetry = timer.setTimeout(() => {
      cancelRetry = null;
      if (!disposed) void syncNow();
    }, delayMs);
    setStatus({ nextRetryAt: iso(at) });
  }

  async function finish(outcome: Awaited<ReturnType<typeof runOnce>>): Promise<SyncRunResult> {
    const nowIso = iso(clock.now());
    await refreshCounts().catch(() => undefined);
    if (outcome.ok) {
      attempt = 0;
      retryAfterUntil = 0;
      cancelRetry?.();
      cancelRetry = null;
      await store.saveLastSuccess(nowIso).catch(() => undefined);
      setStatus({
        connection: 'online',
        lastSuccessAt: nowIso,
        lastError: null,
        nextRetryAt: null,
      });
      // `deferred`: the ERP asked for the commands later; back off so we do not hammer it.
      if (outcome.deferred) schedule(backoffDelay(deferrals++, random.next(), null));
      else deferrals = 0;
      return { ok: true };
    }
    const { failure } = outcome;
    const described =
      failure instanceof StoreError
        ? { kind: 'local' as const, message: `The local database failed: ${failure.message}` }
        : describeFailure(failure);
    const error: SyncErrorInfo = { ...described, at: nowIso };
    const unreached = ['network', 'timeout', 'tls', 'not_configured'];
    const reached = !(failure instanceof StoreError) && !unreached.includes(failure.kind);
    setStatus({
      lastError: error,
      ...(failure instanceof StoreError ? {} : { connection: reached ? 'online' : 'offline' }),
    });
    if (failure instanceof StoreError || isRetryable(failure)) {
      const retryAfterMs =
        !(failure instanceof StoreError) && failure.kind === 'http' ? failure.retryAfterMs : null;
      const delay = backoffDelay(attempt++, random.next(), retryAfterMs);
      if (retryAfterMs !== null) retryAfterUntil = clock.now() + delay;
      schedule(delay);
    } else {
      cancelRetry?.();
      cancelRetry = null;
      setStatus({ nextRetryAt: null });
    }
    return { ok: false, error };
  }

  function syncNow(): Promise<SyncRunResult> {
    if (current) {
      rerun = true;
      return current;
    }
    if (disposed) return Promise.resolve({ ok: true });
    const run = (async (): Promise<SyncRunResult> => {
      let result: SyncRunResult;
      setStatus({ running: true });
      do {
        rerun = false;
        result = await finish(await runOnce());
      } while (rerun && result.ok && !disposed);
      // Cleared in the same synchronous step as the loop test, so no request can slip between.
      current = null;
      setStatus({ running: false });
      return result;
    })();
    current = run;
    return run;
  }

  return {
    syncNow,
    hint(hint) {
      if (disposed) return;
      if (hint === 'offline') {
        setStatus({ connection: 'offline' });
        return;
      }
      if (hint === 'timer' || hint === 'startup') {
        // The periodic trigger does not cut a backoff short; the retry timer is already set.
        if (cancelRetry === null) void syncNow();
        return;
      }
      if (hint === 'online') setStatus({ connection: 'online' });
      if (hint === 'clock') remeasure = true;
      attempt = 0;
      // A hint resets our own backoff, but not a wait the server asked for.
      const wait = retryAfterUntil - clock.now();
      if (wait > 0) schedule(wait);
      else {
        cancelRetry?.();
        cancelRetry = null;
        void syncNow();
      }
    },
    notifyLocalChange() {
      if (disposed) return;
      void refreshCounts().catch(() => undefined);
      if (cancelRetry !== null || cancelSoon !== null) return;
      cancelSoon = timer.setTimeout(() => {
        cancelSoon = null;
        if (!disposed) void syncNow();
      }, localChangeDelayMs);
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      cancelRetry?.();
      cancelSoon?.();
      cancelRetry = cancelSoon = null;
    },
  };
}

/** No offset yet, an old one, or the device clock went back since it was measured. */
function offsetIsStale(offset: ClockOffset | null, now: number, maxAgeMs: number): boolean {
  return offset === null || now - offset.measuredAt > maxAgeMs || now < offset.measuredAt;
}

/** A server that refuses an empty push (4xx) can still take real ones: carry on without it. */
function probeRefusalIsHarmless(failure: TransportFailure): boolean {
  return failure.kind === 'http' && failure.status < 500 && failure.status !== 429;
}
