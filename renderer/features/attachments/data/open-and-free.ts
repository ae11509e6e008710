import { getAppDb } from '../../../db/app-db';
import type { OpenOutcome } from './types';

/** The file's content from this device (the stand-in downloads nothing). */
export async function openAttachment(sha256: string): Promise<OpenOutcome> {
  const db = getAppDb();
  const row = await db.blobs.get(sha256);
  if (row) {
    await db.blobs.update(sha256, { openedAt: Date.now() });
    return { ok: true, blob: row.blob };
  }
  if (!navigator.onLine)
    return { ok: false, code: 'offline', message: 'no network: the file is not on this device' };
  return { ok: false, code: 'not_found', message: 'the file is not on this device' };
}

/** Removes what the ERP already holds (sent and cached files); never a pending one. */
export async function freeAttachmentCache(): Promise<{ freedBytes: number }> {
  const db = getAppDb();
  return db.transaction('rw', db.blobs, async () => {
    const rows = await db.blobs.where('state').anyOf('sent', 'cached').toArray();
    await db.blobs.bulkDelete(rows.map((row) => row.sha256));
    return { freedBytes: rows.reduce((sum, row) => sum + row.size, 0) };
  });
}
