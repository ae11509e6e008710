import type { Priority, SlaEvent, SlaTicket } from '../sla/types';
import type { UserRef } from './user';

/**
 * Who wrote a record: the user's id and their name as it was then. `authorId` is null for records
 * written before the ERP knew its users by id; their `author` name still says who it was.
 */
export interface Authorship {
  author: string;
  authorId: string | null;
  /**
   * When the ERP received and applied the record (server time): its "sync time" in an evidence
   * pack. Absent on the client's optimistic copy of an unsent action and on records stored before
   * the ERP kept it.
   */
  receivedAt?: string;
}

/** An SLA event as the ERP stores it: who did it, from which command, and whether its time was adjusted. */
export interface TicketEventRecord extends SlaEvent, Authorship {
  commandId: string;
  /** The server clamped the engineer's time (in its future, or before the previous event). */
  adjusted?: boolean;
}

export interface TicketComment extends Authorship {
  commandId: string;
  at: string;
  text: string;
}

/** An on-site visit or other logged work. */
export interface WorkLog extends Authorship {
  commandId: string;
  at: string;
  startedAt: string;
  endedAt: string;
  note: string;
}

/**
 * A change of who has the ticket: taken into work, handed over, released. Not an SLA event
 * (contract 1 fixes those); the first take also records `reacted` among the events.
 */
export interface AssignmentRecord extends Authorship {
  commandId: string;
  at: string;
  from: UserRef | null;
  to: UserRef | null;
  /** The ticket version this change produced: a hand-over based on an older version conflicts. */
  version: number;
  /** The server clamped the engineer's time, as on SLA events. */
  adjusted?: boolean;
}

/**
 * A file of the ticket, from an `attach` command; the content is the blob `sha256` (contract 2,
 * "Blobs"). A `detach` marks it removed: the list no longer shows it, the timeline keeps both.
 */
export interface TicketAttachment extends Authorship {
  commandId: string;
  /** When the engineer attached it (their action time, as on every record). */
  at: string;
  sha256: string;
  /** Sanitized file name (shared/files/file-name.ts). */
  name: string;
  /** Media type sniffed from the content, not taken from the extension. */
  type: string;
  size: number;
  adjusted?: boolean;
  removed?: Authorship & { commandId: string; at: string };
}

export type TicketState = 'open' | 'paused' | 'resolved';

/** A support request (§4) with everything that happened to it. */
export interface Ticket {
  id: string;
  /** Server-assigned registration number; null until the ERP has registered an offline intake. */
  number: number | null;
  organizationId: string;
  account: string;
  reporterEmail: string;
  title: string;
  steps: string;
  expected: string;
  actual: string;
  diagnostics: string;
  notUserSideConfirmed: true;
  /**
   * Why the request was registered more than `LATE_REGISTRATION_DAYS` after it was created; absent
   * for a request registered in time (and on tickets stored before the field existed).
   */
  lateRegistrationReason?: string;
  /** Current priority; `initialPriority` is what the request was registered with. */
  priority: Priority;
  initialPriority: Priority;
  createdAt: string;
  state: TicketState;
  /** The id of the user who has the ticket in work; null while nobody has taken it. */
  assignee: string | null;
  result: string | null;
  releaseDate: string | null;
  events: TicketEventRecord[];
  comments: TicketComment[];
  workLogs: WorkLog[];
  /** Every change of assignee, oldest first. */
  assignments: AssignmentRecord[];
  /** Files attached, oldest first; absent on tickets stored before attachments existed. */
  attachments?: TicketAttachment[];
  updatedAt: string;
  version: number;
}

export interface Organization {
  id: string;
  name: string;
  /** IANA zone the regulation counts in ("в часовом поясе пользователя"). */
  timeZone: string;
  /** Production calendar id: 'RU', 'none' or a registered one. */
  calendar: string;
  accounts: string[];
  contactEmails: string[];
  version: number;
}

/**
 * The SLA engine's view of a ticket. The event records go in as they are: the engine reads only
 * the SLA fields and ignores the rest (author, commandId), and not copying them matters when the
 * queue derives fifty thousand tickets at once.
 */
export function toSlaTicket(
  ticket: Pick<Ticket, 'initialPriority' | 'createdAt' | 'events'>,
  organization: Pick<Organization, 'timeZone' | 'calendar'>,
): SlaTicket {
  return {
    priority: ticket.initialPriority,
    createdAt: ticket.createdAt,
    timeZone: organization.timeZone,
    calendar: organization.calendar,
    events: ticket.events,
  };
}
