import { z } from 'zod';
import type { Change } from '@shared/erp/protocol';
import {
  consumePage,
  listQuery,
  type ListedIssue,
  type RedmineCursor,
} from '@shared/erp/redmine/cursor';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import type { RedmineOrganization } from '@shared/erp/redmine/pull/organizations';
import { parseRedmine, redmineIssue, type RedmineIssue } from '@shared/erp/redmine/redmine-json';
import type { User } from '@shared/domain';
import { ok } from '@shared/host/result';
import type { RedmineContext } from '../redmine-context';
import type { DeliveredIssues } from './delivered-issues';
import type { Read } from './read-directory';
import { failedRead, notRedmine } from './redmine-failure';
import { shortHash } from './short-hash';

const listPage = z.object({
  issues: z.array(z.object({ id: z.number().int().positive(), updated_on: z.string() }).loose()),
});
const issueAnswer = z.object({ issue: redmineIssue });

/** Issue fetches in flight at once: Redmine's workers are few, and other clients use them too. */
const PARALLEL_FETCHES = 4;

export interface IssuePage {
  changes: Change[];
  next: RedmineCursor;
  hasMore: boolean;
  /** Issues that are not tickets the app can show, with the reason. */
  skipped: string[];
}

type Fetched = { kind: 'issue'; issue: RedmineIssue } | { kind: 'skip'; reason: string };

/**
 * One page of the issue list from the cursor (mapped tracker only), each listed issue fetched with
 * its journals (the list has none: the fingerprint and the SLA replay need them), and the tickets
 * of those the cursor has not delivered in this form. An issue that cannot be read or converted
 * (unmapped priority, a project that is not an organization, broken fields) is skipped with the
 * reason and remembered like a delivered one: the pull goes on, and the issue is read again when
 * someone changes it. An issue gone between the list and its fetch is left to the reconcile.
 */
export async function readIssuePage(
  context: RedmineContext,
  cursor: RedmineCursor,
  organizations: ReadonlyMap<string, RedmineOrganization>,
  users: ReadonlyMap<string, User>,
  delivered: DeliveredIssues,
): Promise<Read<IssuePage>> {
  const query = { ...listQuery(cursor), tracker_id: String(context.mapping.trackerId) };
  const answered = await context.http.get('/issues.json', query);
  if (!answered.ok) return answered;
  const answer = answered.value;
  if (answer.status !== 200)
    return ok({ ok: false, answer: failedRead(answer, 'GET /issues.json') });
  const parsed = parseRedmine(listPage, answer.body, 'GET /issues.json');
  if (!parsed.ok) return ok({ ok: false, answer: notRedmine(answer, parsed.reason) });
  if (answer.serverDate === null)
    return ok({ ok: false, answer: notRedmine(answer, 'it sent no Date header') });

  const listedIssues = parsed.value.issues;
  const fetched = new Map<number, Fetched>();
  for (let at = 0; at < listedIssues.length; at += PARALLEL_FETCHES) {
    const batch = listedIssues.slice(at, at + PARALLEL_FETCHES);
    const reads = await Promise.all(batch.map((item) => fetchIssue(context, item.id)));
    for (const [index, read] of reads.entries()) {
      if (!read.ok || !read.value.ok) return read as Read<IssuePage>;
      fetched.set(batch[index]!.id, read.value.value);
    }
  }
  const listed: ListedIssue[] = listedIssues.map((item) => {
    const got = fetched.get(item.id)!;
    const fingerprint =
      got.kind === 'issue'
        ? shortHash(`${got.issue.updated_on}|${got.issue.journals?.length ?? 0}`)
        : shortHash(`${item.updated_on}|skipped`);
    return { id: item.id, updatedOn: item.updated_on, fingerprint };
  });

  const outcome = consumePage(cursor, listed, answer.serverDate);
  const changes: Change[] = [];
  const skipped: string[] = [];
  for (const item of outcome.deliver) {
    const got = fetched.get(item.id)!;
    if (got.kind === 'skip') {
      skipped.push(got.reason);
      continue;
    }
    const organization = organizations.get(String(got.issue.project.id));
    const converted = issueToTicket(got.issue, context.mapping, organization, users);
    if (!converted.ok) {
      skipped.push(converted.reason);
      continue;
    }
    const { ticket } = converted;
    delivered.remember(got.issue.id, ticket.id, ticket.version);
    changes.push({
      entity: 'ticket',
      id: ticket.id,
      version: ticket.version,
      deleted: false,
      data: ticket,
    });
  }
  return ok({
    ok: true,
    value: { changes, next: outcome.next, hasMore: outcome.hasMore, skipped },
  });
}

async function fetchIssue(context: RedmineContext, id: number): Promise<Read<Fetched>> {
  const path = `/issues/${id}.json`;
  const answered = await context.http.get(path, { include: 'journals' });
  if (!answered.ok) return answered;
  const answer = answered.value;
  if (answer.status === 404 || answer.status === 403)
    return ok({
      ok: true,
      value: { kind: 'skip', reason: `issue #${id}: gone or hidden (${answer.status})` },
    });
  if (answer.status !== 200) return ok({ ok: false, answer: failedRead(answer, `GET ${path}`) });
  const parsed = parseRedmine(issueAnswer, answer.body, `issue #${id}`);
  return ok({
    ok: true,
    value: parsed.ok
      ? { kind: 'issue', issue: parsed.value.issue }
      : { kind: 'skip', reason: parsed.reason },
  });
}
