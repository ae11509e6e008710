import { PAUSE_REASONS, type PauseReason } from '../../../sla/types';
import type { CommandType } from '../../commands';
import type { Ticket } from '../../../domain';
import type { RedmineMapping } from '../mapping';
import type { Journal, JournalDetail } from '../redmine-json';
import { priorityOf, statusKindOf } from '../status-kinds';
import { payloadOf, readNote } from '../trailer';

/** One command to replay, as the reference server would have received it. */
export interface ReplayStep {
  commandId: string;
  type: CommandType;
  payload: Record<string, unknown>;
  /** When the person acted: the trailer's time, or the journal's for changes made in Redmine. */
  at: string;
  /** The push already moved `at` (the trailer says so). */
  adjusted?: boolean;
  /** When Redmine recorded it: an action time is never later (the server's "now" then). */
  recordedAt: string;
  authorId: string;
  author: string;
}

export interface JournalReading {
  steps: ReplayStep[];
  /** What could not be read as the app's actions, with the reason (shown, never thrown). */
  notices: string[];
}

// Texts the commands require but a change in Redmine's UI may come without; Russian like Redmine's.
const RESOLVED_IN_REDMINE = 'Решено в Redmine';
const PAUSED_IN_REDMINE = 'Приостановлено в Redmine';
const EXTENDED_IN_REDMINE = 'Продлено в Redmine';

const attr = (details: readonly JournalDetail[], name: string) =>
  details.find((d) => d.property === 'attr' && d.name === name);
const field = (details: readonly JournalDetail[], id: number | null) =>
  id === null ? undefined : details.find((d) => d.property === 'cf' && d.name === String(id));

/**
 * A journal → the commands it stands for. A note with a valid trailer is the app's own command,
 * replayed exactly (its details are that command's effects). Anything else was done in Redmine:
 * its status, priority, assignee, release date, extension and note become the equivalent
 * commands at the journal's time, judged against the ticket as replayed so far.
 */
export function journalSteps(
  journal: Journal,
  ticket: Ticket,
  mapping: RedmineMapping,
): JournalReading {
  const authorId = journal.user ? String(journal.user.id) : '0';
  const author = journal.user?.name ?? 'Redmine';
  const base = { recordedAt: journal.created_on, authorId, author };
  const note = readNote(journal.notes, journal.user?.id ?? null);
  const notices: string[] = [];
  if (note.kind === 'trailer') {
    const { trailer } = note;
    if (trailer.type === 'create')
      return {
        steps: [],
        notices: [`journal ${journal.id}: a create trailer belongs in the description; ignored`],
      };
    return {
      steps: [
        {
          ...base,
          commandId: trailer.id,
          type: trailer.type,
          payload: payloadOf(trailer, note.text),
          at: trailer.at,
          ...(trailer.adjusted ? { adjusted: true } : {}),
        },
      ],
      notices,
    };
  }
  if (note.kind === 'ignored')
    notices.push(`journal ${journal.id}: ${note.reason}; read as a note made in Redmine`);

  const steps: ReplayStep[] = [];
  let n = 0;
  const step = (type: CommandType, payload: Record<string, unknown>) =>
    steps.push({
      ...base,
      commandId: `redmine-journal-${journal.id}-${++n}`,
      type,
      payload,
      at: journal.created_on,
    });
  let text = note.text;
  const takeText = (fallback: string) => {
    const used = text || fallback;
    text = '';
    return used;
  };
  const details = journal.details;
  let state = ticket.state;
  let reacted = ticket.events.some((event) => event.type === 'reacted');

  const status = attr(details, 'status_id');
  const kind = status?.new_value ? statusKindOf(mapping, Number(status.new_value)) : null;
  if (status && kind === null)
    notices.push(
      `journal ${journal.id}: status ${status.new_value} is not in the mapping; the change is not an SLA event`,
    );
  if (kind === 'paused' && state !== 'paused' && state !== 'resolved') {
    const reasonValue = field(details, mapping.issueFields.pauseReason)?.new_value;
    const reason = PAUSE_REASONS.includes(reasonValue as PauseReason)
      ? (reasonValue as PauseReason)
      : 'other';
    step(
      'pause',
      reason === 'other'
        ? { reason, note: takeText(PAUSED_IN_REDMINE) }
        : { reason, ...(text ? { note: takeText('') } : {}) },
    );
    state = 'paused';
  } else if ((kind === 'resolved' || kind === 'closed') && state !== 'resolved') {
    step('resolve', { result: takeText(RESOLVED_IN_REDMINE) });
    state = 'resolved';
  } else if (kind === 'new' || kind === 'inProgress') {
    if (state === 'paused') step('resume', {});
    else if (state === 'resolved') step('reopen', text ? { reason: takeText('') } : {});
    else if (kind === 'inProgress' && !reacted) {
      step('react', {});
      reacted = true;
    }
  }

  const assignee = attr(details, 'assigned_to_id');
  if (assignee) step('assign', { to: assignee.new_value ?? null });

  const priority = attr(details, 'priority_id');
  if (priority?.new_value) {
    const to = priorityOf(mapping, Number(priority.new_value));
    if (to === null)
      notices.push(
        `journal ${journal.id}: priority ${priority.new_value} is not in the mapping; the change is ignored`,
      );
    else step('change_priority', { to });
  }

  const release = field(details, mapping.issueFields.fixReleaseDate);
  if (release?.new_value) step('schedule_fix', { releaseDate: release.new_value });

  const extension = field(details, mapping.issueFields.extensionHours);
  if (extension?.new_value) {
    const hours = Number(extension.new_value) - Number(extension.old_value ?? 0);
    if (Number.isFinite(hours) && hours > 0)
      step('extend', { hours, note: takeText(EXTENDED_IN_REDMINE) });
    else
      notices.push(
        `journal ${journal.id}: the extension went from ${extension.old_value ?? 0} to ${extension.new_value} hours; only an increase is an extension`,
      );
  }

  if (text) step('comment', { text });
  return { steps, notices };
}
