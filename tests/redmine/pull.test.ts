import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchPort } from '../../electron/main/services/erp-gateway';
import { createRedmineBackend } from '../../electron/main/services/redmine/redmine-backend';
import { openDevice, type Device } from '../fixtures/sync/device';
import { redmineSkipReason } from './detect-redmine';
import { startRedmine, type RedmineInstance } from './redmine-instance';

const skip = await redmineSkipReason();
if (skip) console.warn(skip);
const PORT = 4811;

/*
 * The pull against a real Redmine 5.0.4, through the REAL device: renderer database, sync engine,
 * main's dispatcher and the Redmine back end. A person works in Redmine over REST (as its web UI
 * does: status, priority, notes); the device must show what they did.
 */
describe.skipIf(skip !== null)('pulling from a real Redmine', () => {
  let redmine: RedmineInstance;
  const devices: Device[] = [];
  beforeAll(async () => {
    redmine = await startRedmine(PORT);
  });
  afterAll(async () => {
    for (const device of devices) device.close();
    await redmine?.stop();
  });

  const engineerKey = () => redmine.users[0]!.apiKey;
  async function rest<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    key = engineerKey(),
  ): Promise<T> {
    const response = await fetch(`${redmine.url}${path}`, {
      method,
      headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  const createIssue = async (subject: string, priority: 1 | 2 | 3 | 4, projectId = 1) =>
    (
      await rest<{ issue: { id: number } }>('POST', '/issues.json', {
        issue: {
          project_id: projectId,
          tracker_id: redmine.mapping.trackerId,
          status_id: redmine.mapping.statuses.new,
          priority_id: redmine.mapping.priorities[priority],
          subject,
        },
      })
    ).issue.id;

  function device(name: string, options: { fetch?: FetchPort; apiKey?: string } = {}) {
    const opened = openDevice({
      name,
      token: 'unused',
      baseUrl: redmine.url,
      backend: createRedmineBackend({
        fetch: options.fetch ?? fetch,
        endpoint: async () => ({
          baseUrl: redmine.url,
          apiKey: options.apiKey ?? engineerKey(),
          mapping: redmine.mapping,
        }),
        pullTiming: { directoryRefreshMs: 0, reconcileMs: 0 },
        log: () => undefined,
      }),
    });
    devices.push(opened);
    return opened;
  }
  const issueCount = async () =>
    (
      await rest<{ total_count: number }>(
        'GET',
        `/issues.json?status_id=*&tracker_id=${redmine.mapping.trackerId}&limit=1`,
      )
    ).total_count;
  const ticketOf = async (d: Device, issueId: number) =>
    (await d.db.tickets.toArray()).find((row) => row.server?.number === issueId);

  it('shows issues a person created and changed in Redmine with their state, priority and SLA events', async () => {
    const id = await createIssue('Не открывается карточка абонента', 3);
    const m = redmine.mapping;
    await rest('PUT', `/issues/${id}.json`, { issue: { status_id: m.statuses.inProgress } });
    await rest('PUT', `/issues/${id}.json`, { issue: { notes: 'Смотрим журнал сервера.' } });
    await rest('PUT', `/issues/${id}.json`, { issue: { priority_id: m.priorities[2] } });
    await rest('PUT', `/issues/${id}.json`, { issue: { status_id: m.statuses.paused } });
    const { issue } = await rest<{
      issue: { journals: { created_on: string }[]; project: { id: number } };
    }>('GET', `/issues/${id}.json?include=journals`);

    const d = device('person-in-redmine');
    expect(await d.syncUntilSettled()).toContainEqual({ ok: true });
    const row = await ticketOf(d, id);
    expect(row?.server).toMatchObject({
      state: 'paused',
      priority: 2,
      initialPriority: 3,
      organizationId: String(issue.project.id),
    });
    const events = row!.server!.events.map((e) => [e.type, e.at]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['reacted', new Date(issue.journals[0]!.created_on).toISOString()],
        ['paused', new Date(issue.journals[3]!.created_on).toISOString()],
      ]),
    );
    expect(row!.server!.comments.map((c) => c.text)).toContain('Смотрим журнал сервера.');
    const organization = await d.db.organizations.get(String(issue.project.id));
    expect(organization?.data).toMatchObject({ timeZone: 'Europe/Moscow', calendar: 'RU' });
  });

  it('pages through more than 100 issues while they are updated, each once, and deletes tombstoned ones', async () => {
    for (let n = 0; n < 110; n++) await createIssue(`Обращение ${n}`, 4, 2);
    const d = device('many');
    let updates = 0;
    // A person keeps working while the device pulls: every Redmine list request, one issue changes.
    const racing: FetchPort = async (url, init) => {
      if (url.includes('/issues.json?') && updates < 5) {
        updates++;
        const { issues } = await rest<{ issues: { id: number }[] }>(
          'GET',
          '/issues.json?limit=1&sort=id',
        );
        await rest('PUT', `/issues/${issues[0]!.id + updates}.json`, {
          issue: { notes: `правка ${updates}` },
        });
      }
      return fetch(url, init);
    };
    const racer = device('many-racing', { fetch: racing });
    for (const each of [d, racer])
      expect(await each.syncUntilSettled()).toContainEqual({ ok: true });

    const total = await issueCount();
    for (const each of [d, racer]) {
      const rows = (await each.db.tickets.toArray()).filter((row) => row.deleted === 0);
      expect(new Set(rows.map((row) => row.server!.number)).size).toBe(total);
      expect(rows).toHaveLength(total);
    }

    const gone = await createIssue('Будет удалено', 4);
    await d.syncUntilSettled();
    expect((await ticketOf(d, gone))?.deleted).toBe(0);
    await rest('DELETE', `/issues/${gone}.json`, undefined, redmine.adminKey);
    await d.syncUntilSettled();
    const row = (await d.db.tickets.toArray()).find((r) => r.id === `redmine-${gone}`);
    expect(row === undefined || row.deleted === 1).toBe(true);
  }, 300_000);

  it('completes the next pull with nothing skipped after Redmine went away mid-pull', async () => {
    for (let n = 0; n < 3; n++) await createIssue(`После сбоя ${n}`, 3, 3);
    let requests = 0;
    let down = false;
    const flaky: FetchPort = async (url, init) => {
      // The connection drops on the 6th request (the middle of the first issue page) and stays down.
      if (++requests === 6) down = true;
      if (down) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      return fetch(url, init);
    };
    const d = device('outage', { fetch: flaky });
    const failed = await d.engine.syncNow();
    expect(failed.ok).toBe(false);
    down = false;
    requests = 100;
    expect(await d.syncUntilSettled()).toContainEqual({ ok: true });
    const total = await issueCount();
    expect((await d.db.tickets.toArray()).filter((r) => r.deleted === 0)).toHaveLength(total);
  });

  it('answers a wrong key with a 401 that names the key, in the session and in the pull', async () => {
    const d = device('wrong-key', { apiKey: '0'.repeat(40) });
    const me = await d.whoAmI();
    // The identity refresh says only "HTTP 401"; the sync status shows the back end's message.
    expect(me).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/401/) });
    const run = await d.engine.syncNow();
    expect(run).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const session = await createRedmineBackend({
      fetch: (url, init) => fetch(url, init),
      endpoint: async () => ({
        baseUrl: redmine.url,
        apiKey: '0'.repeat(40),
        mapping: redmine.mapping,
      }),
    }).session();
    expect(session.ok && session.value.body).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/API key/) },
    });
    expect(await d.db.tickets.count()).toBe(0);
  });
});
