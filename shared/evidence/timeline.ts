import type { Ticket } from '../domain/ticket';
import { parseInstant } from '../sla/instants';
import type { SyncState, TimelineEntry } from './types';

interface Stamped {
  commandId: string;
  receivedAt?: string;
}

/** A record's sync state: the ERP's time when it has one, else unsent (in the outbox) or not recorded. */
export function syncStateOf(record: Stamped, pending: ReadonlySet<string>): SyncState {
  if (record.receivedAt !== undefined) return { status: 'synced', receivedAt: record.receivedAt };
  if (pending.has(record.commandId)) return { status: 'unsent', receivedAt: null };
  return { status: 'not_recorded', receivedAt: null };
}

/**
 * Every record of the ticket in time order. Records of one instant keep the order the ticket
 * stores them in (events before comments before visits…), so the same ticket always lists the same way.
 */
export function buildTimeline(ticket: Ticket, pending: ReadonlySet<string>): TimelineEntry[] {
  const base = (
    record: Stamped & { at: string; author: string; authorId: string | null; adjusted?: boolean },
  ) => ({
    at: record.at,
    commandId: record.commandId,
    author: record.author,
    authorId: record.authorId,
    sync: syncStateOf(record, pending),
    adjusted: record.adjusted === true,
  });
  const groups: TimelineEntry[][] = [
    ticket.events.map((event) => ({
      ...base(event),
      kind: 'sla_event',
      type: event.type,
      pauseReason: event.reason ?? null,
      note: event.note ?? null,
      hours: event.hours ?? null,
      toPriority: event.to ?? null,
      releaseDate: event.releaseDate ?? null,
    })),
    ticket.comments.map((comment) => ({ ...base(comment), kind: 'comment', text: comment.text })),
    ticket.workLogs.map((log) => ({
      ...base(log),
      kind: 'work_log',
      startedAt: log.startedAt,
      endedAt: log.endedAt,
      note: log.note,
    })),
    ticket.assignments.map((change) => ({
      ...base(change),
      kind: 'assignment',
      from: change.from,
      to: change.to,
    })),
    (ticket.attachments ?? []).flatMap((file) => {
      const facts = { name: file.name, mediaType: file.type, size: file.size, sha256: file.sha256 };
      const added: TimelineEntry = { ...base(file), kind: 'attachment', ...facts };
      if (!file.removed) return [added];
      return [added, { ...base(file.removed), kind: 'attachment_removed', ...facts }];
    }),
  ];
  const ordered = groups.flatMap((entries, group) =>
    entries.map((entry, index) => ({ entry, ms: parseInstant(entry.at) ?? 0, group, index })),
  );
  ordered.sort((a, b) => a.ms - b.ms || a.group - b.group || a.index - b.index);
  return ordered.map(({ entry }) => entry);
}
