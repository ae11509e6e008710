import { applyCommand, eventTimeFor, type ApplyOutcome } from '../domain/apply-command';
import type { Organization, Ticket } from '../domain/ticket';
import type { UserLookup } from '../domain/user';
import type { OutboxEntry } from './ports';
import { toWireCommand } from './stamp';

export type OrganizationLookup = (id: string) => Organization | undefined;

/** What the device knows besides the ticket: its organization's zone and calendar, the team. */
export interface Directory {
  organization: OrganizationLookup;
  user: UserLookup;
}

/**
 * Applies one pending command to the local view exactly as the ERP will (shared applyCommand),
 * with the time the engineer acted standing in for the server's "now". The result is a
 * prediction: the ERP's answer replaces it once it arrives.
 */
export function applyPending(
  ticket: Ticket | null,
  entry: OutboxEntry,
  directory: Directory,
  currentOffsetMs: number | null,
): ApplyOutcome {
  const wire = toWireCommand(entry, currentOffsetMs);
  const created = wire.payload['organizationId'];
  const orgId =
    entry.type === 'create' ? (typeof created === 'string' ? created : '') : ticket?.organizationId;
  const { at, adjusted } =
    ticket === null
      ? { at: wire.clientCreatedAt, adjusted: false }
      : eventTimeFor(ticket, wire.clientCreatedAt, wire.clientCreatedAt);
  return applyCommand(ticket, entry.type, wire.payload, {
    commandId: entry.commandId,
    ticketId: entry.ticketId,
    author: entry.author,
    authorId: entry.authorId,
    at,
    adjusted,
    baseVersion: entry.baseVersion,
    organization: orgId === undefined ? undefined : directory.organization(orgId),
    users: directory.user,
    now: wire.clientCreatedAt,
  });
}

export interface RebuiltView {
  view: Ticket | null;
  /** Pending commands the view could not apply: the ERP will most likely refuse them too. */
  failing: Array<{ commandId: string; code: string; message: string }>;
}

/** The optimistic view: the last server copy with every still-pending command replayed in order. */
export function rebuildView(
  server: Ticket | null,
  pending: readonly OutboxEntry[],
  directory: Directory,
  currentOffsetMs: number | null,
): RebuiltView {
  let view = server;
  const failing: RebuiltView['failing'] = [];
  for (const entry of pending) {
    const outcome = applyPending(view, entry, directory, currentOffsetMs);
    if (outcome.status === 'applied') view = outcome.ticket;
    else if (outcome.status !== 'noop')
      failing.push({ commandId: entry.commandId, ...outcome.error });
  }
  return { view, failing };
}
