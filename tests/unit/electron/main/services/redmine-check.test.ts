import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import { createErpChecker } from '../../../../../electron/main/services/erp-check';
import type { FetchPort } from '../../../../../electron/main/services/erp-gateway';
import { recorded } from '../../../shared/erp/redmine/recorded';

/*
 * «Проверить подключение» for Redmine through main's checker, over a fake fetch answering with
 * what the real Redmine 5.0.4 answered (tests/fixtures/redmine): who the key belongs to, then the
 * mapped ids; a wrong key, something that is not Redmine and a list the key may not read, each
 * in words.
 */

const BASE = 'https://redmine.example.ru/';
const KEY = 'engineer-key-0123456789abcdef';
const STORED_KEY = 'stored-contract2-token-0123';
const severstal = (recorded('project-with-issue-custom-fields').body as { project: object })
  .project;

type Route = (path: string) => { status: number; body: unknown };
const redmine: Route = (path) => {
  if (path === '/users/current.json') return recorded('current-user');
  if (path === '/trackers.json')
    return { status: 200, body: { trackers: [{ id: 3, name: 'Поддержка' }] } };
  if (path === '/issue_statuses.json') return recorded('issue-statuses');
  if (path === '/enumerations/issue_priorities.json') return recorded('issue-priorities');
  if (path === '/enumerations/time_entry_activities.json')
    return { status: 200, body: { time_entry_activities: [{ id: 9, name: 'Разработка' }] } };
  if (path === '/projects.json')
    return { status: 200, body: { projects: [severstal], total_count: 1, offset: 0, limit: 100 } };
  return { status: 404, body: '' };
};

function setup(route: Route = redmine) {
  const fetch = vi.fn<FetchPort>(async (url) => {
    const { status, body } = route(new URL(url).pathname);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return {
      ok: status < 300,
      status,
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'date' ? 'Tue, 08 Dec 2026 09:30:00 GMT' : null,
      },
      text: async () => text,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    };
  });
  const check = createErpChecker({
    fetch,
    storedOrigin: async () => 'https://redmine.example.ru',
    storedTokenFor: async () => STORED_KEY,
    // The stored credential is a contract-2 token: never a Redmine key.
    storedKind: () => 'prokontakt',
  });
  const run = (token: string | null, mapping = DEFAULT_REDMINE_MAPPING) =>
    check({ baseUrl: BASE, token, kind: 'redmine', redmineMapping: mapping });
  return { fetch, run };
}

describe('the Redmine connection check', () => {
  it('names the key’s owner and Redmine’s clock, and finds every mapped id', async () => {
    const { run, fetch } = setup();
    const result = await run(KEY);
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 200,
        body: {
          user: { id: '5', name: 'Ирина Соколова' },
          serverTime: '2026-12-08T09:30:00.000Z',
          redmineCheck: { findings: [], unreadable: null },
        },
      },
    });
    for (const [, init] of fetch.mock.calls) expect(init.headers['X-Redmine-API-Key']).toBe(KEY);
  });

  it('names the field a project lacks', async () => {
    const { run } = setup();
    const mapping = structuredClone(DEFAULT_REDMINE_MAPPING);
    mapping.issueFields.steps = 33;
    const result = await run(KEY, mapping);
    expect(result.ok && result.value.body).toMatchObject({
      redmineCheck: {
        findings: [
          { kind: 'issue_field', project: 'ООО «Северсталь-Сервис»', role: 'steps', id: 33 },
        ],
      },
    });
  });

  it('refuses a wrong key in contract 2’s words, and checks nothing further', async () => {
    const { run, fetch } = setup((path) =>
      path === '/users/current.json' ? recorded('wrong-key-current-user') : redmine(path),
    );
    const result = await run('wrong-key-0000');
    expect(result).toMatchObject({ ok: true, value: { status: 401 } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never sends the stored contract-2 token as a Redmine key', async () => {
    const { run, fetch } = setup((path) =>
      path === '/users/current.json' ? recorded('wrong-key-current-user') : redmine(path),
    );
    await run(null);
    const [, init] = fetch.mock.calls[0]!;
    expect(init.headers).not.toHaveProperty('X-Redmine-API-Key');
    expect(JSON.stringify(init)).not.toContain(STORED_KEY);
  });

  it('says an address that answers with a web page is not Redmine', async () => {
    const { run } = setup(() => ({ status: 200, body: '<html><body>Вход</body></html>' }));
    const result = await run(KEY);
    expect(result).toMatchObject({
      ok: true,
      value: { status: 502, body: { error: { code: 'not_redmine' } } },
    });
  });

  it('says which list the key may not read instead of reporting ids missing', async () => {
    const { run } = setup((path) =>
      path === '/trackers.json' ? { status: 403, body: '' } : redmine(path),
    );
    const result = await run(KEY);
    expect(result.ok && result.value.body).toMatchObject({
      redmineCheck: {
        findings: [],
        unreadable: 'GET /trackers.json answered 403 (the key may not see this list)',
      },
    });
  });
});
