import { commandPayloads, type CommandPayload, type CommandType } from '../erp/commands';
import { formatInstant, parseInstant } from '../sla/instants';
import { evaluateSla } from '../sla/evaluate';
import { SlaInputError, type SlaEvent, type SlaEventType } from '../sla/types';
import {
  earliestReleaseDate,
  isLateRegistration,
  LATE_REGISTRATION_DAYS,
  visitProblems,
} from './command-rules';
import {
  assigneeProblem,
  handOverConflict,
  reassigned,
  takeConflict,
  type AssignmentConflict,
} from './assignment';
import { withAttached, withDetached } from './attachments';
import { toSlaTicket, type Organization, type Ticket, type TicketEventRecord } from './ticket';
import type { CommandRefusalCode } from './refusal-codes';
import type { UserLookup, UserRef } from './user';

export interface CommandContext {
  commandId: string;
  ticketId: string;
  /** The user who acts (the ERP signs commands from the token): their name now and their id. */
  author: string;
  authorId: string;
  /** When the engineer acted, already clamped by `eventTimeFor`. */
  at: string;
  adjusted: boolean;
  /** The version the device saw; null for `create`. */
  baseVersion: number | null;
  organization: Organization | undefined;
  /** The team: whom a ticket may be handed to, and how assignees are named. */
  users: UserLookup;
  /** Server time, stamped as `updatedAt`. */
  now: string;
  /**
   * When the ERP received the command, stamped on the records it writes (their sync time). The
   * ERP sets it; the client's optimistic apply leaves it out: an unsent action has no sync time.
   */
  receivedAt?: string;
  /** The server assigns registration numbers; the client leaves them null. */
  nextNumber?: () => number;
}

/** Why a command was refused; `holder` only on conflicts about who has the ticket. */
export interface CommandError {
  code: string;
  message: string;
  holder?: UserRef | null;
}

export type ApplyOutcome =
  | { status: 'applied'; ticket: Ticket }
  | { status: 'noop' }
  | { status: 'conflict' | 'rejected'; error: CommandError };

const SLA_EVENT_OF: Partial<Record<CommandType, SlaEventType>> = {
  react: 'reacted',
  pause: 'paused',
  resume: 'resumed',
  resolve: 'resolved',
  reopen: 'reopened',
  schedule_fix: 'fix_scheduled',
  extend: 'extended',
  change_priority: 'priority_changed',
};

/**
 * The time an event is recorded at: when the engineer acted, but never in the server's future and
 * never before the ticket's previous event or hand-over (the SLA log and the history must stay in
 * order). Clamped times are marked, not dropped (contract 2).
 */
export function eventTimeFor(
  ticket: Pick<Ticket, 'createdAt' | 'events' | 'assignments'> | null,
  clientAt: string,
  serverNow: string,
): { at: string; adjusted: boolean } {
  const client = parseInstant(clientAt)!;
  let at = Math.min(client, parseInstant(serverNow)!);
  if (ticket) {
    const lastEvent = ticket.events[ticket.events.length - 1];
    const lastHandOver = ticket.assignments[ticket.assignments.length - 1];
    at = Math.max(
      at,
      parseInstant(lastEvent ? lastEvent.at : ticket.createdAt)!,
      lastHandOver ? parseInstant(lastHandOver.at)! : -Infinity,
    );
  }
  return { at: formatInstant(at), adjusted: at !== client };
}

const adjustedMark = (ctx: CommandContext) => (ctx.adjusted ? { adjusted: true } : {});
const receivedMark = (ctx: CommandContext) =>
  ctx.receivedAt === undefined ? {} : { receivedAt: ctx.receivedAt };

const reject = (code: CommandRefusalCode, message: string): ApplyOutcome => ({
  status: 'rejected',
  error: { code, message },
});
const conflict = (code: CommandRefusalCode, message: string): ApplyOutcome => ({
  status: 'conflict',
  error: { code, message },
});
const assignmentConflict = (error: AssignmentConflict): ApplyOutcome => ({
  status: 'conflict',
  error,
});

/**
 * Applies one command to a ticket: the single definition of what each user action does, used by
 * the ERP (authoritative) and by the client (optimistic view).
 */
export function applyCommand(
  ticket: Ticket | null,
  type: CommandType,
  payload: unknown,
  ctx: CommandContext,
): ApplyOutcome {
  const schema = commandPayloads[type];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject(
      'invalid_payload',
      `${type}: payload.${issue?.path.join('.') || ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  // Window commands have rules of their own (shared/maintenance/apply-window-command.ts).
  if (type === 'plan_window' || type === 'cancel_window')
    return reject('invalid_payload', `${type}: a maintenance window command is not about a ticket`);
  if (type === 'create') return create(ticket, parsed.data as never, ctx);
  if (!ticket) return reject('unknown_ticket', `${type}: the ticket does not exist`);

  const stale = ctx.baseVersion !== null && ctx.baseVersion < ticket.version;
  const refuse = (code: CommandRefusalCode, message: string) =>
    stale ? conflict(code, message) : reject(code, message);
  const data = parsed.data as Record<string, unknown>;
  const next: Ticket = { ...ticket, version: ticket.version + 1, updatedAt: ctx.now };
  const by = {
    commandId: ctx.commandId,
    author: ctx.author,
    authorId: ctx.authorId,
    at: ctx.at,
    ...receivedMark(ctx),
  };

  switch (type) {
    case 'comment':
      next.comments = [...ticket.comments, { ...by, text: data.text as string }];
      return { status: 'applied', ticket: next };
    case 'attach':
    case 'detach': {
      const actor = { ...by, adjusted: ctx.adjusted };
      const files =
        type === 'attach'
          ? withAttached(ticket, data as CommandPayload<'attach'>, actor)
          : withDetached(ticket, data as CommandPayload<'detach'>, actor);
      if (!files) return { status: 'noop' };
      next.attachments = files;
      return { status: 'applied', ticket: next };
    }
    case 'assign': {
      const to = data.to as string | null;
      if (to === ticket.assignee) return { status: 'noop' };
      const problem = to === null ? null : assigneeProblem(to, ctx.users);
      if (problem) return reject(problem.code, problem.message);
      const changed = handOverConflict(ticket, ctx.baseVersion, ctx.authorId, ctx.users);
      if (changed) return assignmentConflict(changed);
      const target = to === null ? null : { id: to, name: ctx.users(to)!.name };
      reassigned(ticket, next, target, { ...by, ...adjustedMark(ctx) }, ctx.users);
      return { status: 'applied', ticket: next };
    }
    case 'log_work': {
      const problem = logWorkProblem(ticket, data as CommandPayload<'log_work'>, ctx.at);
      if (problem) return problem;
      next.workLogs = [
        ...ticket.workLogs,
        {
          ...by,
          startedAt: data.startedAt as string,
          endedAt: data.endedAt as string,
          note: data.note as string,
        },
      ];
      return { status: 'applied', ticket: next };
    }
    case 'react': {
      const taken = takeConflict(ticket, ctx.authorId, ctx.users);
      if (taken) return assignmentConflict(taken);
      if (ticket.assignee === ctx.authorId) return { status: 'noop' };
      const me = { id: ctx.authorId, name: ctx.author };
      reassigned(ticket, next, me, { ...by, ...adjustedMark(ctx) }, ctx.users);
      // Taking a released ticket again is a change of hands, not a second first response.
      if (ticket.events.some((event) => event.type === 'reacted'))
        return { status: 'applied', ticket: next };
      break;
    }
    case 'change_priority':
      if (data.to === ticket.priority) return { status: 'noop' };
      next.priority = data.to as Ticket['priority'];
      break;
    case 'pause':
      next.state = 'paused';
      break;
    case 'resume':
      next.state = 'open';
      break;
    case 'resolve':
      next.state = 'resolved';
      next.result = data.result as string;
      break;
    case 'reopen':
      next.state = 'open';
      break;
    case 'schedule_fix': {
      const problem = releaseDateProblem(ticket, data.releaseDate as string, ctx);
      if (problem) return problem;
      next.releaseDate = data.releaseDate as string;
      break;
    }
  }

  const event: TicketEventRecord = {
    ...(eventFields(SLA_EVENT_OF[type]!, data) as SlaEvent),
    at: ctx.at,
    commandId: ctx.commandId,
    author: ctx.author,
    authorId: ctx.authorId,
    ...adjustedMark(ctx),
    ...receivedMark(ctx),
  };
  next.events = [...ticket.events, event];
  if (!ctx.organization)
    return reject('unknown_organization', `${type}: the ticket's organization is unknown`);
  try {
    evaluateSla(toSlaTicket(next, ctx.organization), ctx.at);
  } catch (error) {
    if (error instanceof SlaInputError)
      return refuse('invalid_transition', `${type}: ${error.message}`);
    throw error;
  }
  return { status: 'applied', ticket: next };
}

function eventFields(type: SlaEventType, data: Record<string, unknown>): Omit<SlaEvent, 'at'> {
  switch (type) {
    case 'paused':
      return {
        type,
        reason: data.reason as SlaEvent['reason'],
        ...(data.note ? { note: data.note as string } : {}),
      };
    case 'extended':
      return { type, hours: data.hours as number, note: data.note as string };
    case 'priority_changed':
      return { type, to: data.to as SlaEvent['to'] };
    case 'fix_scheduled':
      return { type, releaseDate: data.releaseDate as string };
    default:
      return { type };
  }
}

function logWorkProblem(
  ticket: Ticket,
  visit: CommandPayload<'log_work'>,
  at: string,
): ApplyOutcome | null {
  const [problem] = visitProblems(
    { startedMs: parseInstant(visit.startedAt)!, endedMs: parseInstant(visit.endedAt)! },
    { createdAtMs: parseInstant(ticket.createdAt)! },
    parseInstant(at)!,
  );
  if (!problem) return null;
  return problem.field === 'startedAt'
    ? reject(
        problem.code,
        `log_work: payload.startedAt ${visit.startedAt} is before the ticket was created (${problem.limit}): a visit for it starts in that minute or later`,
      )
    : reject(
        problem.code,
        `log_work: payload.endedAt ${visit.endedAt} is after the visit was recorded (${problem.limit}): a visit is logged once it has ended (5 minutes of clock difference allowed)`,
      );
}

function releaseDateProblem(
  ticket: Ticket,
  releaseDate: string,
  ctx: CommandContext,
): ApplyOutcome | null {
  // Without the organization there is no calendar to read the day in; refused further down.
  const zone = ctx.organization?.timeZone;
  if (zone === undefined) return null;
  const earliest = earliestReleaseDate(
    parseInstant(ticket.createdAt)!,
    parseInstant(ctx.at)!,
    zone,
  );
  if (releaseDate >= earliest) return null;
  return reject(
    'release_date_in_past',
    `schedule_fix: payload.releaseDate ${releaseDate} is in the past: the update date must be ${earliest} (the day of this answer in ${zone}) or later`,
  );
}

function create(
  existing: Ticket | null,
  data: CommandPayload<'create'>,
  ctx: CommandContext,
): ApplyOutcome {
  if (existing) return conflict('ticket_exists', 'create: a ticket with this id already exists');
  const org = ctx.organization;
  if (!org || org.id !== data.organizationId) {
    return reject(
      'unknown_organization',
      `create: payload.organizationId "${data.organizationId}" is not a known organization`,
    );
  }
  if (parseInstant(data.createdAt)! > parseInstant(ctx.now)!) {
    return reject('created_in_future', 'create: payload.createdAt is in the future');
  }
  if (
    isLateRegistration(parseInstant(data.createdAt)!, parseInstant(ctx.at)!) &&
    data.lateRegistrationReason === undefined
  ) {
    return reject(
      'late_registration_reason_required',
      `create: payload.lateRegistrationReason is required: the request was created (${data.createdAt}) more than ${LATE_REGISTRATION_DAYS} days before its registration (${ctx.at}); say why it is registered late`,
    );
  }
  const ticket: Ticket = {
    id: ctx.ticketId,
    number: ctx.nextNumber?.() ?? null,
    organizationId: data.organizationId,
    account: data.account,
    reporterEmail: data.reporterEmail,
    title: data.title,
    steps: data.steps,
    expected: data.expected,
    actual: data.actual,
    diagnostics: data.diagnostics,
    notUserSideConfirmed: true,
    ...(data.lateRegistrationReason === undefined
      ? {}
      : { lateRegistrationReason: data.lateRegistrationReason }),
    priority: data.priority,
    initialPriority: data.priority,
    createdAt: formatInstant(parseInstant(data.createdAt)!),
    state: 'open',
    assignee: null,
    result: null,
    releaseDate: null,
    events: [],
    comments: [],
    workLogs: [],
    assignments: [],
    updatedAt: ctx.now,
    version: 1,
  };
  return { status: 'applied', ticket };
}
