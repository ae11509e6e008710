import type { CommandError } from '../domain/apply-command';
import type { CommandType } from '../erp/commands';
import type { Change, ChangesResponse, PushRequest, PushResponse } from '../erp/protocol';

/*
 * The sync engine's ports. The engine is pure: everything with a side effect (network, database,
 * time, randomness, timers) comes in through one of these, so the same engine runs in the
 * renderer (host ERP bridge + Dexie) and in Node tests (fetch + fake-indexeddb, or fakes).
 */

/** Why an exchange with the ERP failed, in the terms the engine decides on. */
export type TransportFailure =
  /** No answer at all: refused, reset, DNS, a body cut short. */
  | { kind: 'network'; message: string }
  /** The secure connection failed: an untrusted or expired certificate, or not TLS at all. */
  | { kind: 'tls'; message: string }
  /** The ERP answered with a redirect, never followed: usually a wrong address. */
  | { kind: 'redirected'; message: string }
  /** We gave up waiting; the server may still have committed (the retry is deduplicated). */
  | { kind: 'timeout'; message: string }
  /** 401: the token is missing or refused. Not retried until something changes. */
  | { kind: 'unauthorized'; message: string }
  /** 409: the server expects the device's next command at `lastSeq + 1`. */
  | { kind: 'gap'; lastSeq: number; message: string }
  /** 410: the pull cursor expired; a full resync follows. */
  | { kind: 'cursor_expired'; message: string }
  /** No ERP address is configured: nothing to retry until the settings change. */
  | { kind: 'not_configured'; message: string }
  /** The answer did not match the wire schema: treated like a lost answer, never half-applied. */
  | { kind: 'malformed'; message: string }
  /** Any other HTTP status (400, 413, 426, 429, 5xx…). */
  | { kind: 'http'; status: number; retryAfterMs: number | null; code: string; message: string };

export type TransportResult<T> = { ok: true; value: T } | { ok: false; failure: TransportFailure };

export interface SyncTransport {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  /** `cursor` null: from the beginning (first sync or full resync). */
  pullChanges(
    cursor: string | null,
    limit: number,
  ): Promise<TransportResult<{ changes: Change[]; nextCursor: string; hasMore: boolean }>>;
}

/** A user action waiting to reach the ERP. */
export interface OutboxEntry {
  seq: number;
  commandId: string;
  type: CommandType;
  ticketId: string;
  /** The server version the device saw; null for `create`. */
  baseVersion: number | null;
  payload: Record<string, unknown>;
  /** Device clock (epoch ms) when the engineer acted. */
  actedAt: number;
  /** Clock offset known when the engineer acted; null if none had been measured yet. */
  offsetMs: number | null;
  /**
   * Who acted, for the optimistic view: the signed-in user as the device knew them then. The ERP
   * signs the command itself, from the token.
   */
  author: string;
  authorId: string;
}

/** What the ERP said about one command, as the store records it. */
export type CommandAck =
  | {
      commandId: string;
      outcome: 'done';
      status: 'applied' | 'duplicate' | 'noop';
      ticket?: unknown;
      /** A window command's answer: the window as the ERP stored it. */
      window?: unknown;
    }
  | {
      commandId: string;
      outcome: 'dead';
      status: 'conflict' | 'rejected' | 'local';
      error: CommandError;
      ticket?: unknown;
      window?: unknown;
    };

/** A dead letter as the user is told about it. */
export interface DeadLetterNotice {
  commandId: string;
  ticketId: string;
  type: CommandType;
  status: 'conflict' | 'rejected' | 'local';
  message: string;
}

export interface ClockOffset {
  /** server time − device time, ms. */
  offsetMs: number;
  rttMs: number;
  /** Device clock when measured. */
  measuredAt: number;
}

export interface SyncMeta {
  deviceId: string;
  cursor: string | null;
  /** Cursors held before the current one (newest first): a page pointing back to one is stale. */
  previousCursors: string[];
  clockOffset: ClockOffset | null;
  lastSuccessAt: string | null;
}

export interface SyncStore {
  /** Creates the device id on first use. */
  loadMeta(): Promise<SyncMeta>;
  /** The oldest pending commands, in `seq` order. */
  readOutbox(limit: number): Promise<OutboxEntry[]>;
  /** Drops or dead-letters acknowledged commands and refreshes their tickets, in one transaction. */
  ack(acks: CommandAck[]): Promise<void>;
  /** After a 409: renumbers every pending command from `firstSeq` on, keeping their order. */
  renumberOutbox(firstSeq: number): Promise<void>;
  /** One pulled page and its cursor, in one transaction. Completes a full resync on the last page. */
  applyPage(page: ChangesResponse): Promise<void>;
  /** 410: forget the cursor and pull everything again, keeping pending commands. */
  beginFullResync(): Promise<void>;
  saveClockOffset(offset: ClockOffset): Promise<void>;
  saveLastSuccess(at: string): Promise<void>;
  counts(): Promise<{ pending: number; deadLetters: number }>;
}

/** Device time, epoch ms. */
export interface Clock {
  now(): number;
}

/** Uniform in [0, 1). */
export interface Random {
  next(): number;
}

export interface Timer {
  /** Returns a cancel function. */
  setTimeout(callback: () => void, ms: number): () => void;
}
