import {
  applyCommand,
  eventTimeFor,
  type Organization,
  type Ticket,
  type User,
} from '../../../domain';
import { formatInstant, parseInstant } from '../../../sla/instants';
import type { RedmineMapping } from '../mapping';
import { customFieldValue, type RedmineIssue } from '../redmine-json';
import { priorityOf } from '../status-kinds';
import { readNote } from '../trailer';
import { journalSteps } from './journal-steps';
import { organizationIdOf } from './organizations';

export type IssueOutcome =
  { ok: true; ticket: Ticket; notices: string[] } | { ok: false; reason: string };

/** The app's id of an issue's ticket: the client ticket id it was created with, or one from Redmine's id. */
export function ticketIdOf(issue: RedmineIssue, mapping: RedmineMapping): string {
  return (
    customFieldValue(issue.custom_fields, mapping.issueFields.clientTicketId)?.trim() ??
    `redmine-${issue.id}`
  );
}

/** The ticket version of an issue: grows with every journal (ids only grow), never shrinks. */
export function ticketVersionOf(issue: RedmineIssue): number {
  const journals = issue.journals ?? [];
  return 1 + journals.reduce((max, journal) => Math.max(max, journal.id), 0);
}

/** The priority the issue was registered with: before its first priority change, or its current one. */
function initialPriorityId(issue: RedmineIssue): number {
  for (const journal of issue.journals ?? []) {
    const change = journal.details.find((d) => d.property === 'attr' && d.name === 'priority_id');
    if (change?.old_value) return Number(change.old_value);
  }
  return issue.priority.id;
}

/**
 * A Redmine issue (with `include=journals`) → the contract-2 ticket. The registration comes from
 * the issue and its fields; every journal then becomes the commands it stands for, replayed
 * through `applyCommand` exactly as the reference server applies pushed ones, with times clamped
 * by `eventTimeFor` against the journal's own time, so the SLA clocks are the reference's.
 * An issue that cannot be a ticket (unknown priority, unknown project) is refused with the reason;
 * a journal that cannot be replayed is skipped with a notice.
 */
export function issueToTicket(
  issue: RedmineIssue,
  mapping: RedmineMapping,
  organization: Organization | undefined,
  users: ReadonlyMap<string, User>,
): IssueOutcome {
  const what = `issue #${issue.id}`;
  if (issue.journals === undefined)
    return { ok: false, reason: `${what}: fetched without include=journals` };
  if (!organization || organization.id !== organizationIdOf(issue.project.id))
    return {
      ok: false,
      reason: `${what}: its project «${issue.project.name}» is not a usable organization`,
    };
  const initial = priorityOf(mapping, initialPriorityId(issue));
  if (initial === null)
    return {
      ok: false,
      reason: `${what}: priority ${issue.priority.name} (id ${initialPriorityId(issue)}) is not mapped to P1–P4`,
    };

  const notices: string[] = [];
  const f = mapping.issueFields;
  const value = (id: number | null) => customFieldValue(issue.custom_fields, id) ?? '';
  const created = readNote(issue.description, issue.author?.id ?? null);
  let createdAt = issue.created_on;
  if (
    created.kind === 'trailer' &&
    created.trailer.type === 'create' &&
    typeof created.trailer.p?.['createdAt'] === 'string'
  ) {
    // The request's own creation time (an offline intake), never after Redmine registered it.
    const ms = parseInstant(created.trailer.p['createdAt']);
    if (ms !== null) createdAt = formatInstant(Math.min(ms, parseInstant(issue.created_on)!));
  } else if (created.kind === 'ignored') notices.push(`${what} description: ${created.reason}`);
  const late = value(f.lateRegistrationReason);

  let ticket: Ticket = {
    id: ticketIdOf(issue, mapping),
    number: issue.id,
    organizationId: organization.id,
    account: value(f.account),
    reporterEmail: value(f.reporterEmail),
    title: issue.subject,
    steps: value(f.steps),
    expected: value(f.expected),
    actual: value(f.actual),
    diagnostics: value(f.diagnostics),
    notUserSideConfirmed: true,
    ...(late ? { lateRegistrationReason: late } : {}),
    priority: initial,
    initialPriority: initial,
    createdAt,
    state: 'open',
    assignee: null,
    result: null,
    releaseDate: null,
    events: [],
    comments: [],
    workLogs: [],
    assignments: [],
    updatedAt: issue.created_on,
    version: 1,
  };
  const missing = (
    ['account', 'steps', 'expected', 'actual', 'diagnostics', 'reporterEmail'] as const
  ).filter((key) => !ticket[key]);
  if (missing.length) notices.push(`${what}: §4 fields empty in Redmine: ${missing.join(', ')}`);

  const team = new Map(users);
  const known = (id: number | undefined, name: string | undefined) => {
    if (id !== undefined && name !== undefined && !team.has(String(id)))
      team.set(String(id), { id: String(id), name, active: true, version: 1 });
  };
  known(issue.assigned_to?.id, issue.assigned_to?.name);
  for (const journal of [...issue.journals].sort((a, b) => a.id - b.id)) {
    known(journal.user?.id, journal.user?.name);
    const reading = journalSteps(journal, ticket, mapping);
    notices.push(...reading.notices);
    for (const step of reading.steps) {
      const { at, adjusted } = eventTimeFor(ticket, step.at, step.recordedAt);
      const outcome = applyCommand(ticket, step.type, step.payload, {
        commandId: step.commandId,
        ticketId: ticket.id,
        author: step.author,
        authorId: step.authorId,
        at,
        adjusted: adjusted || step.adjusted === true,
        baseVersion: ticket.version,
        organization,
        users: (id) => team.get(id),
        now: step.recordedAt,
        // The journal's created_on: when Redmine stored the change, its sync time.
        receivedAt: formatInstant(parseInstant(step.recordedAt)!),
      });
      if (outcome.status === 'applied') ticket = outcome.ticket;
      else if (outcome.status !== 'noop')
        notices.push(`journal ${journal.id}: ${step.type} not replayed: ${outcome.error.message}`);
    }
  }
  return {
    ok: true,
    ticket: { ...ticket, version: ticketVersionOf(issue), updatedAt: issue.updated_on },
    notices,
  };
}
