import type { Ticket } from '@shared/domain/ticket';

/** What the ticket's state label says: `open` splits by whether anyone has it. */
export type TicketStatus = 'new' | 'unassigned' | 'open' | 'paused' | 'resolved';

/**
 * An open ticket nobody has is "new" until someone takes it; after a release it is "unassigned"
 * (work was started, then given back). Only a ticket someone has is "in progress".
 */
export function ticketStatus(
  ticket: Pick<Ticket, 'state' | 'assignee' | 'events' | 'assignments'>,
): TicketStatus {
  if (ticket.state !== 'open' || ticket.assignee !== null) return ticket.state;
  const everTaken =
    ticket.assignments.length > 0 || ticket.events.some((event) => event.type === 'reacted');
  return everTaken ? 'unassigned' : 'new';
}
