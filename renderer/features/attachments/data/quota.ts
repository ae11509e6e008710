import type { AppDb } from '../../../db/schema';

/** The attachments' default share of a device. */
export const DEFAULT_ATTACHMENT_QUOTA_BYTES = 2 * 1024 ** 3;

/**
 * 2 GiB, or less when the browser says less is left beside the `heldBytes` the attachments
 * already hold.
 */
export async function storageLimitBytes(heldBytes: number): Promise<number> {
  const estimate = await deviceEstimate();
  if (!estimate) return DEFAULT_ATTACHMENT_QUOTA_BYTES;
  return Math.min(
    DEFAULT_ATTACHMENT_QUOTA_BYTES,
    heldBytes + Math.max(0, estimate.quota - estimate.usage),
  );
}

export async function deviceEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const { usage, quota } = (await navigator.storage?.estimate?.()) ?? {};
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}

export async function storedBytes(db: AppDb): Promise<number> {
  let total = 0;
  await db.blobs.each((row) => {
    total += row.size;
  });
  return total;
}
