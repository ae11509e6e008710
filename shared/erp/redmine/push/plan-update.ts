import { applyCommand, eventTimeFor, type Ticket } from '../../../domain';
import type { CommandPayload, CommandType } from '../../commands';
import type { WireCommand } from '../../protocol';
import { localDateOf } from '../../../sla/zone';
import { parseInstant } from '../../../sla/instants';
import { customFieldValue, type RedmineIssue, type TimeEntry } from '../redmine-json';
import { encodeNote, readNote, splitPayload } from '../trailer';
import type { PushContext, PushPlan, RedmineWrite } from './push-context';
import { statusKindOf } from '../status-kinds';

/** What a person reading the issue in Redmine sees for commands without text of their own. */
const SUMMARY: Partial<Record<CommandType, string>> = {
  react: 'Взята в работу.',
  resume: 'Работа возобновлена.',
  schedule_fix: 'Назначена дата выпуска исправления.',
  change_priority: 'Приоритет изменён.',
  assign: 'Исполнитель изменён.',
};

/** Redmine's lock_version for an issue: one save on create, one per journal since (recorded: put-lock-version-derived). */
export const lockVersionOf = (issue: RedmineIssue) => (issue.journals?.length ?? 0) + 1;

/** The marker a visit's time entry carries, so a retried log_work finds it. */
export const timeEntryMarker = (commandId: string) => `[prokontakt ${commandId}]`;

/** Whether this command's trailer is already in the issue's journals: it was applied. */
export function alreadyApplied(issue: RedmineIssue, commandId: string): boolean {
  const id = commandId.toLowerCase();
  return (issue.journals ?? []).some((journal) => {
    const note = readNote(journal.notes, journal.user?.id ?? null);
    return note.kind === 'trailer' && note.trailer.id.toLowerCase() === id;
  });
}

/**
 * Any command but `create` → the Redmine update that makes it. `issue` is the issue as just read
 * (with journals), `ticket` the pull's translation of it. Decided like the reference server: a
 * command whose trailer is already there is a duplicate; otherwise `applyCommand` judges it
 * against the current ticket with the device's `baseVersion` (stale and impossible → conflict),
 * and only what it applied is written, with `lock_version` so nobody's change in between is
 * overwritten (Redmine answers 422 with no message: read the issue again and plan again).
 */
export function planUpdate(
  command: WireCommand,
  issue: RedmineIssue,
  ticket: Ticket,
  ctx: PushContext,
): PushPlan {
  if (alreadyApplied(issue, command.commandId)) return { kind: 'duplicate', ticket };
  const type = command.type as CommandType;
  if (type === 'create')
    return {
      kind: 'conflict',
      error: { code: 'ticket_exists', message: 'create: a ticket with this id already exists' },
      ticket,
    };
  // Refused before any lookup (push-commands.ts); an issue found under a window's id changes nothing.
  if (type === 'plan_window' || type === 'cancel_window')
    return {
      kind: 'rejected',
      error: { code: 'not_supported', message: `${type}: Redmine has no maintenance windows` },
      ticket,
    };
  if (type === 'attach' || type === 'detach')
    return {
      kind: 'rejected',
      error: { code: 'unsupported', message: `${type}: files are not synced with Redmine` },
      ticket,
    };
  const { at, adjusted } = eventTimeFor(ticket, command.clientCreatedAt, ctx.serverNow);
  const outcome = applyCommand(ticket, type, command.payload, {
    commandId: command.commandId,
    ticketId: ticket.id,
    author: ctx.author.name,
    authorId: String(ctx.author.id),
    at,
    adjusted,
    baseVersion: command.baseVersion,
    organization: ctx.organization,
    users: (id) => ctx.users.get(id),
    now: ctx.serverNow,
  });
  if (outcome.status === 'noop') return { kind: 'noop', ticket };
  if (outcome.status !== 'applied') return { kind: outcome.status, error: outcome.error, ticket };

  const { body, rest } = splitPayload(type, command.payload);
  const notes = encodeNote(body ?? SUMMARY[type] ?? '', {
    id: command.commandId,
    type,
    at,
    by: String(ctx.author.id),
    ...(adjusted ? { adjusted: true as const } : {}),
    ...(Object.keys(rest).length ? { p: rest } : {}),
  });
  const update: Record<string, unknown> = {
    notes,
    lock_version: lockVersionOf(issue),
    ...changesFor(command, issue, ctx),
  };
  const writes: RedmineWrite[] = [
    { method: 'PUT', path: `/issues/${issue.id}.json`, body: { issue: update } },
  ];
  if (type === 'log_work') writes.push(visitEntry(command, issue, ctx));
  return { kind: 'write', writes, expected: outcome.ticket };
}

function changesFor(
  command: WireCommand,
  issue: RedmineIssue,
  ctx: PushContext,
): Record<string, unknown> {
  const { mapping } = ctx;
  const statuses = mapping.statuses;
  const f = mapping.issueFields;
  const payload = command.payload;
  switch (command.type) {
    case 'react': {
      const kind = statusKindOf(mapping, issue.status.id);
      return {
        assigned_to_id: ctx.author.id,
        ...(kind === 'new' || kind === null ? { status_id: statuses.inProgress } : {}),
      };
    }
    case 'pause':
      return {
        status_id: statuses.paused,
        custom_fields: [{ id: f.pauseReason, value: (payload as CommandPayload<'pause'>).reason }],
      };
    case 'resume':
    case 'reopen':
      return { status_id: statuses.inProgress };
    case 'resolve':
      return { status_id: statuses.resolved };
    case 'schedule_fix':
      return {
        custom_fields: [
          { id: f.fixReleaseDate, value: (payload as CommandPayload<'schedule_fix'>).releaseDate },
        ],
      };
    case 'extend': {
      const before = Number(customFieldValue(issue.custom_fields, f.extensionHours) ?? 0) || 0;
      return {
        custom_fields: [
          {
            id: f.extensionHours,
            value: String(before + (payload as CommandPayload<'extend'>).hours),
          },
        ],
      };
    }
    case 'change_priority':
      return { priority_id: mapping.priorities[(payload as CommandPayload<'change_priority'>).to] };
    case 'assign': {
      const to = (payload as CommandPayload<'assign'>).to;
      // Redmine clears a field given as an empty string.
      return { assigned_to_id: to === null ? '' : Number(to) };
    }
    default:
      return {};
  }
}

/**
 * A visit's time entry when its log_work journal landed but the entry did not (the push stopped
 * between the two writes): a retry that is a duplicate must still create it, once.
 */
export function missingVisitEntry(
  command: WireCommand,
  issue: RedmineIssue,
  entries: readonly TimeEntry[],
  ctx: PushContext,
): RedmineWrite | null {
  if (command.type !== 'log_work') return null;
  const marker = timeEntryMarker(command.commandId);
  if (entries.some((entry) => entry.comments?.includes(marker))) return null;
  return visitEntry(command, issue, ctx);
}

/** An on-site visit as a time entry too, so Redmine's time reports count it. */
function visitEntry(command: WireCommand, issue: RedmineIssue, ctx: PushContext): RedmineWrite {
  const visit = command.payload as CommandPayload<'log_work'>;
  const started = parseInstant(visit.startedAt)!;
  const hours = Math.round(((parseInstant(visit.endedAt)! - started) / 3_600_000) * 100) / 100;
  const zone = ctx.organization?.timeZone ?? 'UTC';
  const marker = timeEntryMarker(command.commandId);
  // Redmine keeps at most 1024 characters of comment; the marker must survive.
  const comments = `${visit.note.slice(0, 1024 - marker.length - 1)} ${marker}`;
  return {
    method: 'POST',
    path: '/time_entries.json',
    body: {
      time_entry: {
        issue_id: issue.id,
        spent_on: localDateOf(started, zone),
        hours: Math.max(hours, 0.01),
        comments,
        ...(ctx.mapping.timeEntryActivityId === null
          ? {}
          : { activity_id: ctx.mapping.timeEntryActivityId }),
      },
    },
  };
}
