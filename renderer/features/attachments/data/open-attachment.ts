import { BLOB_PART_BYTES } from '@shared/erp/blobs';
import type { BlobTransport } from '@shared/sync/blob-transport';
import type { TransportFailure } from '@shared/sync/ports';
import type { AppDb } from '../../../db/schema';
import {
  blobTotals,
  openStoredBlob,
  storeDownloadedBlob,
  storedBytes,
} from '../../../db/repos/blobs';
import { sha256OfBytes } from './content-hash';
import { attachmentLimit, type DeviceUsage } from './device-quota';

export type OpenOutcome =
  | { ok: true; blob: Blob }
  | { ok: false; code: 'offline' | 'not_found' | 'failed'; message: string };

/** What the list knows of the file; it makes the Blob typed before anything is downloaded. */
export interface OpenHint {
  type?: string;
}

export interface OpenDeps {
  db: AppDb;
  transport: BlobTransport;
  device: () => Promise<DeviceUsage | null>;
  now: () => number;
}

// Four parts a request: few round trips, and no request carries a whole large file.
const DOWNLOAD_CHUNK_BYTES = 4 * BLOB_PART_BYTES;
const UNREACHED: ReadonlySet<TransportFailure['kind']> = new Set([
  'network',
  'timeout',
  'tls',
  'not_configured',
  'redirected',
]);

/**
 * The content from this device, else downloaded on demand, checked against its SHA-256 and kept
 * as `cached` (when the quota allows). Opening the same file twice at once downloads it once.
 */
export function createAttachmentOpener(deps: OpenDeps) {
  const inFlight = new Map<string, Promise<OpenOutcome>>();
  return (sha256: string, hint: OpenHint = {}): Promise<OpenOutcome> => {
    const running = inFlight.get(sha256);
    if (running) return running;
    const started = open(deps, sha256, hint).finally(() => inFlight.delete(sha256));
    inFlight.set(sha256, started);
    return started;
  };
}

async function open(deps: OpenDeps, sha256: string, hint: OpenHint): Promise<OpenOutcome> {
  const stored = await openStoredBlob(deps.db, sha256, deps.now());
  if (stored) return { ok: true, blob: stored };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total: number | null = null;
  for (let start = 0; total === null || start < total;) {
    const answer = await deps.transport.read(sha256, start, start + DOWNLOAD_CHUNK_BYTES - 1);
    if (!answer.ok) return failed(answer.failure);
    if (answer.value === null) {
      return { ok: false, code: 'not_found', message: `The ERP has no file ${sha256}` };
    }
    if (total !== null && answer.value.total !== total) {
      return {
        ok: false,
        code: 'failed',
        message: `The file ${sha256} changed size while downloading`,
      };
    }
    total = answer.value.total;
    chunks.push(answer.value.bytes.slice());
    start += answer.value.bytes.byteLength;
  }
  const type = hint.type ?? 'application/octet-stream';
  const blob = new Blob(chunks, { type });
  const actual = await sha256OfBytes(await blob.arrayBuffer());
  if (actual !== sha256) {
    return {
      ok: false,
      code: 'failed',
      message: `The downloaded file does not match its SHA-256 (${actual}, expected ${sha256}); it was not kept`,
    };
  }
  await cacheIfRoom(deps, { sha256, blob, size: blob.size, type });
  return { ok: true, blob };
}

/** Kept for next time only within the quota: a full device still opens the file, just not again offline. */
async function cacheIfRoom(
  deps: OpenDeps,
  row: { sha256: string; blob: Blob; size: number; type: string },
): Promise<void> {
  const usage = await deps.device();
  const stored = storedBytes(await blobTotals(deps.db));
  if (stored + row.size > attachmentLimit(stored, usage)) return;
  await storeDownloadedBlob(deps.db, row, deps.now()).catch(() => undefined);
}

function failed(failure: TransportFailure): OpenOutcome {
  if (UNREACHED.has(failure.kind)) {
    return { ok: false, code: 'offline', message: `The ERP cannot be reached: ${failure.message}` };
  }
  return { ok: false, code: 'failed', message: failure.message };
}
