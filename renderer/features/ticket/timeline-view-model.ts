import type { Ticket } from '@shared/domain/ticket';
import type { PauseReason, Priority, SlaEventType } from '@shared/sla';

/** One line of the ticket's history: the evidence in an SLA dispute. */
export type TimelineEntry =
  | { kind: 'created'; key: string; at: string }
  | {
      kind: 'event';
      key: string;
      at: string;
      type: SlaEventType;
      author: string;
      byMe: boolean;
      /** Still in this computer's outbox: the ERP has not confirmed it yet. */
      pending: boolean;
      /** The ERP moved the time (it was in the ERP's future, or before the previous event). */
      adjusted: boolean;
      reason: PauseReason | null;
      note: string | null;
      hours: number | null;
      to: Priority | null;
      releaseDate: string | null;
    }
  | {
      kind: 'comment';
      key: string;
      at: string;
      author: string;
      byMe: boolean;
      pending: boolean;
      text: string;
    }
  | {
      kind: 'work';
      key: string;
      at: string;
      author: string;
      byMe: boolean;
      pending: boolean;
      startedAt: string;
      endedAt: string;
      durationMs: number;
      note: string;
    };

/**
 * Every SLA event, comment and work log of the ticket, oldest first (a work log sits at the
 * moment it was recorded; its visit times are part of the entry). Events keep their own order
 * when times are equal: that order is what the SLA engine replays.
 */
export function buildTimeline(
  ticket: Pick<Ticket, 'id' | 'createdAt' | 'events' | 'comments' | 'workLogs'>,
  pendingCommandIds: ReadonlySet<string>,
  me: string,
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
      author: event.author,
      byMe: event.author === me,
      pending: pendingCommandIds.has(event.commandId),
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
      author: comment.author,
      byMe: comment.author === me,
      pending: pendingCommandIds.has(comment.commandId),
      text: comment.text,
    });
  }
  for (const log of ticket.workLogs) {
    entries.push({
      kind: 'work',
      key: log.commandId,
      at: log.at,
      author: log.author,
      byMe: log.author === me,
      pending: pendingCommandIds.has(log.commandId),
      startedAt: log.startedAt,
      endedAt: log.endedAt,
      durationMs: Date.parse(log.endedAt) - Date.parse(log.startedAt),
      note: log.note,
    });
  }
  // Array.prototype.sort is stable, so equal times keep the order pushed above.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
