import { MAX_ATTACHMENT_BYTES } from '@shared/erp/blobs';
import { getAppDb } from '../../../db/app-db';
import { actionTables } from '../../../db/repos/ticket-actions';
import { getTicketActions } from '../../sync/ticket-actions-runtime';
import { storageLimitBytes, storedBytes } from './quota';
import type { AttachOutcome, DetachOutcome, PreparedFile } from './types';

class AttachRefused extends Error {}

/** Attaches each file in order; one outcome per file, a refusal never stops the others. */
export async function attachFiles(
  ticketId: string,
  files: PreparedFile[],
): Promise<AttachOutcome[]> {
  const outcomes: AttachOutcome[] = [];
  for (const file of files) outcomes.push(await attachOne(ticketId, file));
  return outcomes;
}

async function attachOne(ticketId: string, file: PreparedFile): Promise<AttachOutcome> {
  const size = file.blob.size;
  if (size === 0) return { ok: false, code: 'empty' };
  if (size > MAX_ATTACHMENT_BYTES)
    return { ok: false, code: 'too_large', limitBytes: MAX_ATTACHMENT_BYTES };
  const sha256 = await sha256Of(file.blob);
  const db = getAppDb();
  const used = await storedBytes(db);
  const limitBytes = await storageLimitBytes(used);
  const known = await db.blobs.get(sha256);
  if (!known && used + size > limitBytes)
    return {
      ok: false,
      code: 'quota',
      limitBytes,
      neededBytes: size,
      freeBytes: Math.max(0, limitBytes - used),
    };
  try {
    // One transaction: the content and the command that refers to it, or neither.
    return await db.transaction('rw', [...actionTables(db), db.blobs], async () => {
      const row = await db.blobs.get(sha256);
      if (!row) {
        const now = Date.now();
        await db.blobs.add({
          sha256,
          blob: file.blob,
          size,
          type: file.type,
          state: 'pending',
          storedAt: now,
          openedAt: now,
        });
      }
      const result = await getTicketActions().perform('attach', ticketId, {
        sha256,
        name: file.name,
        type: file.type,
        size,
      });
      if (!result.ok) throw new AttachRefused(result.error.message);
      return { ok: true, sha256, alreadyAttached: result.commandId === null } as const;
    });
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, code: 'quota', limitBytes, neededBytes: size };
    return { ok: false, code: 'storage_failed' };
  }
}

export async function detachFile(ticketId: string, sha256: string): Promise<DetachOutcome> {
  try {
    const result = await getTicketActions().perform('detach', ticketId, { sha256 });
    return result.ok ? { ok: true } : { ok: false, ...result.error };
  } catch (error) {
    return { ok: false, code: 'local', message: String(error) };
  }
}

async function sha256Of(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
