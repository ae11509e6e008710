import { z } from 'zod';
import type { Organization, Ticket, User } from '@shared/domain';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { membersToUsers, projectToOrganization } from '@shared/erp/redmine/pull/organizations';
import { issueLookup } from '@shared/erp/redmine/push/issue-lookup';
import {
  membership,
  parseRedmine,
  redmineIssue,
  redmineProject,
  timeEntry,
  type RedmineIssue,
  type TimeEntry,
} from '@shared/erp/redmine/redmine-json';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from '../redmine-context';
import type { RedmineAnswer } from '../redmine-http';
import { errorAnswer } from '../redmine-session';

/** Why a push cannot go on: the whole push answers this (a wrong key, Redmine down or strange). */
export interface PushStop {
  stop: HostResult<ErpResponse>;
}

export type Read<T> = { ok: true; value: T } | PushStop;

const issueAnswer = z.object({ issue: redmineIssue });
const issueList = z.object({
  issues: z.array(z.object({ id: z.number().int().positive() }).loose()),
});
const projectAnswer = z.object({ project: redmineProject });
const membershipList = z.object({ memberships: z.array(membership) });
const timeEntryList = z.object({ time_entries: z.array(timeEntry) });

/** A failure of Redmine itself, in contract 2's words: 401 stops the device, the rest is retried. */
export function stopFor(answer: RedmineAnswer, message: string): PushStop {
  if (answer.status === 401)
    return {
      stop: ok(errorAnswer(answer, 401, 'unauthorized', 'Redmine does not accept the API key')),
    };
  // A 400 or 413 would make the engine set commands aside; Redmine misbehaving is not their fault.
  const status = answer.status === 429 || answer.status >= 500 ? answer.status : 502;
  return { stop: ok(errorAnswer(answer, status, 'redmine_unavailable', message)) };
}

/**
 * The reads one push needs, against one Redmine, with what does not change within a push
 * (projects as organizations, their teams) read once. Every answer's Date header moves
 * `serverNow`: Redmine's clock to the second, the same second its journals are stamped with.
 */
export function createPushReads(context: RedmineContext) {
  const { http, mapping } = context;
  let serverNow: string | null = null;
  const organizations = new Map<number, Organization | undefined>();
  const teams = new Map<number, ReadonlyMap<string, User>>();

  async function getJson<T>(
    path: string,
    query: Record<string, string> | undefined,
    schema: z.ZodType<T>,
  ): Promise<Read<T | null>> {
    const answered = await http.get(path, query);
    if (!answered.ok) return { stop: answered };
    const answer = answered.value;
    if (answer.serverDate !== null) serverNow = answer.serverDate;
    if (answer.status === 404 || answer.status === 403) return { ok: true, value: null };
    if (answer.status !== 200)
      return stopFor(answer, `Redmine answered ${answer.status} to GET ${path}`);
    const parsed = parseRedmine(schema, answer.body, `GET ${path}`);
    if (!parsed.ok) return stopFor({ ...answer, status: 502 }, parsed.reason);
    return { ok: true, value: parsed.value };
  }

  /** The issue with its journals; null when it is gone (404) or not visible to this key (403). */
  async function issueById(id: number): Promise<Read<RedmineIssue | null>> {
    const read = await getJson(`/issues/${id}.json`, { include: 'journals' }, issueAnswer);
    return 'stop' in read ? read : { ok: true, value: read.value?.issue ?? null };
  }

  return {
    mapping,
    serverNow: () => serverNow ?? new Date(context.now()).toISOString(),
    /** An answer read elsewhere (the current user) still tells Redmine's clock. */
    observe(answer: RedmineAnswer) {
      if (answer.serverDate !== null) serverNow = answer.serverDate;
    },
    issueById,

    /** The ticket's issue: by `redmine-N`, or by the client ticket id field (the lowest id wins). */
    async findIssue(ticketId: string): Promise<Read<RedmineIssue | null>> {
      const lookup = issueLookup(ticketId, mapping);
      if (lookup.kind === 'id') return issueById(lookup.issueId);
      const listed = await getJson('/issues.json', lookup.query, issueList);
      if ('stop' in listed) return listed;
      const ids = (listed.value?.issues ?? []).map((issue) => issue.id).sort((a, b) => a - b);
      return ids.length === 0 ? { ok: true, value: null } : issueById(ids[0]!);
    },

    async organization(projectId: number): Promise<Read<Organization | undefined>> {
      if (organizations.has(projectId)) return { ok: true, value: organizations.get(projectId) };
      const read = await getJson(`/projects/${projectId}.json`, undefined, projectAnswer);
      if ('stop' in read) return read;
      const outcome = read.value ? projectToOrganization(read.value.project, mapping, 1) : null;
      const organization = outcome?.ok ? outcome.organization : undefined;
      organizations.set(projectId, organization);
      return { ok: true, value: organization };
    },

    async team(projectId: number): Promise<Read<ReadonlyMap<string, User>>> {
      const known = teams.get(projectId);
      if (known) return { ok: true, value: known };
      const read = await getJson(
        `/projects/${projectId}/memberships.json`,
        { limit: '100' },
        membershipList,
      );
      if ('stop' in read) return read;
      const users = membersToUsers(read.value?.memberships ?? [], 1);
      const team = new Map(users.map((user) => [user.id, user]));
      teams.set(projectId, team);
      return { ok: true, value: team };
    },

    async timeEntries(issueId: number): Promise<Read<TimeEntry[]>> {
      const read = await getJson(
        '/time_entries.json',
        { issue_id: String(issueId), limit: '100' },
        timeEntryList,
      );
      return 'stop' in read ? read : { ok: true, value: read.value?.time_entries ?? [] };
    },
  };
}

export type PushReads = ReturnType<typeof createPushReads>;

/** An issue as the pull would make it a ticket, with what its project says; or why it cannot be one. */
export async function ticketOf(
  reads: PushReads,
  issue: RedmineIssue,
): Promise<
  Read<
    | { ticket: Ticket; organization: Organization; users: ReadonlyMap<string, User> }
    | { reason: string }
  >
> {
  const organization = await reads.organization(issue.project.id);
  if ('stop' in organization) return organization;
  const team = await reads.team(issue.project.id);
  if ('stop' in team) return team;
  const outcome = issueToTicket(issue, reads.mapping, organization.value, team.value);
  if (!outcome.ok || !organization.value)
    return { ok: true, value: { reason: outcome.ok ? 'no organization' : outcome.reason } };
  return {
    ok: true,
    value: { ticket: outcome.ticket, organization: organization.value, users: team.value },
  };
}
