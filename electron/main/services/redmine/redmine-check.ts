import {
  checkRedmineMapping,
  projectsOfPage,
  type MappingFinding,
} from '@shared/erp/redmine/mapping-check';
import type { RedmineMapping } from '@shared/erp/redmine/mapping';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineAnswer, RedmineHttp } from './redmine-http';
import { redmineSession } from './redmine-session';

/** More customer projects than this is not a support desk's Redmine; the check stops there. */
const MAX_PROJECT_PAGES = 20;
const PAGE_SIZE = 100;

/**
 * What the body of a Redmine «Проверить подключение» carries besides contract 2's session: the
 * mapped ids the key cannot see, or why the lists could not be read (`unreadable`).
 */
export interface RedmineCheckReport {
  findings: MappingFinding[];
  unreadable: string | null;
}

/**
 * The session first (who the key belongs to, Redmine's clock): a wrong key, an unreachable
 * address or something that is not Redmine stops there, answered as contract 2's session would.
 * Then the lists the mapping refers to, compared by the pure check.
 */
export async function checkRedmine(
  http: RedmineHttp,
  mapping: RedmineMapping,
): Promise<HostResult<ErpResponse>> {
  const session = await redmineSession(http);
  if (!session.ok || session.value.status !== 200) return session;
  const report = await mappingReport(http, mapping);
  const body = { ...(session.value.body as object), redmineCheck: report };
  return ok({ ...session.value, body });
}

async function mappingReport(
  http: RedmineHttp,
  mapping: RedmineMapping,
): Promise<RedmineCheckReport> {
  const lists = {
    trackers: await listBody(http, '/trackers.json'),
    statuses: await listBody(http, '/issue_statuses.json'),
    priorities: await listBody(http, '/enumerations/issue_priorities.json'),
    activities:
      mapping.timeEntryActivityId === null
        ? { body: null }
        : await listBody(http, '/enumerations/time_entry_activities.json'),
  };
  for (const answer of Object.values(lists))
    if ('problem' in answer) return { findings: [], unreadable: answer.problem };
  const projects = await allProjects(http);
  if ('problem' in projects) return { findings: [], unreadable: projects.problem };
  const bodyOf = (answer: { body: unknown } | { problem: string }) =>
    'body' in answer ? answer.body : null;
  const result = checkRedmineMapping(mapping, {
    trackers: bodyOf(lists.trackers),
    statuses: bodyOf(lists.statuses),
    priorities: bodyOf(lists.priorities),
    activities: bodyOf(lists.activities),
    projects: projects.list,
  });
  return result.ok
    ? { findings: result.findings, unreadable: null }
    : { findings: [], unreadable: result.reason };
}

async function listBody(
  http: RedmineHttp,
  path: string,
  query?: Record<string, string>,
): Promise<{ body: unknown } | { problem: string }> {
  const answered = await http.get(path, query);
  if (!answered.ok) return { problem: `GET ${path}: ${answered.error.message}` };
  return answered.value.status === 200
    ? { body: answered.value.body }
    : { problem: `GET ${path} answered ${statusText(answered.value)}` };
}

async function allProjects(http: RedmineHttp): Promise<{ list: unknown[] } | { problem: string }> {
  const list: unknown[] = [];
  for (let page = 0; page < MAX_PROJECT_PAGES; page += 1) {
    const answer = await listBody(http, '/projects.json', {
      include: 'trackers,issue_custom_fields',
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    });
    if ('problem' in answer) return answer;
    const parsed = projectsOfPage(answer.body);
    if (parsed === null) return { problem: "GET /projects.json: not Redmine's project list" };
    list.push(...parsed.projects);
    if (parsed.projects.length === 0 || list.length >= parsed.total) break;
  }
  return { list };
}

function statusText(answer: RedmineAnswer): string {
  return answer.status === 403 ? '403 (the key may not see this list)' : String(answer.status);
}
