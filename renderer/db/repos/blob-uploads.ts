import type { CommandError } from '@shared/domain/apply-command';
import type { BlobUploadStore, PendingUpload } from '@shared/sync/blob-upload';
import type { CommandAck, DeadLetterNotice } from '@shared/sync/ports';
import type { AppDb, OutboxRow } from '../schema';
import { ackTables, recordAcks } from './push-acks';

/** The `attach` commands in the outbox, oldest first (the outbox is small; no payload index). */
async function pendingAttaches(db: AppDb): Promise<OutboxRow[]> {
  return db.outbox
    .orderBy('seq')
    .filter((row) => row.type === 'attach')
    .toArray();
}

function sha256Of(row: OutboxRow): string | null {
  const value = row.payload['sha256'];
  return typeof value === 'string' ? value : null;
}

/**
 * The sync engine's blob store over the app database: which blobs the outbox waits for, their
 * bytes one part at a time (a `Blob.slice`, so a file is never read whole), and what the ERP said.
 */
export function createDexieBlobUploadStore(
  db: AppDb,
  { now = Date.now }: { now?: () => number } = {},
): BlobUploadStore {
  return {
    async pendingUploads() {
      return db.transaction('r', [db.outbox, db.blobs], async () => {
        const sizes = new Map<string, number>();
        for (const row of await pendingAttaches(db)) {
          const sha256 = sha256Of(row);
          const size = row.payload['size'];
          if (sha256 !== null && typeof size === 'number' && !sizes.has(sha256)) {
            sizes.set(sha256, size);
          }
        }
        const rows = await db.blobs.bulkGet([...sizes.keys()]);
        const uploads: PendingUpload[] = [];
        for (const [index, [sha256, size]] of [...sizes].entries()) {
          const row = rows[index];
          // A row already sent (or downloaded) is on the ERP; a missing one is refused on reading.
          if (row && row.state !== 'pending') continue;
          uploads.push({ sha256, size: row?.size ?? size });
        }
        return uploads;
      });
    },
    async readBytes(sha256, start, end) {
      const row = await db.blobs.get(sha256);
      if (!row || end > row.size) return null;
      return new Uint8Array(await row.blob.slice(start, end).arrayBuffer());
    },
    async markSent(sha256) {
      await db.transaction('rw', [db.blobs], async () => {
        const row = await db.blobs.get(sha256);
        if (row?.state === 'pending') await db.blobs.update(sha256, { state: 'sent' });
      });
    },
    async refuse(sha256: string, error: CommandError): Promise<DeadLetterNotice[]> {
      return db.transaction('rw', ackTables(db), async () => {
        const refused = (await pendingAttaches(db)).filter((row) => sha256Of(row) === sha256);
        const acks: CommandAck[] = refused.map((row) => ({
          commandId: row.commandId,
          outcome: 'dead',
          status: 'rejected',
          error,
        }));
        await recordAcks(db, acks, now());
        return refused.map((row) => ({
          commandId: row.commandId,
          ticketId: row.ticketId,
          type: row.type,
          status: 'rejected' as const,
          message: error.message,
        }));
      });
    },
  };
}
