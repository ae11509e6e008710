import { createBlobTransport } from '@shared/sync/blob-transport';
import { getAppDb } from '../../../db/app-db';
import type { ActionResult } from '../../../db/repos/ticket-actions';
import { getErpGate } from '../../sync/sync-runtime';
import { getTicketActions } from '../../sync/ticket-actions-runtime';
import {
  attachFiles as attachFilesTo,
  type AttachOutcome,
  type PreparedFile,
} from './attach-files';
import { freeAttachmentCache as freeCache } from './attachment-storage';
import { estimateDevice } from './device-quota';
import { createAttachmentOpener, type OpenHint, type OpenOutcome } from './open-attachment';

/*
 * The attachment seam of this window, bound to its database, its sync engine and its host: the
 * only functions the attachment UI calls (hooks aside).
 */

let opener: ReturnType<typeof createAttachmentOpener> | null = null;

/** Stores each file and records its `attach`, one transaction per file; works offline. */
export function attachFiles(ticketId: string, files: PreparedFile[]): Promise<AttachOutcome[]> {
  return attachFilesTo(
    { db: getAppDb(), actions: getTicketActions(), device: estimateDevice, now: Date.now },
    ticketId,
    files,
  );
}

/** Records a `detach`: the ticket no longer lists the file (its content stays on this device). */
export function detachFile(ticketId: string, sha256: string): Promise<ActionResult> {
  return getTicketActions().perform('detach', ticketId, { sha256 });
}

/** The file's content: from this device, else downloaded from the ERP (verified, then cached). */
export function openAttachment(sha256: string, hint?: OpenHint): Promise<OpenOutcome> {
  opener ??= createAttachmentOpener({
    db: getAppDb(),
    transport: createBlobTransport(getErpGate().blobs),
    device: estimateDevice,
    now: Date.now,
  });
  return opener(sha256, hint);
}

/** Frees sent and downloaded files (the ERP has them); never one not yet sent. */
export function freeAttachmentCache(): Promise<{ freedBytes: number }> {
  return freeCache(getAppDb());
}
