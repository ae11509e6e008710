import type { Ticket } from '@shared/domain/ticket';
import type { CommandType } from '@shared/erp/commands';
import type { SlaEventType } from '@shared/sla';
import { classifyRefusal, type RefusalClass } from '@shared/sync/refusal-classes';
import type { DeadLetterRow } from '../../db/schema';
import { availableActions } from '../ticket/available-actions';
import type { RedoForm } from './redo-request';

/*
 * A refused action (dead letter) as the engineer needs it: which ticket, what was refused and
 * why, who changed the ticket meanwhile, the text they typed, and only the ways on that can
 * succeed. Pure: the component translates the keys and names the people.
 */

/** Why, as a key under `deadLetters.reasons` with its values. */
export interface RefusalReason {
  key: string;
  values?: Record<string, string | number>;
}

/** One change a colleague (or this user, elsewhere) made after the version the action was based on. */
export interface ChangeMeanwhile {
  commandId: string;
  author: string;
  authorId: string | null;
  at: string;
  what: Array<SlaEventType | 'comment' | 'log_work' | 'assignment' | 'attach' | 'detach'>;
}

/** Text the user typed into the action, by payload field. */
export interface TypedText {
  field: string;
  text: string;
}

/**
 * Redo on the ticket as it is now: the same form prefilled with what was typed when the ticket
 * still allows that action, else the typed text as a comment; a refused registration reopens
 * the intake, filled in as it was.
 */
export interface Redo {
  form: RedoForm;
  prefill: Record<string, unknown>;
  asComment: boolean;
}

export interface RefusedAction {
  kind: RefusalClass;
  reason: RefusalReason;
  changes: ChangeMeanwhile[];
  typed: TypedText[];
  /** Only for a transient refusal: the same action sent again can be accepted. */
  canRetry: boolean;
  redo: Redo | null;
}

/** The free-text fields of each command's payload, in the order the form shows them. */
export const TYPED_FIELDS: Record<CommandType, readonly string[]> = {
  create: ['title', 'steps', 'expected', 'actual', 'diagnostics', 'lateRegistrationReason'],
  react: [],
  pause: ['note'],
  resume: [],
  resolve: ['result'],
  schedule_fix: [],
  extend: ['note'],
  change_priority: [],
  comment: ['text'],
  log_work: ['note'],
  reopen: ['reason'],
  assign: [],
  attach: [],
  detach: [],
  plan_window: ['unavailable', 'overrideReason'],
  cancel_window: ['reason'],
};

export function typedTexts(type: CommandType, payload: Record<string, unknown>): TypedText[] {
  return TYPED_FIELDS[type].flatMap((field) => {
    const value = payload[field];
    return typeof value === 'string' && value.trim() !== '' ? [{ field, text: value }] : [];
  });
}

/**
 * `invalid_transition` says only that the rules refused the step; the ticket as it is now says
 * which of them: already resolved by someone, no longer paused, no longer P3…
 */
function transitionReason(type: CommandType, ticket: Ticket | null): RefusalReason {
  if (!ticket) return { key: 'transition' };
  const { state, priority } = ticket;
  if (state === 'resolved' && type !== 'reopen') return { key: 'alreadyResolved' };
  switch (type) {
    case 'pause':
      if (state === 'paused') return { key: 'alreadyPaused' };
      break;
    case 'resume':
      if (state === 'open') return { key: 'notPaused' };
      break;
    case 'reopen':
      return { key: 'notResolved' };
    case 'extend':
      if (priority !== 3) return { key: 'notP3', values: { priority } };
      break;
    case 'schedule_fix':
      if (priority !== 4) return { key: 'notP4', values: { priority } };
      break;
    default:
      break;
  }
  return { key: 'transition' };
}

/** The reason key of each known code; assignment conflicts are worded by `describeRefusal`. */
const REASON_KEYS: Record<string, string> = {
  invalid_payload: 'invalidPayload',
  unknown_ticket: 'unknownTicket',
  unknown_organization: 'unknownOrganization',
  created_in_future: 'createdInFuture',
  late_registration_reason_required: 'lateRegistration',
  visit_before_ticket: 'visitBeforeTicket',
  visit_in_future: 'visitInFuture',
  release_date_in_past: 'releaseDateInPast',
  ticket_exists: 'ticketExists',
  assigned_elsewhere: 'assignedElsewhere',
  assignment_changed: 'assignmentChanged',
  unknown_user: 'unknownUser',
  inactive_user: 'inactiveUser',
  ticket_deleted: 'ticketDeleted',
  seq_reused: 'seqReused',
  internal_error: 'internalError',
  invalid_command: 'invalidCommand',
  malformed_json: 'requestRefused',
  invalid_request: 'requestRefused',
  unknown_command_type: 'unknownCommandType',
  too_many_commands: 'requestRefused',
  body_too_large: 'tooLarge',
  blob_too_large: 'blobTooLarge',
  blob_hash_mismatch: 'blobDamaged',
  blob_part_invalid: 'blobDamaged',
  blob_missing: 'blobMissing',
  blob_size_mismatch: 'blobSizeMismatch',
  outside_allowed_hours: 'outsideAllowedHours',
  override_not_needed: 'overrideNotNeeded',
  calendar_not_covered: 'calendarNotCovered',
  window_overlaps: 'windowOverlaps',
  window_exists: 'windowExists',
  unknown_window: 'unknownWindow',
  not_supported: 'windowsNotSupported',
};

export function reasonOf(letter: Pick<DeadLetterRow, 'type' | 'error'>, ticket: Ticket | null) {
  if (letter.error.code === 'invalid_transition') return transitionReason(letter.type, ticket);
  const key = Object.hasOwn(REASON_KEYS, letter.error.code)
    ? REASON_KEYS[letter.error.code]!
    : null;
  return key ? { key } : { key: 'unknown' };
}

/** Every reason key this module can answer with (the messages must have them all). */
export const REASON_MESSAGE_KEYS = [
  ...new Set([
    ...Object.values(REASON_KEYS),
    'transition',
    'alreadyResolved',
    'alreadyPaused',
    'notPaused',
    'notResolved',
    'notP3',
    'notP4',
    'unknown',
  ]),
];

/**
 * The changes made after `baseVersion`. Every applied command adds one version and its records
 * (an event, a comment, a visit or a change of hands; `react` may add two, with one command id),
 * and records are stamped in the order they were applied: the newest `version − baseVersion`
 * command ids are the changes since.
 */
export function changesSince(ticket: Ticket, baseVersion: number | null): ChangeMeanwhile[] {
  if (baseVersion === null || ticket.version <= baseVersion) return [];
  type Kind = ChangeMeanwhile['what'][number];
  const records: Array<{
    commandId: string;
    author: string;
    authorId: string | null;
    at: string;
    what: Kind;
  }> = [
    ...ticket.events.map((e) => ({ ...e, what: e.type })),
    ...ticket.comments.map((c) => ({ ...c, what: 'comment' as const })),
    ...ticket.workLogs.map((w) => ({ ...w, what: 'log_work' as const })),
    ...ticket.assignments.map((a) => ({ ...a, what: 'assignment' as const })),
    // A file attached or removed is a version of its own with no other record.
    ...(ticket.attachments ?? []).flatMap((file) => [
      { ...file, what: 'attach' as const },
      ...(file.removed ? [{ ...file.removed, what: 'detach' as const }] : []),
    ]),
  ];
  const byCommand = new Map<string, ChangeMeanwhile>();
  for (const record of [...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const change = byCommand.get(record.commandId);
    if (change) change.what.push(record.what);
    else
      byCommand.set(record.commandId, {
        commandId: record.commandId,
        author: record.author,
        authorId: record.authorId,
        at: record.at,
        what: [record.what],
      });
  }
  const changes = [...byCommand.values()].slice(-(ticket.version - baseVersion));
  // Taking a ticket into work records a change of hands too: saying it once is enough.
  for (const change of changes)
    if (change.what.includes('reacted'))
      change.what = change.what.filter((what) => what !== 'assignment');
  return changes;
}

const ONE_CLICK: ReadonlySet<CommandType> = new Set(['react', 'resume']);

function redoOf(letter: DeadLetterRow, ticket: Ticket | null, typed: TypedText[]): Redo | null {
  if (letter.type === 'create')
    return { form: 'create', prefill: letter.payload, asComment: false };
  if (!ticket) return null;
  const allowed = availableActions(ticket);
  if (!ONE_CLICK.has(letter.type) && allowed.includes(letter.type))
    return { form: letter.type, prefill: letter.payload, asComment: false };
  if (typed.length === 0 || !allowed.includes('comment')) return null;
  return {
    form: 'comment',
    prefill: { text: typed.map((entry) => entry.text).join('\n\n') },
    asComment: true,
  };
}

/**
 * Redo is for what no longer fits the ticket or was typed wrong. A registration for an
 * organization the ERP no longer knows can still be registered for another one.
 */
function canRedo(letter: DeadLetterRow, kind: RefusalClass): boolean {
  if (kind === 'superseded' || kind === 'invalid') return true;
  return letter.type === 'create' && letter.error.code === 'unknown_organization';
}

/** `ticket`: the ERP's copy as the last sync left it (null when the ticket is gone). */
export function describeRefusedAction(letter: DeadLetterRow, ticket: Ticket | null): RefusedAction {
  const kind = classifyRefusal(letter.error.code, letter.status);
  const typed = typedTexts(letter.type, letter.payload);
  return {
    kind,
    reason: reasonOf(letter, ticket),
    changes: ticket ? changesSince(ticket, letter.baseVersion) : [],
    typed,
    canRetry: kind === 'transient',
    redo: canRedo(letter, kind) ? redoOf(letter, ticket, typed) : null,
  };
}
