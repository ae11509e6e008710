import type { CommandPayload } from '../erp/commands';
import type { Authorship, Ticket, TicketAttachment } from './ticket';

/*
 * What `attach` and `detach` do to a ticket. Allowed in every state and to every team member:
 * evidence (a log, a photo of the label) often arrives after the ticket was resolved. Whether
 * the blob itself is on the server is the ERP's business (it defers `attach` until it is); the
 * ticket only records which file it has, who attached it and when.
 */

/** The author and action time of the command being applied. */
export type AttachmentActor = Authorship & { commandId: string; at: string; adjusted: boolean };

const received = (by: AttachmentActor) =>
  by.receivedAt === undefined ? {} : { receivedAt: by.receivedAt };

/** The file with this content the ticket lists now (attached and not removed since), if any. */
export function currentAttachment(
  ticket: Pick<Ticket, 'attachments'>,
  sha256: string,
): TicketAttachment | undefined {
  return (ticket.attachments ?? []).find((file) => file.sha256 === sha256 && !file.removed);
}

/**
 * The ticket's files after `attach`, or null when the ticket already lists that content (a
 * second attach of the same file, from this device or another, changes nothing). A file attached
 * again after it was removed is a new entry: the removed one stays in the history.
 */
export function withAttached(
  ticket: Ticket,
  payload: CommandPayload<'attach'>,
  by: AttachmentActor,
): TicketAttachment[] | null {
  if (currentAttachment(ticket, payload.sha256)) return null;
  const attached: TicketAttachment = {
    commandId: by.commandId,
    author: by.author,
    authorId: by.authorId,
    at: by.at,
    sha256: payload.sha256,
    name: payload.name,
    type: payload.type,
    size: payload.size,
    ...(by.adjusted ? { adjusted: true } : {}),
    ...received(by),
  };
  return [...(ticket.attachments ?? []), attached];
}

/** The ticket's files after `detach`, or null when it does not list that content now. */
export function withDetached(
  ticket: Ticket,
  payload: CommandPayload<'detach'>,
  by: AttachmentActor,
): TicketAttachment[] | null {
  const target = currentAttachment(ticket, payload.sha256);
  if (!target) return null;
  const removed = {
    commandId: by.commandId,
    author: by.author,
    authorId: by.authorId,
    at: by.at,
    ...received(by),
  };
  return (ticket.attachments ?? []).map((file) => (file === target ? { ...file, removed } : file));
}
