import type { Authorship, Ticket } from '@shared/domain/ticket';
import type { UserRef } from '@shared/domain/user';
import type { PauseReason, Priority, SlaEventType } from '@shared/sla';
import { DEVICE_USER } from '../../db/device-user';
import { isMine } from '../identity/people';
import type { SignedInUser } from '../../db/repos/meta';

/** Who wrote a history line: the name as it was written, and whether it is me. */
interface Written {
  /** The command that recorded the line (the focus goes to it after it is recorded here). */
  commandId: string;
  author: string;
  byMe: boolean;
  /** Still in this computer's outbox: the ERP has not confirmed it yet. */
  pending: boolean;
}

/** One line of the ticket's history: the evidence in an SLA dispute. */
export type TimelineEntry =
  | { kind: 'created'; key: string; at: string }
  | (Written & {
      kind: 'event';
      key: string;
      at: string;
      type: SlaEventType;
      /** The ERP moved the time (it was in the ERP's future, or before the previous event). */
      adjusted: boolean;
      reason: PauseReason | null;
      note: string | null;
      hours: number | null;
      to: Priority | null;
      releaseDate: string | null;
    })
  | (Written & { kind: 'comment'; key: string; at: string; text: string })
  | (Written & {
      kind: 'work';
      key: string;
      at: string;
      startedAt: string;
      endedAt: string;
      durationMs: number;
      note: string;
    })
  | (Written & {
      kind: 'assignment';
      key: string;
      at: string;
      /** took: taken into work by its author; released: nobody has it now; handed: to someone. */
      change: 'took' | 'released' | 'handed';
      from: Person | null;
      to: Person | null;
      adjusted: boolean;
    })
  | (Written & {
      kind: 'attachment';
      key: string;
      at: string;
      change: 'attached' | 'detached';
      name: string;
      size: number;
    });

/** Someone a history line names, as the line recorded them. */
export interface Person {
  name: string;
  isMe: boolean;
}

/** Records from before user ids name this device's user '@me' (the old optimistic author). */
function authorIdOf(record: Authorship): string | null {
  return record.authorId ?? (record.author === DEVICE_USER.name ? DEVICE_USER.id : null);
}

function written(
  record: Authorship & { commandId: string },
  pending: ReadonlySet<string>,
  me: SignedInUser | undefined,
): Written {
  return {
    commandId: record.commandId,
    author: record.author,
    byMe: isMine(authorIdOf(record), me),
    pending: pending.has(record.commandId),
  };
}

const person = (ref: UserRef | null, me: SignedInUser | undefined): Person | null =>
  ref && { name: ref.name, isMe: isMine(ref.id, me) };

/**
 * Every SLA event, comment, work log, change of assignee and attached or removed file of the ticket, oldest first (a work
 * log sits at the moment it was recorded; its visit times are part of the entry). Events keep
 * their own order when times are equal: that order is what the SLA engine replays. A first take
 * into work is one line (its `reacted` event), not two.
 */
export function buildTimeline(
  ticket: Pick<
    Ticket,
    'id' | 'createdAt' | 'events' | 'comments' | 'workLogs' | 'assignments' | 'attachments'
  >,
  pendingCommandIds: ReadonlySet<string>,
  me: SignedInUser | undefined,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { kind: 'created', key: `${ticket.id}:created`, at: ticket.createdAt },
  ];
  ticket.events.forEach((event, index) =>
    entries.push({
      kind: 'event',
      key: `${event.commandId}:${index}`,
      at: event.at,
      type: event.type,
      ...written(event, pendingCommandIds, me),
      adjusted: event.adjusted === true,
      reason: event.reason ?? null,
      note: event.note ?? null,
      hours: event.hours ?? null,
      to: event.to ?? null,
      releaseDate: event.releaseDate ?? null,
    }),
  );
  for (const comment of ticket.comments) {
    entries.push({
      kind: 'comment',
      key: comment.commandId,
      at: comment.at,
      ...written(comment, pendingCommandIds, me),
      text: comment.text,
    });
  }
  for (const log of ticket.workLogs) {
    entries.push({
      kind: 'work',
      key: log.commandId,
      at: log.at,
      ...written(log, pendingCommandIds, me),
      startedAt: log.startedAt,
      endedAt: log.endedAt,
      durationMs: Date.parse(log.endedAt) - Date.parse(log.startedAt),
      note: log.note,
    });
  }
  const reactions = new Set(ticket.events.map((event) => event.commandId));
  for (const change of ticket.assignments) {
    if (reactions.has(change.commandId)) continue;
    const took = change.from === null && change.to !== null && change.to.id === change.authorId;
    entries.push({
      kind: 'assignment',
      key: `${change.commandId}:assignment`,
      at: change.at,
      ...written(change, pendingCommandIds, me),
      change: took ? 'took' : change.to === null ? 'released' : 'handed',
      from: person(change.from, me),
      to: person(change.to, me),
      adjusted: change.adjusted === true,
    });
  }
  for (const file of ticket.attachments ?? []) {
    const what = { name: file.name, size: file.size };
    entries.push({
      kind: 'attachment',
      key: `${file.commandId}:attached`,
      at: file.at,
      ...written(file, pendingCommandIds, me),
      change: 'attached',
      ...what,
    });
    if (file.removed)
      entries.push({
        kind: 'attachment',
        key: `${file.removed.commandId}:detached`,
        at: file.removed.at,
        ...written(file.removed, pendingCommandIds, me),
        change: 'detached',
        ...what,
      });
  }
  // Array.prototype.sort is stable, so equal times keep the order pushed above.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
