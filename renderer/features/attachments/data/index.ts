/*
 * The attachment seam the screens call (issue 13, part B owns it). This is part C's stand-in:
 * blobs and the `attach` command are stored locally exactly as specified, but nothing is uploaded
 * and `openAttachment` reads this device only. Part B's implementation replaces this folder.
 */
export type {
  AttachmentItem,
  AttachmentLocality,
  AttachmentStorage,
  AttachOutcome,
  DetachOutcome,
  OpenOutcome,
  PreparedFile,
} from './types';
export { attachFiles, detachFile } from './attach-files';
export { freeAttachmentCache, openAttachment } from './open-and-free';
export { useAttachmentStorage, useTicketAttachments } from './attachment-hooks';
