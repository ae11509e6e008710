import { readFileSync } from 'node:fs';
import type { FetchPort } from '../../../../../../electron/main/services/erp-gateway';
import { createRedmineBackend } from '../../../../../../electron/main/services/redmine/redmine-backend';
import { DEFAULT_REDMINE_MAPPING } from '../../../../../../shared/erp/redmine/mapping';

/** A recorded answer of the real Redmine 5.0.4 (tests/fixtures/redmine). */
export function recorded(name: string): { status: number; body: unknown } {
  const url = new URL(`../../../../../fixtures/redmine/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as { status: number; body: unknown };
}

type Issue = Record<string, unknown> & { id: number; updated_on: string };
type Answer = { status: number; body: unknown; contentType?: string };

export const BASE_URL = 'https://redmine.example.ru';
export const API_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';

/**
 * Redmine's REST answers the pull reads, served from recorded fixtures: issues are copies of the
 * recorded issue with their own ids and times; the list filters and sorts as Redmine does
 * (`updated_on>=`, `sort=updated_on,id` or `sort=id`, offset/limit, total_count).
 */
export function createFakeRedmine(startIso = '2026-12-07T12:00:00Z') {
  const template = (recorded('issue-with-journals').body as { issue: Issue }).issue;
  const issues = new Map<number, Issue>();
  let clock = Date.parse(startIso);
  const requests: string[] = [];
  /** Answers a test puts in front of the fake, by path (once each). */
  const overrides: { match: (path: string) => boolean; answer: Answer | Error }[] = [];

  const addIssue = (id: number, updatedOn: string, changes: Partial<Issue> = {}) =>
    issues.set(id, { ...structuredClone(template), id, updated_on: updatedOn, ...changes });

  function list(query: URLSearchParams): Answer {
    const from = query.get('updated_on')?.replace('>=', '');
    const byId = query.get('sort') === 'id';
    const all = [...issues.values()]
      .filter((issue) => !from || issue.updated_on >= from)
      .sort((a, b) =>
        byId || a.updated_on === b.updated_on ? a.id - b.id : a.updated_on < b.updated_on ? -1 : 1,
      );
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 25);
    const page = all.slice(offset, offset + limit).map(({ journals: _journals, ...rest }) => rest);
    return { status: 200, body: { issues: page, total_count: all.length, offset, limit } };
  }

  function route(path: string, query: URLSearchParams): Answer {
    if (path === '/users/current.json') return recorded('current-user');
    if (path === '/projects.json') return recorded('projects');
    const members = /^\/projects\/(\d+)\/memberships\.json$/.exec(path);
    if (members)
      return members[1] === '1'
        ? recorded('memberships')
        : { status: 200, body: { memberships: [], total_count: 0, offset: 0, limit: 100 } };
    if (path === '/issues.json') return list(query);
    const one = /^\/issues\/(\d+)\.json$/.exec(path);
    const issue = one ? issues.get(Number(one[1])) : undefined;
    if (issue) return { status: 200, body: { issue } };
    return recorded('issue-not-found');
  }

  const fetch: FetchPort = async (url) => {
    const { pathname, searchParams } = new URL(url);
    requests.push(`${pathname}?${searchParams.toString()}`);
    const override = overrides.findIndex((o) => o.match(pathname));
    const answer =
      override >= 0 ? overrides.splice(override, 1)[0]!.answer : route(pathname, searchParams);
    if (answer instanceof Error) throw answer;
    const text =
      typeof answer.body === 'string'
        ? answer.body
        : answer.body === null
          ? ''
          : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: {
        'content-type': answer.contentType ?? 'application/json',
        date: new Date(clock).toUTCString(),
      },
    });
  };

  const logged: string[] = [];
  const backend = createRedmineBackend({
    fetch,
    endpoint: async () => ({
      baseUrl: BASE_URL,
      apiKey: API_KEY,
      mapping: DEFAULT_REDMINE_MAPPING,
    }),
    now: () => clock,
    pullTiming: { directoryRefreshMs: 60_000, reconcileMs: 60_000 },
    log: (message) => logged.push(message),
  });

  return {
    backend,
    issues,
    addIssue,
    requests,
    logged,
    /** The next request to a path matching `match` gets `answer` (or fails with it). */
    answerOnce: (match: (path: string) => boolean, answer: Answer | Error) =>
      overrides.push({ match, answer }),
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
    nowIso: () => new Date(clock).toISOString().replace('.000Z', 'Z'),
  };
}
