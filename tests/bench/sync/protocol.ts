// What the bench page exposes on `window.syncBench` and returns to the Node driver. Types only:
// both sides import this file.

/** `performance.memory.usedJSHeapSize` (precise), in bytes. */
export interface HeapUse {
  /** After a forced GC, before the work started. */
  baseline: number;
  /** Highest sample during the work (garbage included, as the page really holds it). */
  peak: number;
  /** Highest heap after a forced GC between steps (at most one a second): what the work holds. */
  live: number;
  /** After a forced GC once the work finished: what the work left behind. */
  retained: number;
  samples: number;
  checkpoints: number;
}

export interface PullResult {
  ms: number;
  /** From the start until the last page holding an open or paused ticket was stored. */
  openStoredMs: number;
  pages: number;
  tickets: number;
  /** Time inside the transport (fetch, JSON, schema checks) and inside the store (IndexedDB). */
  transportMs: number;
  storeMs: number;
  heap: HeapUse;
}

export interface RecordResult {
  ms: number;
  commands: number;
  /** Planned actions the local rules refused (replaced by a comment). */
  substituted: number;
  heap: HeapUse;
}

export interface PushResult {
  /** From the sync call until the outbox was empty (the last acknowledgement stored). */
  pushMs: number;
  /** The whole sync run: push, then the pull of what the push changed. */
  syncMs: number;
  batches: number;
  /** Inside the transport (requests, waiting for the ERP, schema checks) and the store, by method. */
  transportMs: number;
  storeMsByMethod: Record<string, number>;
  outboxLeft: number;
  deadLetters: number;
  heap: HeapUse;
}

export interface NoopResult {
  runsMs: number[];
  /** ERP requests per no-op run (one page of changes, nothing to push). */
  requestsPerRun: number;
  /** Mean per run: the ERP request, and IndexedDB by store method. */
  transportMsPerRun: number;
  storeMsPerRun: Record<string, number>;
}

export interface NaivePushResult {
  recordMs: number;
  pushMs: number;
  commands: number;
  heap: HeapUse;
}

export interface YardstickResult {
  rows: number;
  ms: number;
}

export interface SyncBenchApi {
  /** TOOLCHAIN.md's reference IndexedDB write, to tell how fast this machine was during the run. */
  yardstick(input: { db: string; rows: number }): Promise<YardstickResult>;
  /** The real client (engine + Dexie store + browser host transport) into a fresh database. */
  pull(input: { db: string; pageSize: number }): Promise<PullResult>;
  /** Contender: download every page, then one `bulkPut` per page, no transaction around them. */
  naivePull(input: { db: string; pageSize: number }): Promise<PullResult>;
  /** Records an offline backlog through `createTicketActions` (engine not running). */
  record(input: { db: string; commands: number }): Promise<RecordResult>;
  push(input: { db: string }): Promise<PushResult>;
  /** `runs` no-op syncs, `gapMs` apart (a timer triggers them, never back to back). */
  noop(input: { db: string; runs: number; gapMs: number }): Promise<NoopResult>;
  /** Contender: the same kind of backlog as bare outbox rows, pushed 500 at a time. */
  naivePush(input: { fromDb: string; db: string; commands: number }): Promise<NaivePushResult>;
  drop(db: string): Promise<void>;
}

declare global {
  interface Window {
    syncBench?: SyncBenchApi;
  }
}
