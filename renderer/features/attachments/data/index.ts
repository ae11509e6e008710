export {
  attachFiles,
  detachFile,
  freeAttachmentCache,
  openAttachment,
} from './attachments-runtime';
export type { AttachOutcome, PreparedFile } from './attach-files';
export type { OpenHint, OpenOutcome } from './open-attachment';
export type { AttachmentItem } from './ticket-attachments';
export type { AttachmentStorage } from './attachment-storage';
export { ATTACHMENT_QUOTA_BYTES } from './device-quota';
export { useAttachmentStorage } from './useAttachmentStorage';
export { useTicketAttachments } from './useTicketAttachments';
