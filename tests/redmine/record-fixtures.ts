import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodeNote, type Trailer } from '../../shared/erp/redmine/trailer';
import type { RedmineMapping } from '../../shared/erp/redmine/mapping';
import { startRedmine } from './redmine-instance';

/*
 * Records what a real Redmine answers to the calls the Redmine back end makes, into
 * tests/fixtures/redmine/, for the translation's unit tests. Run:
 *   npx tsx tests/redmine/record-fixtures.ts [port]            (starts a throwaway Redmine)
 *   npx tsx tests/redmine/record-fixtures.ts --instance FILE    (the JSON `redmine-instance.ts start` printed)
 * Every answer is saved as { request, status, body }; API keys in answers are replaced.
 */

const OUT = fileURLToPath(new URL('../fixtures/redmine/', import.meta.url));

interface Target {
  url: string;
  users: { id: number; login: string; apiKey: string }[];
  mapping: RedmineMapping;
}

async function target(): Promise<{ target: Target; stop: () => Promise<void> }> {
  const [flag, value] = process.argv.slice(2);
  if (flag === '--instance') {
    const text = await readFile(value!, 'utf8');
    return {
      target: JSON.parse(text.slice(text.indexOf('{'))) as Target,
      stop: async () => undefined,
    };
  }
  const instance = await startRedmine(Number(flag ?? 4792));
  return { target: instance, stop: () => instance.stop() };
}

const { target: redmine, stop } = await target();
const [engineer, colleague] = redmine.users as [Target['users'][0], Target['users'][0]];
const map = redmine.mapping;
await mkdir(OUT, { recursive: true });

async function call(key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${redmine.url}${path}`, {
    method,
    headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  return { status: response.status, body: parsed, date: response.headers.get('date') };
}

async function record(name: string, key: string, method: string, path: string, body?: unknown) {
  const answer = await call(key, method, path, body);
  const redacted = JSON.parse(
    JSON.stringify(answer.body).replace(/"api_key":"[0-9a-f]+"/g, '"api_key":"REDACTED"'),
  ) as unknown;
  await writeFile(
    `${OUT}${name}.json`,
    JSON.stringify(
      {
        request: { method, path, ...(body === undefined ? {} : { body }) },
        status: answer.status,
        body: redacted,
      },
      null,
      2,
    ) + '\n',
  );
  return answer;
}

const cf = (id: number | null, value: unknown) => ({ id, value });
const trailer = (t: Omit<Trailer, 'by'>, by = engineer.id): Trailer => ({ ...t, by: String(by) });
const ticketId = '01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f';
const createdAt = '2026-12-07T07:55:00Z';
const fields = map.issueFields;

const created = await record('issue-created', engineer.apiKey, 'POST', '/issues.json', {
  issue: {
    project_id: 1,
    tracker_id: map.trackerId,
    status_id: map.statuses.new,
    priority_id: map.priorities[3],
    subject: 'Не формируется отчёт по звонкам',
    description: encodeNote(
      'Заявка зарегистрирована в PROконтакт.',
      trailer({
        id: '01930f7e-4a2b-7c3d-8e9f-000000000001',
        type: 'create',
        at: createdAt,
        ticket: ticketId,
        p: { createdAt },
      }),
    ),
    custom_fields: [
      cf(fields.clientTicketId, ticketId),
      cf(fields.account, 'operator7'),
      cf(fields.steps, '1. Открыть «Отчёты»\n2. Выбрать «Звонки за день»'),
      cf(fields.expected, 'Отчёт за день'),
      cf(fields.actual, 'Ошибка 500'),
      cf(fields.diagnostics, 'Перезапуск клиента не помог'),
      cf(fields.notUserSideConfirmed, '1'),
      cf(fields.reporterEmail, 'it@severstal.example.ru'),
    ],
  },
});
const issueId = (created.body as { issue: { id: number } }).issue.id;

await record('error-422-create-without-subject', engineer.apiKey, 'POST', '/issues.json', {
  issue: { project_id: 1, tracker_id: map.trackerId, subject: '' },
});

const put = (name: string, key: string, issue: Record<string, unknown>) =>
  record(name, key, 'PUT', `/issues/${issueId}.json`, { issue });
await put('put-react', engineer.apiKey, {
  status_id: map.statuses.inProgress,
  assigned_to_id: engineer.id,
  notes: encodeNote(
    'Взята в работу.',
    trailer({
      id: '01930f7e-4a2b-7c3d-8e9f-000000000002',
      type: 'react',
      at: '2026-12-07T08:10:00Z',
    }),
  ),
});
await put('put-pause', engineer.apiKey, {
  status_id: map.statuses.paused,
  custom_fields: [cf(fields.pauseReason, 'awaiting_user_info')],
  notes: encodeNote(
    'Запросили у пользователя журнал сервера.',
    trailer({
      id: '01930f7e-4a2b-7c3d-8e9f-000000000003',
      type: 'pause',
      at: '2026-12-07T09:05:00Z',
      p: { reason: 'awaiting_user_info' },
    }),
  ),
});
// The colleague works in Redmine's own UI (no trailer): resumes with a note, then raises the priority.
await put('put-web-resume', colleague.apiKey, {
  status_id: map.statuses.inProgress,
  notes: 'Журнал получен, продолжаем.',
});
await put('put-web-priority', colleague.apiKey, { priority_id: map.priorities[2] });
await put('put-comment', engineer.apiKey, {
  notes: encodeNote(
    'Воспроизвели на стенде.',
    trailer({
      id: '01930f7e-4a2b-7c3d-8e9f-000000000004',
      type: 'comment',
      at: '2026-12-07T10:20:00Z',
    }),
  ),
});
// A note someone copied from the engineer's: the trailer names the engineer, the author is the colleague.
await put('put-forged-trailer', colleague.apiKey, {
  notes: encodeNote(
    'Скопировано.',
    trailer({
      id: '01930f7e-4a2b-7c3d-8e9f-000000000005',
      type: 'resolve',
      at: '2026-12-07T10:30:00Z',
    }),
  ),
});
await record('time-entry-created', engineer.apiKey, 'POST', '/time_entries.json', {
  time_entry: {
    issue_id: issueId,
    spent_on: '2026-12-07',
    hours: 1.5,
    activity_id: map.timeEntryActivityId,
    comments: 'Выезд к заказчику [prokontakt 01930f7e-4a2b-7c3d-8e9f-000000000006]',
  },
});
await put('put-resolve', engineer.apiKey, {
  status_id: map.statuses.resolved,
  notes: encodeNote(
    'Исправлен шаблон отчёта.',
    trailer({
      id: '01930f7e-4a2b-7c3d-8e9f-000000000007',
      type: 'resolve',
      at: '2026-12-07T11:00:00Z',
    }),
  ),
});

const issue = await record(
  'issue-with-journals',
  engineer.apiKey,
  'GET',
  `/issues/${issueId}.json?include=journals`,
);
const journals = (issue.body as { issue: { journals: unknown[] } }).issue.journals.length;
// lock_version is not in the REST answer. Redmine saves an issue once on create plus once per
// change, and every change writes a journal: lock_version = journals + 1. A stale one answers 422
// with no error message (not 409); the derived one is accepted.
await put('put-stale-lock-version', engineer.apiKey, { lock_version: 0, notes: 'stale' });
await put('put-lock-version-derived', engineer.apiKey, {
  lock_version: journals + 1,
  notes: 'lock_version = journals + 1',
});

await record(
  'issues-list',
  engineer.apiKey,
  'GET',
  '/issues.json?status_id=*&sort=updated_on,id&limit=100&offset=0&updated_on=%3E%3D2026-01-01T00:00:00Z',
);
await record('issue-not-found', engineer.apiKey, 'GET', '/issues/999999.json');
await record('projects', engineer.apiKey, 'GET', '/projects.json?limit=100');
await record(
  'project-with-issue-custom-fields',
  engineer.apiKey,
  'GET',
  '/projects/1.json?include=issue_custom_fields,trackers',
);
await record('memberships', engineer.apiKey, 'GET', '/projects/1/memberships.json?limit=100');
await record(
  'time-entries',
  engineer.apiKey,
  'GET',
  `/time_entries.json?issue_id=${issueId}&limit=100`,
);
await record('current-user', engineer.apiKey, 'GET', '/users/current.json');
await record('wrong-key-current-user', 'f'.repeat(40), 'GET', '/users/current.json');
await record('wrong-key-issues-list', 'f'.repeat(40), 'GET', '/issues.json?status_id=*');
await record('custom-fields-as-engineer', engineer.apiKey, 'GET', '/custom_fields.json');
await record('issue-statuses', engineer.apiKey, 'GET', '/issue_statuses.json');
await record('issue-priorities', engineer.apiKey, 'GET', '/enumerations/issue_priorities.json');
await stop();
console.log(`recorded into ${OUT}`);
