import type { AppDb } from '../../../db/schema';
import {
  blobTotals,
  evictEvictableBlobs,
  storedBytes,
  type BlobTotals,
} from '../../../db/repos/blobs';
import { attachmentLimit, type DeviceUsage } from './device-quota';

export interface AttachmentStorage extends BlobTotals {
  /** What attachments may hold on this device now (the default share, bounded by free space). */
  limitBytes: number;
  /** The browser's estimate for the whole app; null where it does not tell. */
  deviceUsage: DeviceUsage | null;
}

export async function readAttachmentStorage(
  db: AppDb,
  device: DeviceUsage | null,
): Promise<AttachmentStorage> {
  const totals = await blobTotals(db);
  return {
    ...totals,
    limitBytes: attachmentLimit(storedBytes(totals), device),
    deviceUsage: device,
  };
}

/** Frees what the ERP also holds (sent and downloaded files); never a file not yet sent. */
export async function freeAttachmentCache(db: AppDb): Promise<{ freedBytes: number }> {
  return { freedBytes: await evictEvictableBlobs(db) };
}
