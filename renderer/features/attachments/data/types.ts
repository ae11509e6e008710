import type { TicketAttachment } from '@shared/domain/ticket';

/** A file ready to attach: its name sanitized, its type sniffed from the content. */
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
    };

export type DetachOutcome = { ok: true } | { ok: false; code: string; message: string };

/** `remote`: the ERP has it, this device does not yet (downloaded when opened). */
export type AttachmentLocality = 'pending' | 'sent' | 'cached' | 'remote';
export type AttachmentItem = TicketAttachment & { local: AttachmentLocality };

export type OpenOutcome =
  | { ok: true; blob: Blob }
  | { ok: false; code: 'offline' | 'not_found' | 'failed'; message: string };

export interface StoredAmount {
  count: number;
  bytes: number;
}

export interface AttachmentStorage {
  pending: StoredAmount;
  sent: StoredAmount;
  cached: StoredAmount;
  /** The attachments' share of this device. */
  limitBytes: number;
  /** What the browser says of the whole origin (`navigator.storage.estimate()`), when it says. */
  deviceUsage: { usage: number; quota: number } | null;
}
