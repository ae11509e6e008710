import type { TicketAttachment } from '@shared/domain/ticket';
import type { AppDb } from '../../../db/schema';
import { blobStates } from '../../../db/repos/blobs';

/**
 * A file of the ticket and where its content is: `pending` (on this device only, «ожидает
 * отправки»), `sent` or `cached` (here and on the ERP), `remote` (on the ERP, downloaded when
 * opened).
 */
export type AttachmentItem = TicketAttachment & { local: 'pending' | 'sent' | 'cached' | 'remote' };

/** The ticket's files as the optimistic view has them, removed ones left out; null: no ticket. */
export async function readTicketAttachments(
  db: AppDb,
  ticketId: string,
): Promise<AttachmentItem[] | null> {
  const row = await db.tickets.get(ticketId);
  if (!row?.view) return null;
  const shown = (row.view.attachments ?? []).filter((attachment) => !attachment.removed);
  const states = await blobStates(
    db,
    shown.map((attachment) => attachment.sha256),
  );
  return shown.map((attachment) => ({
    ...attachment,
    local: states.get(attachment.sha256) ?? 'remote',
  }));
}
