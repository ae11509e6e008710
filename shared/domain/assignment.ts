import type { AssignmentRecord, Ticket } from './ticket';
import type { UserLookup, UserRef } from './user';

/*
 * Who has a ticket, and how that changes: "take into work" (`react`) assigns it to its author,
 * `assign` hands it to a colleague or releases it. Both are refused when they would silently
 * overrule a colleague: the refusal names who has the ticket, so the device can say it in words.
 */

/** An assignment refused because of what a colleague did; `holder` is who has the ticket now. */
export interface AssignmentConflict {
  code: 'assigned_elsewhere' | 'assignment_changed';
  message: string;
  holder: UserRef | null;
}

/**
 * The user a ticket is assigned to, named: by the team as it is now, else by the name the last
 * hand-over to them recorded, else by the id alone (a ticket from before users had ids).
 */
export function holderOf(
  ticket: Pick<Ticket, 'assignee' | 'assignments'>,
  users: UserLookup,
): UserRef | null {
  const id = ticket.assignee;
  if (id === null) return null;
  const user = users(id);
  if (user) return { id, name: user.name };
  for (let i = ticket.assignments.length - 1; i >= 0; i--) {
    const to = ticket.assignments[i]!.to;
    if (to?.id === id) return to;
  }
  return { id, name: id };
}

/** "Take into work" on a ticket someone else has: refused whatever the device saw. */
export function takeConflict(
  ticket: Pick<Ticket, 'assignee' | 'assignments'>,
  authorId: string,
  users: UserLookup,
): AssignmentConflict | null {
  if (ticket.assignee === null || ticket.assignee === authorId) return null;
  const holder = holderOf(ticket, users)!;
  return {
    code: 'assigned_elsewhere',
    message: `react: ${holder.name} has already taken this ticket into work`,
    holder,
  };
}

/**
 * A hand-over or release decided on an older copy, after which a colleague changed the assignee:
 * applying it would overrule them without anyone having seen their change. The author's own
 * changes since (taking the ticket offline, then handing it over) are no reason: the base version
 * is the ERP's copy the device saw, which its own pending commands never advance.
 */
export function handOverConflict(
  ticket: Pick<Ticket, 'assignee' | 'assignments'>,
  baseVersion: number | null,
  authorId: string,
  users: UserLookup,
): AssignmentConflict | null {
  if (baseVersion === null) return null;
  const overruled = ticket.assignments.some(
    (record) => record.version > baseVersion && record.authorId !== authorId,
  );
  if (!overruled) return null;
  const holder = holderOf(ticket, users);
  return {
    code: 'assignment_changed',
    message: `assign: the assignee changed after version ${baseVersion} this was based on; ${
      holder ? `${holder.name} has the ticket now` : 'nobody has the ticket now'
    }`,
    holder,
  };
}

/** Why `assign` cannot hand the ticket to `to`, or null when it can. */
export function assigneeProblem(
  to: string,
  users: UserLookup,
): { code: 'unknown_user' | 'inactive_user'; message: string } | null {
  const user = users(to);
  if (!user) {
    return {
      code: 'unknown_user',
      message: `assign: payload.to "${to}" is not a user of this ERP`,
    };
  }
  if (!user.active) {
    return {
      code: 'inactive_user',
      message: `assign: payload.to "${to}" (${user.name}) is deactivated and cannot take tickets`,
    };
  }
  return null;
}

/** The record of a change of assignee, and the ticket's new assignee with it. */
export function reassigned(
  ticket: Ticket,
  next: Ticket,
  to: UserRef | null,
  record: Pick<
    AssignmentRecord,
    'commandId' | 'author' | 'authorId' | 'at' | 'adjusted' | 'receivedAt'
  >,
  users: UserLookup,
): void {
  next.assignee = to?.id ?? null;
  next.assignments = [
    ...ticket.assignments,
    { ...record, from: holderOf(ticket, users), to, version: next.version },
  ];
}
