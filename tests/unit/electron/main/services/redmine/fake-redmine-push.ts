import type { FetchPort } from '../../../../../../electron/main/services/erp-gateway';
import type { RedmineIssue } from '@shared/erp/redmine/redmine-json';
import type { RedmineWrite } from '@shared/erp/redmine/push/push-context';
import { lockVersionOf } from '@shared/erp/redmine/push/plan-update';
import { applyPut, issueFromCreate } from '../../../../shared/erp/redmine/fake-issue';
import { COLLEAGUE, ENGINEER, MAPPING, recorded } from '../../../../shared/erp/redmine/recorded';

/** Faults a test arms for the next write (or every request), as Redmine or the network shows them. */
export interface FakeRedmineFaults {
  /** The next write is committed, then the connection drops before the answer. */
  dropAnswerAfterCommit?: boolean;
  /** The next this many PUTs find a colleague saved first (a journal in between): 422 with no errors. */
  colleagueSavesFirst?: number;
  /** The next write is refused with Redmine's (localised) validation message. */
  refuseNextWrite?: string;
  /** Every request answers this status (401 wrong key, 503 down) with no body. */
  answerAll?: number;
  /** The next write answers this status with no body (403: the role may not do it; 503). */
  answerNextWrite?: number;
  /** Writes that pass before `answerNextWrite` applies. */
  writesBeforeThat?: number;
}

/**
 * A Redmine 5.0.4 in memory, as far as the push reads and writes it: issues change the way the
 * recorded answers show (fake-issue.ts), users, project 1 and its memberships are the recorded
 * ones, the Date header is the fake clock to the second. Every request is logged.
 */
export function createFakeRedmine(clock: { now: string }) {
  const issues = new Map<number, RedmineIssue>();
  const timeEntries: {
    id: number;
    issue: { id: number };
    user: typeof ENGINEER;
    hours: number;
    comments: string;
    spent_on: string;
  }[] = [];
  const faults: FakeRedmineFaults = {};
  const requests: string[] = [];
  let nextId = 1;

  const answer = (status: number, body: unknown) =>
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', date: new Date(clock.now).toUTCString() },
    });

  function read(path: string, query: URLSearchParams): Response {
    if (path === '/users/current.json') return answer(200, recorded('current-user').body);
    if (path === '/projects/1.json')
      return answer(200, recorded('project-with-issue-custom-fields').body);
    if (path === '/projects/1/memberships.json') return answer(200, recorded('memberships').body);
    if (path === '/time_entries.json') {
      const id = Number(query.get('issue_id'));
      return answer(200, { time_entries: timeEntries.filter((e) => e.issue.id === id) });
    }
    if (path === '/issues.json') {
      const wanted = query.get(`cf_${MAPPING.issueFields.clientTicketId}`);
      const found = [...issues.values()].filter((issue) =>
        issue.custom_fields.some(
          (f) => f.id === MAPPING.issueFields.clientTicketId && f.value === wanted,
        ),
      );
      return answer(200, { issues: found.map(({ journals: _j, ...rest }) => rest) });
    }
    const one = /^\/issues\/(\d+)\.json$/.exec(path);
    const issue = one ? issues.get(Number(one[1])) : undefined;
    return issue ? answer(200, { issue }) : answer(404, null);
  }

  function write(write: RedmineWrite): Response {
    if (faults.refuseNextWrite !== undefined) {
      const message = faults.refuseNextWrite;
      delete faults.refuseNextWrite;
      return answer(422, { errors: [message] });
    }
    if (write.path === '/issues.json') {
      const issue = issueFromCreate(write, nextId++, ENGINEER, clock.now);
      issues.set(issue.id, issue);
      return answer(201, { issue });
    }
    if (write.path === '/time_entries.json') {
      const body = write.body['time_entry'] as {
        issue_id: number;
        hours: number;
        comments: string;
        spent_on: string;
      };
      const entry = {
        id: timeEntries.length + 1,
        issue: { id: body.issue_id },
        user: ENGINEER,
        hours: body.hours,
        comments: body.comments,
        spent_on: body.spent_on,
      };
      timeEntries.push(entry);
      return answer(201, { time_entry: entry });
    }
    const id = Number(/^\/issues\/(\d+)\.json$/.exec(write.path)?.[1]);
    let issue = issues.get(id);
    if (!issue) return answer(404, null);
    if (faults.colleagueSavesFirst) {
      faults.colleagueSavesFirst -= 1;
      issue = applyPut(
        issue,
        { method: 'PUT', path: write.path, body: { issue: { notes: 'Коллега: посмотрел логи.' } } },
        COLLEAGUE,
        clock.now,
      );
      issues.set(id, issue);
    }
    const lock = (write.body['issue'] as { lock_version?: number }).lock_version;
    if (lock !== undefined && lock !== lockVersionOf(issue)) return answer(422, { errors: [] });
    issues.set(id, applyPut(issue, write, ENGINEER, clock.now));
    return answer(204, null);
  }

  const fetch: FetchPort = async (url, init) => {
    const parsed = new URL(url);
    requests.push(`${init.method} ${parsed.pathname}`);
    if (faults.answerAll !== undefined) return answer(faults.answerAll, null);
    if (init.method === 'GET') return read(parsed.pathname, parsed.searchParams);
    if (faults.writesBeforeThat) faults.writesBeforeThat -= 1;
    else if (faults.answerNextWrite !== undefined) {
      const status = faults.answerNextWrite;
      delete faults.answerNextWrite;
      return answer(status, null);
    }
    const body = JSON.parse(init.body as string) as Record<string, unknown>;
    const response = write({ method: init.method, path: parsed.pathname, body });
    if (faults.dropAnswerAfterCommit) {
      delete faults.dropAnswerAfterCommit;
      throw new TypeError('fetch failed: socket hang up');
    }
    return response;
  };

  return { fetch, issues, timeEntries, faults, requests };
}
