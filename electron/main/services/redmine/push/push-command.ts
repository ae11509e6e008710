import type { Organization, Ticket, User } from '@shared/domain';
import type { CommandResult, ErrorBody, WireCommand } from '@shared/erp/protocol';
import { issueLookup } from '@shared/erp/redmine/push/issue-lookup';
import { planCreate } from '@shared/erp/redmine/push/plan-create';
import { missingVisitEntry, planUpdate } from '@shared/erp/redmine/push/plan-update';
import type { PushContext, PushPlan, RedmineWrite } from '@shared/erp/redmine/push/push-context';
import { readWriteAnswer } from '@shared/erp/redmine/push/write-answer';
import { parseInstant } from '@shared/sla/instants';
import type { RedmineHttp } from '../redmine-http';
import { stopFor, ticketOf, type PushReads, type Read } from './push-reads';

/** Stale lock_versions in a row before the command is a conflict: someone keeps changing the issue. */
export const MAX_STALE_RETRIES = 3;

/** How long a command may wait for its ticket's create (another device's) before it is refused. */
export const DEFER_UNKNOWN_TICKET_MS = 10 * 60_000;

export interface CommandEnv {
  http: RedmineHttp;
  reads: PushReads;
  author: { id: number; name: string };
  /** Creates of this push that did not land, by ticket id: their later commands are refused. */
  failedCreates: ReadonlySet<string>;
}

type Outcome = Omit<CommandResult, 'commandId' | 'seq'> & { ticket?: Ticket };

/**
 * One command → Redmine, decided like the reference server: found by its trailer → duplicate;
 * otherwise planned against the issue as just read and written with its lock_version. A stale
 * lock_version means someone saved in between: read again and plan again (bounded).
 */
export async function pushCommand(command: WireCommand, env: CommandEnv): Promise<Read<Outcome>> {
  for (let attempt = 0; ; attempt++) {
    const decided = await decide(command, env);
    if ('stop' in decided) return decided;
    const { plan, current } = decided.value;
    if ('status' in plan) return { ok: true, value: plan };
    if (plan.kind === 'duplicate') return duplicate(command, current, env);
    if (plan.kind !== 'write') return { ok: true, value: outcomeOf(plan) };
    const written = await writeAll(plan.writes, env);
    if ('stop' in written) return written;
    if (written.value.kind === 'stale') {
      if (attempt < MAX_STALE_RETRIES) continue;
      return conflictAfterStale(command, env);
    }
    if (written.value.kind === 'refused') {
      const error: ErrorBody = { code: written.value.code, message: written.value.message };
      const after = await ticketAfter(command, env, written.value.issueId);
      if ('stop' in after) return after;
      return { ok: true, value: { status: 'rejected', error, ...withTicket(after.value) } };
    }
    const after = await ticketAfter(command, env, written.value.issueId);
    if ('stop' in after) return after;
    return { ok: true, value: { status: 'applied', ...withTicket(after.value) } };
  }
}

type Decision = { plan: PushPlan | Outcome; current: { issueId: number } | null };

async function decide(command: WireCommand, env: CommandEnv): Promise<Read<Decision>> {
  const { reads } = env;
  const found = await reads.findIssue(command.ticketId);
  if ('stop' in found) return found;
  const issue = found.value;
  if (command.type === 'create') {
    const projectId = Number((command.payload as { organizationId?: unknown }).organizationId);
    let organization: Organization | undefined;
    let users: ReadonlyMap<string, User> = new Map();
    if (Number.isSafeInteger(projectId) && projectId > 0) {
      const org = await reads.organization(projectId);
      if ('stop' in org) return org;
      const team = await reads.team(projectId);
      if ('stop' in team) return team;
      organization = org.value;
      users = team.value;
    }
    const plan = planCreate(command, issue, contextFor(env, organization, users));
    return { ok: true, value: { plan, current: issue ? { issueId: issue.id } : null } };
  }
  if (!issue) return { ok: true, value: { plan: unknownTicket(command, env), current: null } };
  const read = await ticketOf(reads, issue);
  if ('stop' in read) return read;
  if ('reason' in read.value) {
    const plan: Outcome = {
      status: 'rejected',
      error: { code: 'internal_error', message: `Redmine ${read.value.reason}` },
    };
    return { ok: true, value: { plan, current: null } };
  }
  const { ticket, organization, users } = read.value;
  const plan = planUpdate(command, issue, ticket, contextFor(env, organization, users));
  return { ok: true, value: { plan, current: { issueId: issue.id } } };
}

function contextFor(
  env: CommandEnv,
  organization: Organization | undefined,
  users: ReadonlyMap<string, User>,
): PushContext {
  return {
    mapping: env.reads.mapping,
    author: env.author,
    serverNow: env.reads.serverNow(),
    organization,
    users,
  };
}

/** No issue for the ticket: its create may still come from another device, for a while. */
function unknownTicket(command: WireCommand, env: CommandEnv): Outcome {
  // A ticket that began in Redmine existed there: its issue is gone (deleted, or moved out of sight).
  if (issueLookup(command.ticketId, env.reads.mapping).kind === 'id')
    return {
      status: 'rejected',
      error: {
        code: 'ticket_deleted',
        message: `${command.type}: the issue no longer exists in Redmine`,
      },
    };
  const waited =
    (parseInstant(env.reads.serverNow()) ?? 0) - (parseInstant(command.clientCreatedAt) ?? 0);
  if (!env.failedCreates.has(command.ticketId) && waited < DEFER_UNKNOWN_TICKET_MS)
    return {
      status: 'deferred',
      error: {
        code: 'ticket_not_yet_known',
        message: `${command.type}: ticket ${command.ticketId} is not in Redmine yet (its create has not arrived); resend later`,
      },
    };
  return {
    status: 'rejected',
    error: {
      code: 'unknown_ticket',
      message: `${command.type}: Redmine has no issue for ticket ${command.ticketId}`,
    },
  };
}

function outcomeOf(plan: Exclude<PushPlan, { kind: 'write' | 'duplicate' }>): Outcome {
  if (plan.kind === 'noop') return { status: 'noop', ticket: plan.ticket };
  return { status: plan.kind, error: plan.error, ...withTicket(plan.ticket) };
}

const withTicket = (ticket: Ticket | null) => (ticket ? { ticket } : {});

/**
 * Already in Redmine: a retry after a lost answer. A visit whose journal landed but whose time
 * entry did not (the push stopped between the two) gets its entry now, once.
 */
async function duplicate(
  command: WireCommand,
  current: { issueId: number } | null,
  env: CommandEnv,
): Promise<Read<Outcome>> {
  if (current && command.type === 'log_work') {
    const issue = await env.reads.issueById(current.issueId);
    if ('stop' in issue) return issue;
    const entries = await env.reads.timeEntries(current.issueId);
    if ('stop' in entries) return entries;
    const read = issue.value ? await ticketOf(env.reads, issue.value) : null;
    if (read && 'stop' in read) return read;
    if (issue.value && read && !('reason' in read.value)) {
      const ctx = contextFor(env, read.value.organization, read.value.users);
      const entry = missingVisitEntry(command, issue.value, entries.value, ctx);
      if (entry) {
        const written = await writeAll([entry], env);
        if ('stop' in written) return written;
      }
    }
  }
  const after = current ? await ticketAfter(command, env, current.issueId) : null;
  if (after && 'stop' in after) return after;
  return {
    ok: true,
    value: { status: 'duplicate', originalStatus: 'applied', ...withTicket(after?.value ?? null) },
  };
}

type Written =
  | { kind: 'done'; issueId: number | null }
  | { kind: 'stale' }
  | { kind: 'refused'; code: string; message: string; issueId: number | null };

/** The plan's writes in order; the first carries the trailer, so a retry after it is a duplicate. */
async function writeAll(writes: readonly RedmineWrite[], env: CommandEnv): Promise<Read<Written>> {
  let issueId = issueIdOfPath(writes[0]?.path);
  for (const [index, write] of writes.entries()) {
    const answered = await env.http.write(write);
    if (!answered.ok) return { stop: answered };
    const answer = answered.value;
    const read = readWriteAnswer(answer.status, answer.body);
    if (read.kind === 'ok') {
      issueId ??= createdIssueId(answer.body);
      continue;
    }
    if (read.kind === 'stale' && index === 0) return { ok: true, value: { kind: 'stale' } };
    if (read.kind === 'retry' || (read.kind === 'unauthorized' && answer.status === 401))
      return stopFor(answer, read.message);
    const message =
      index === 0
        ? read.kind === 'stale'
          ? 'Redmine refused the change without saying why'
          : read.message
        : `the change is saved in Redmine, but its time entry is not: ${read.kind === 'stale' ? 'refused' : read.message}`;
    const code =
      read.kind === 'gone'
        ? 'ticket_deleted'
        : read.kind === 'refused'
          ? 'invalid_payload'
          : 'internal_error';
    return { ok: true, value: { kind: 'refused', code, message, issueId } };
  }
  return { ok: true, value: { kind: 'done', issueId } };
}

function issueIdOfPath(path: string | undefined): number | null {
  const match = /^\/issues\/(\d+)\.json$/.exec(path ?? '');
  return match ? Number(match[1]) : null;
}

function createdIssueId(body: unknown): number | null {
  const id = (body as { issue?: { id?: unknown } } | null)?.issue?.id;
  return typeof id === 'number' ? id : null;
}

/** The ticket as the pull would now make it from Redmine: what the device converges to. */
async function ticketAfter(
  command: WireCommand,
  env: CommandEnv,
  issueId: number | null,
): Promise<Read<Ticket | null>> {
  const found =
    issueId === null
      ? await env.reads.findIssue(command.ticketId)
      : await env.reads.issueById(issueId);
  if ('stop' in found) return found;
  if (!found.value) return { ok: true, value: null };
  const read = await ticketOf(env.reads, found.value);
  if ('stop' in read) return read;
  return { ok: true, value: 'reason' in read.value ? null : read.value.ticket };
}

async function conflictAfterStale(command: WireCommand, env: CommandEnv): Promise<Read<Outcome>> {
  const after = await ticketAfter(command, env, null);
  if ('stop' in after) return after;
  return {
    ok: true,
    value: {
      status: 'conflict',
      error: {
        code: 'invalid_transition',
        message: `${command.type}: the issue kept changing in Redmine while this was being saved`,
      },
      ...withTicket(after.value),
    },
  };
}
