import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../../db/app-db';
import { readTicketAttachments, type AttachmentItem } from './ticket-attachments';

/**
 * The ticket's files, live: attaching, an upload finishing, a download or an eviction re-renders.
 * `undefined` while loading; an empty list when the ticket is not on this device.
 */
export function useTicketAttachments(ticketId: string): AttachmentItem[] | undefined {
  return useLiveQuery(
    async () => (await readTicketAttachments(getAppDb(), ticketId)) ?? [],
    [ticketId],
  );
}
