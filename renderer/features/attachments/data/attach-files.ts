import Dexie from 'dexie';
import { MAX_ATTACHMENT_BYTES, type AttachPayload } from '@shared/erp/blobs';
import type { AppDb } from '../../../db/schema';
import { actionTables, type TicketActions } from '../../../db/repos/ticket-actions';
import { blobTotals, storedBytes } from '../../../db/repos/blobs';
import { sha256OfBlob } from './content-hash';
import { attachmentLimit, freeBytesOf, type DeviceUsage } from './device-quota';

/** A file ready to attach: the name sanitized and the type sniffed by the caller (part C's UI). */
export interface PreparedFile {
  name: string;
  type: string;
  blob: Blob;
}

export type AttachOutcome =
  | { ok: true; sha256: string; alreadyAttached: boolean }
  | {
      ok: false;
      code: 'too_large' | 'empty' | 'quota' | 'storage_failed';
      limitBytes?: number;
      neededBytes?: number;
      freeBytes?: number;
      /** What failed, for the log (storage_failed only). */
      message?: string;
    };

export interface AttachDeps {
  db: AppDb;
  actions: TicketActions;
  device: () => Promise<DeviceUsage | null>;
  now: () => number;
}

/** Thrown inside the transaction so that nothing of a refused file stays. */
class Refusal extends Error {
  constructor(readonly outcome: Extract<AttachOutcome, { ok: false }>) {
    super(outcome.code);
  }
}

/** Each file on its own: one refused (too large, over the quota) does not stop the others. */
export async function attachFiles(
  deps: AttachDeps,
  ticketId: string,
  files: readonly PreparedFile[],
): Promise<AttachOutcome[]> {
  const outcomes: AttachOutcome[] = [];
  for (const file of files) outcomes.push(await attachOne(deps, ticketId, file));
  return outcomes;
}

async function attachOne(
  { db, actions, device, now }: AttachDeps,
  ticketId: string,
  file: PreparedFile,
): Promise<AttachOutcome> {
  const size = file.blob.size;
  if (size === 0) return { ok: false, code: 'empty' };
  if (size > MAX_ATTACHMENT_BYTES) {
    return { ok: false, code: 'too_large', limitBytes: MAX_ATTACHMENT_BYTES, neededBytes: size };
  }
  // Outside the transaction: IndexedDB commits a transaction that waits on anything else.
  const [sha256, usage] = await Promise.all([sha256OfBlob(file.blob), device()]);
  const payload: AttachPayload = { sha256, name: file.name, type: file.type, size };
  try {
    return await db.transaction('rw', [...actionTables(db), db.blobs], async () => {
      const existing = await db.blobs.get(sha256);
      if (!existing) {
        const stored = storedBytes(await blobTotals(db));
        const limitBytes = attachmentLimit(stored, usage);
        if (stored + size > limitBytes) {
          const freeBytes = freeBytesOf(usage);
          throw new Refusal({
            ok: false,
            code: 'quota',
            limitBytes,
            neededBytes: size,
            ...(freeBytes === undefined ? {} : { freeBytes }),
          });
        }
        const at = now();
        await db.blobs.add({
          sha256,
          blob: file.blob,
          size,
          type: file.type,
          state: 'pending',
          storedAt: at,
          openedAt: at,
        });
      }
      const result = await actions.perform('attach', ticketId, payload);
      if (!result.ok) {
        throw new Refusal({ ok: false, code: 'storage_failed', message: result.error.message });
      }
      const alreadyAttached = result.commandId === null;
      // Attached already: no upload will follow, so a row stored just now is not "pending".
      if (alreadyAttached && !existing) await db.blobs.update(sha256, { state: 'sent' });
      return { ok: true as const, sha256, alreadyAttached };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    return refusalOfStorageError(error, size, usage);
  }
}

function nameOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { name?: unknown }).name
    : undefined;
}

/** The browser's own quota (QuotaExceededError) is the device quota in words too. */
function refusalOfStorageError(
  error: unknown,
  size: number,
  usage: DeviceUsage | null,
): AttachOutcome {
  const inner: unknown = error instanceof Dexie.DexieError ? error.inner : error;
  const name = nameOf(inner) ?? nameOf(error);
  if (name === 'QuotaExceededError') {
    const freeBytes = freeBytesOf(usage);
    return {
      ok: false,
      code: 'quota',
      neededBytes: size,
      ...(freeBytes === undefined ? {} : { freeBytes }),
    };
  }
  return { ok: false, code: 'storage_failed', message: String(error) };
}
