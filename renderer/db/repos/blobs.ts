import type { AppDb, BlobRow } from '../schema';

/*
 * Attachments' content (the `blobs` table, keyed by SHA-256 and shared by every ticket that has
 * the file). `pending` rows are the only copy of something not yet on the ERP: nothing here ever
 * deletes one.
 */

export interface BlobTotals {
  pending: { count: number; bytes: number };
  sent: { count: number; bytes: number };
  cached: { count: number; bytes: number };
}

/** How much each kind of row holds (sizes as stored, not read from the Blobs). */
export async function blobTotals(db: AppDb): Promise<BlobTotals> {
  const totals: BlobTotals = {
    pending: { count: 0, bytes: 0 },
    sent: { count: 0, bytes: 0 },
    cached: { count: 0, bytes: 0 },
  };
  await db.blobs.each((row) => {
    totals[row.state].count += 1;
    totals[row.state].bytes += row.size;
  });
  return totals;
}

export function storedBytes(totals: BlobTotals): number {
  return totals.pending.bytes + totals.sent.bytes + totals.cached.bytes;
}

/** The local state of each blob asked for (absent: not on this device). */
export async function blobStates(
  db: AppDb,
  sha256s: readonly string[],
): Promise<Map<string, BlobRow['state']>> {
  const rows = await db.blobs.bulkGet([...sha256s]);
  const states = new Map<string, BlobRow['state']>();
  for (const row of rows) if (row) states.set(row.sha256, row.state);
  return states;
}

/** The stored content, and a note that it was opened now (eviction takes the oldest first). */
export async function openStoredBlob(db: AppDb, sha256: string, now: number): Promise<Blob | null> {
  return db.transaction('rw', [db.blobs], async () => {
    const row = await db.blobs.get(sha256);
    if (!row) return null;
    await db.blobs.update(sha256, { openedAt: now });
    return row.blob;
  });
}

/** A downloaded blob, verified by the caller; a row already there (any state) is kept as it is. */
export async function storeDownloadedBlob(
  db: AppDb,
  row: Omit<BlobRow, 'state' | 'storedAt' | 'openedAt'>,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.blobs], async () => {
    if (await db.blobs.get(row.sha256)) return;
    await db.blobs.add({ ...row, state: 'cached', storedAt: now, openedAt: now });
  });
}

/** Removes every `sent` and `cached` row, never a `pending` one; answers the bytes freed. */
export async function evictEvictableBlobs(db: AppDb): Promise<number> {
  return db.transaction('rw', [db.blobs], async () => {
    const evictable = await db.blobs.where('state').anyOf(['sent', 'cached']).toArray();
    await db.blobs.bulkDelete(evictable.map((row) => row.sha256));
    return evictable.reduce((freed, row) => freed + row.size, 0);
  });
}
