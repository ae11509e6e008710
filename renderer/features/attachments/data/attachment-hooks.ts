import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../../db/app-db';
import { deviceEstimate, storageLimitBytes } from './quota';
import type { AttachmentItem, AttachmentStorage, StoredAmount } from './types';

/** The ticket's files (removed ones left out), each with where its content is, live. */
export function useTicketAttachments(ticketId: string): AttachmentItem[] | undefined {
  return useLiveQuery(async () => {
    const db = getAppDb();
    const row = await db.tickets.get(ticketId);
    const files = (row?.view?.attachments ?? []).filter((file) => !file.removed);
    const blobs = await db.blobs.bulkGet(files.map((file) => file.sha256));
    return files.map((file, index) => ({ ...file, local: blobs[index]?.state ?? 'remote' }));
  }, [ticketId]);
}

/** What the offline cache holds, by state, and the device's figures. */
export function useAttachmentStorage(): AttachmentStorage | undefined {
  return useLiveQuery(async () => {
    const db = getAppDb();
    const amounts: Record<'pending' | 'sent' | 'cached', StoredAmount> = {
      pending: { count: 0, bytes: 0 },
      sent: { count: 0, bytes: 0 },
      cached: { count: 0, bytes: 0 },
    };
    await db.blobs.each((blob) => {
      amounts[blob.state].count += 1;
      amounts[blob.state].bytes += blob.size;
    });
    const held = amounts.pending.bytes + amounts.sent.bytes + amounts.cached.bytes;
    const [limitBytes, deviceUsage] = await Promise.all([
      storageLimitBytes(held),
      deviceEstimate(),
    ]);
    return { ...amounts, limitBytes, deviceUsage };
  }, []);
}
