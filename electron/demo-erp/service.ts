import type { UserRef } from '../../shared/domain';
import type { PushResponse } from '../../shared/erp';
import { createAutoCompaction, type CompactionPolicy } from './changes/auto-compaction';
import { compactChangeLog, deleteTicket, readChangesJson } from './changes/change-log';
import { HttpError } from './http/http-error';
import { applyPush } from './push/apply-push';
import { parsePushBody } from './push/parse-push';
import { createInFlight, createSerialQueue } from './serial-queue';
import type { Database } from './store/database';
import type { BlobStore } from './blobs/blob-store';

export interface ServiceOptions {
  now: () => number;
  deferUnknownTicketMs: number;
  blobs: BlobStore;
  /** null: the change log is compacted only on request (`compact`). */
  compaction: CompactionPolicy | null;
  /** Where a compaction that failed is reported; the server goes on without it. */
  onCompactionError: (error: unknown) => void;
}

/**
 * The ERP's behaviour without HTTP. On PGlite (one connection) every database operation goes
 * through one serial queue; on PostgreSQL they run concurrently, as they do across server
 * processes, and the database's write lock orders them (store/database.ts).
 */
export interface ErpService {
  /** Validates and applies a push body; throws HttpError for 4xx answers (409 seq gap included). */
  push(body: unknown, author: UserRef, beforeCommit?: () => void): Promise<PushResponse>;
  /** A page of the changes feed as the response's JSON text (stored JSON is spliced, not parsed). */
  changes(cursor: string | null, limit: number): Promise<string>;
  compact(): Promise<{ removed: number; generation: number }>;
  deleteTicket(id: string): Promise<boolean>;
  /** Waits for queued work, then closes the database. */
  close(): Promise<void>;
}

export function createErpService(database: Database, options: ServiceOptions): ErpService {
  const { db, epoch } = database;
  const queue = db.kind === 'pglite' ? createSerialQueue() : createInFlight();
  const autoCompaction = options.compaction && createAutoCompaction(db, options.compaction);
  let closed = false;
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    if (closed) {
      // Contract 2: every 503 says when to come back.
      const error = new HttpError(
        503,
        'shutting_down',
        'the server is stopping',
        { retryAfterSeconds: 5 },
        { 'Retry-After': '5' },
      );
      return Promise.reject(error);
    }
    return queue.run(task);
  };
  return {
    async push(body, author, beforeCommit) {
      const request = parsePushBody(body);
      const outcome = await run(() =>
        applyPush(db, request, {
          author,
          clockMs: options.now,
          deferUnknownTicketMs: options.deferUnknownTicketMs,
          blobs: options.blobs,
          ...(beforeCommit ? { beforeCommit } : {}),
        }),
      );
      if (outcome.kind === 'seq_gap') {
        throw new HttpError(409, 'seq_gap', outcome.message, { lastSeq: outcome.lastSeq });
      }
      if (autoCompaction && !closed) {
        const compaction = run(() => autoCompaction.afterAppend()).then(
          () => undefined,
          options.onCompactionError,
        );
        // The next request must already see a compacted log. PGlite's queue runs it before the
        // next request; on PostgreSQL nothing would, so the answer waits for it.
        if (db.kind === 'postgres') await compaction;
      }
      return outcome.response;
    },
    changes(cursor, limit) {
      return run(() => readChangesJson(db, epoch, cursor, limit));
    },
    compact() {
      return run(() => compactChangeLog(db));
    },
    deleteTicket(id) {
      return run(() => deleteTicket(db, id));
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.idle();
      await db.close();
    },
  };
}
