import type { CommandError } from '../domain/apply-command';
import { BLOB_PART_BYTES, partCount, type BlobUploadStatus } from '../erp/blobs';
import type { BlobTransport } from './blob-transport';
import type { DeadLetterNotice, TransportFailure } from './ports';

/** A blob an `attach` in the outbox waits for. */
export interface PendingUpload {
  sha256: string;
  size: number;
}

/** The blob side of the sync store (Dexie in the renderer: renderer/db/repos/blob-uploads.ts). */
export interface BlobUploadStore {
  /** Blobs stored `pending` that an `attach` in the outbox refers to, oldest attach first. */
  pendingUploads(): Promise<PendingUpload[]>;
  /** Bytes `start..end` (end exclusive) of a stored blob; null when it is no longer stored. */
  readBytes(sha256: string, start: number, end: number): Promise<Uint8Array | null>;
  /** The ERP holds the whole blob: the row becomes `sent` (evictable). */
  markSent(sha256: string): Promise<void>;
  /**
   * The ERP will never take this blob: every `attach` of it in the outbox becomes a dead letter
   * with `error`, in one transaction, and is returned for the user to hear about. The blob stays.
   */
  refuse(sha256: string, error: CommandError): Promise<DeadLetterNotice[]>;
}

export interface BlobUploadEnv {
  transport: BlobTransport;
  store: BlobUploadStore;
  deadLettered(notices: DeadLetterNotice[]): void;
}

export type BlobUploadOutcome = { ok: true } | { ok: false; failure: TransportFailure };

/**
 * Refusals that sending again cannot change: the blob is over the ERP's limit, its content does
 * not match its hash, or its parts contradict what the ERP holds. Everything else (no network,
 * 5xx, 429, a lost answer) is retried with the sync's backoff.
 */
const PERMANENT_CODES = new Set(['blob_too_large', 'blob_hash_mismatch', 'blob_part_invalid']);

export function isPermanentBlobRefusal(failure: TransportFailure): boolean {
  if (failure.kind !== 'http') return false;
  return failure.status === 413 || (failure.status === 400 && PERMANENT_CODES.has(failure.code));
}

type OneBlob =
  | { kind: 'complete' }
  | { kind: 'refused'; error: CommandError }
  | { kind: 'failed'; failure: TransportFailure };

/**
 * Uploads every blob the outbox waits for, before the push, so an `attach` finds its blob
 * complete. A permanent refusal turns that blob's `attach` commands into dead letters and the
 * rest goes on; any other failure ends the run and the engine backs off.
 */
export async function uploadPendingBlobs(env: BlobUploadEnv): Promise<BlobUploadOutcome> {
  for (const pending of await env.store.pendingUploads()) {
    const result = await uploadBlob(env, pending);
    if (result.kind === 'failed') return { ok: false, failure: result.failure };
    if (result.kind === 'complete') {
      await env.store.markSent(pending.sha256);
      continue;
    }
    const notices = await env.store.refuse(pending.sha256, result.error);
    if (notices.length > 0) env.deadLettered(notices);
  }
  return { ok: true };
}

/**
 * Asks what the ERP holds, then sends only the missing parts, one at a time, each read from the
 * stored blob just before it leaves: memory stays bounded by the part size, not the file.
 */
async function uploadBlob(env: BlobUploadEnv, { sha256, size }: PendingUpload): Promise<OneBlob> {
  const asked = await env.transport.status(sha256);
  if (!asked.ok) return judge(asked.failure);
  if (asked.value?.complete) return { kind: 'complete' };
  const parts = partCount(size);
  const received = new Set(asked.value?.received ?? []);
  for (let part = 0; part < parts; part += 1) {
    if (received.has(part)) continue;
    const start = part * BLOB_PART_BYTES;
    const bytes = await env.store.readBytes(sha256, start, Math.min(size, start + BLOB_PART_BYTES));
    if (bytes === null) {
      return refused('blob_missing', `The file ${sha256} is no longer stored on this device`);
    }
    const put = await env.transport.putPart({ sha256, part, parts, size, bytes });
    if (!put.ok) return judge(put.failure);
    if (put.value.complete) return { kind: 'complete' };
  }
  // Every part was sent and none completed the blob: ask once more before calling it broken.
  const after = await env.transport.status(sha256);
  if (!after.ok) return judge(after.failure);
  if (after.value?.complete) return { kind: 'complete' };
  return {
    kind: 'failed',
    failure: { kind: 'malformed', message: incompleteMessage(sha256, after.value) },
  };
}

function judge(failure: TransportFailure): OneBlob {
  if (!isPermanentBlobRefusal(failure) || failure.kind !== 'http')
    return { kind: 'failed', failure };
  return refused(failure.code, failure.message);
}

function refused(code: string, message: string): OneBlob {
  return { kind: 'refused', error: { code, message } };
}

function incompleteMessage(sha256: string, status: BlobUploadStatus | null): string {
  const held = status === null ? 'nothing' : `${status.received.length} of ${status.parts} parts`;
  return `every part of blob ${sha256} was sent, yet the ERP holds ${held} and no complete blob`;
}
