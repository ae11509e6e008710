import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import type { CommandType } from '@shared/erp/commands';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { membersToUsers, projectToOrganization } from '@shared/erp/redmine/pull/organizations';
import {
  membership,
  redmineIssue,
  redmineProject,
  type RedmineIssue,
} from '@shared/erp/redmine/redmine-json';
import { readNote } from '@shared/erp/redmine/trailer';
import type { FetchPort } from '../../electron/main/services/erp-gateway';
import { createRedmineBackend } from '../../electron/main/services/redmine/redmine-backend';
import { openDevice, type Device } from '../fixtures/sync/device';
import { startTcpProxy, type TcpProxy } from '../fixtures/tcp-proxy';
import { redmineSkipReason } from './detect-redmine';
import { startRedmine, type RedmineInstance } from './redmine-instance';

const skip = await redmineSkipReason();
if (skip) console.warn(skip);
const PORT = 4821;

/*
 * The REAL device (renderer database, outbox, sync engine, main's dispatcher) pushing to a real
 * Redmine through the Redmine back end, with a byte-level proxy in between for faults. The pull
 * is another part's: convergence is checked on the tickets the push answers and on REST reads.
 */
describe.skipIf(skip !== null)('the Redmine push against a real Redmine', () => {
  let redmine: RedmineInstance;
  let proxy: TcpProxy;
  let engineerKey: string;
  let colleagueKey: string;
  /** When set, the next write (POST/PUT) reaches Redmine and its answer is lost. */
  let loseNextWriteAnswer = false;

  beforeAll(async () => {
    redmine = await startRedmine(PORT);
    proxy = await startTcpProxy({ host: '127.0.0.1', port: PORT });
    engineerKey = redmine.users[0]!.apiKey;
    colleagueKey = redmine.users[1]!.apiKey;
  });
  afterAll(async () => {
    await proxy?.close();
    await redmine?.stop();
  });

  // One TCP connection per request, so a proxy fault hits exactly the write it is meant for.
  const throughProxy: FetchPort = (url, init) => {
    if (init.method !== 'GET' && loseNextWriteAnswer) {
      loseNextWriteAnswer = false;
      proxy.enqueue({ kind: 'reset-after-request' });
    }
    return fetch(url, { ...init, headers: { ...init.headers, connection: 'close' } });
  };

  const rest = async (key: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${redmine.url}${path}`, {
      method,
      headers: { 'X-Redmine-API-Key': key, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  };

  const organizationOf = async (projectId: number) => {
    const project = redmineProject.parse(
      (await rest(engineerKey, 'GET', `/projects/${projectId}.json`)).body!['project'],
    );
    const outcome = projectToOrganization(project, redmine.mapping, 1);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.organization;
  };

  async function openEngineerDevice(): Promise<Device> {
    const device = openDevice({
      name: 'engineer',
      token: 'unused',
      baseUrl: redmine.url,
      backend: createRedmineBackend({
        fetch: throughProxy,
        endpoint: async () => ({
          baseUrl: proxy.url,
          apiKey: engineerKey,
          mapping: redmine.mapping,
        }),
        timeoutMs: 20_000,
      }),
    });
    // The pull (another part) would bring the organization; the intake form needs it.
    const organization = await organizationOf(1);
    await device.db.organizations.put({
      id: organization.id,
      version: 1,
      deleted: 0,
      data: organization,
      seenEpoch: 0,
      name: organization.name,
    });
    expect((await device.whoAmI()).kind).toBe('known');
    return device;
  }

  /** Syncs until the outbox is empty (the pull answers 501 until part B1 lands: that is fine). */
  async function drain(device: Device, runs = 8): Promise<void> {
    for (let i = 0; i < runs; i++) {
      await device.engine.syncNow();
      if ((await device.store.counts()).pending === 0) return;
    }
    throw new Error(`the outbox did not drain: ${JSON.stringify(await device.store.counts())}`);
  }

  async function issueOf(ticketId: string): Promise<RedmineIssue> {
    const field = `cf_${redmine.mapping.issueFields.clientTicketId}`;
    const list = await rest(engineerKey, 'GET', `/issues.json?status_id=*&${field}=${ticketId}`);
    const issues = list.body!['issues'] as { id: number }[];
    expect(issues).toHaveLength(1);
    const one = await rest(engineerKey, 'GET', `/issues/${issues[0]!.id}.json?include=journals`);
    return redmineIssue.parse(one.body!['issue']);
  }

  /** The ticket as the pull will make it from what Redmine holds now. */
  async function redmineTicket(ticketId: string): Promise<Ticket> {
    const issue = await issueOf(ticketId);
    const members = await rest(
      engineerKey,
      'GET',
      `/projects/${issue.project.id}/memberships.json`,
    );
    const users = membersToUsers(
      (members.body!['memberships'] as unknown[]).map((m) => membership.parse(m)),
      1,
    );
    const outcome = issueToTicket(
      issue,
      redmine.mapping,
      await organizationOf(issue.project.id),
      new Map(users.map((u) => [u.id, u])),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.ticket;
  }

  const deviceTicket = async (device: Device, ticketId: string) =>
    (await device.db.tickets.get(ticketId))!.server!;

  const trailersOf = (issue: RedmineIssue) =>
    (issue.journals ?? []).flatMap((journal) => {
      const note = readNote(journal.notes, journal.user?.id ?? null);
      return note.kind === 'trailer' ? [note.trailer] : [];
    });

  async function intake(device: Device, title: string): Promise<string> {
    const created = await device.create({
      organizationId: '1',
      account: 'operator7',
      reporterEmail: 'it@severstal.example.ru',
      priority: 3,
      title,
      steps: '1. Открыть «Отчёты» 2. Выбрать «Звонки»',
      expected: 'Отчёт за день',
      actual: 'Ошибка 500',
      diagnostics: 'В журнале сервера NullReferenceException',
      notUserSideConfirmed: true,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    return created.ticketId;
  }

  async function act(
    device: Device,
    type: Exclude<CommandType, 'create'>,
    ticketId: string,
    payload: Record<string, unknown>,
  ) {
    const done = await device.perform(type, ticketId, payload);
    if (!done.ok || done.commandId === null) throw new Error(`${type}: ${JSON.stringify(done)}`);
    return done.commandId;
  }

  it('pushes an offline intake once, with every §4 field, and the answered ticket is what Redmine holds', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Не формируется отчёт по звонкам');
    await drain(device);
    const issue = await issueOf(ticketId);
    const f = redmine.mapping.issueFields;
    const value = (id: number) => issue.custom_fields.find((c) => c.id === id)?.value;
    expect([
      value(f.account),
      value(f.steps),
      value(f.expected),
      value(f.actual),
      value(f.diagnostics),
      value(f.reporterEmail),
      value(f.notUserSideConfirmed),
    ]).toEqual([
      'operator7',
      '1. Открыть «Отчёты» 2. Выбрать «Звонки»',
      'Отчёт за день',
      'Ошибка 500',
      'В журнале сервера NullReferenceException',
      'it@severstal.example.ru',
      '1',
    ]);
    expect(issue.subject).toBe('Не формируется отчёт по звонкам');
    expect(issue.priority.id).toBe(redmine.mapping.priorities[3]);
    expect(await deviceTicket(device, ticketId)).toEqual(await redmineTicket(ticketId));
    device.close();
  });

  it('carries the times offline actions were taken in their trailers, and the device converges', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Пауза и возобновление офлайн');
    await drain(device);
    await act(device, 'react', ticketId, {});
    await act(device, 'pause', ticketId, { reason: 'awaiting_user_info' });
    await act(device, 'resume', ticketId, {});
    await act(device, 'resolve', ticketId, { result: 'Исправлено в настройках' });
    await act(device, 'reopen', ticketId, { reason: 'Ошибка вернулась' });
    const stamped = new Map(
      (await device.store.readOutbox(50)).map((entry) => [entry.commandId, entry.actedAt]),
    );
    expect(stamped.size).toBe(5);
    // Offline for a while: Redmine saves the journals seconds after the engineer acted.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await drain(device);
    const journals = (await issueOf(ticketId)).journals!;
    const trailers = trailersOf({ ...(await issueOf(ticketId)) });
    expect(trailers.map((t) => t.type)).toEqual(['react', 'pause', 'resume', 'resolve', 'reopen']);
    for (const [index, trailer] of trailers.entries()) {
      // The device and Redmine share this machine's clock: the offset is within a second.
      expect(Math.abs(Date.parse(trailer.at) - stamped.get(trailer.id)!)).toBeLessThan(1_500);
      expect(Date.parse(journals[index]!.created_on) - Date.parse(trailer.at)).toBeGreaterThan(
        1_500,
      );
    }
    const ticket = await deviceTicket(device, ticketId);
    expect(ticket.events.map((e) => Date.parse(e.at)).slice(-4)).toEqual(
      trailers.slice(1).map((t) => Date.parse(t.at)),
    );
    expect(ticket).toEqual(await redmineTicket(ticketId));
    device.close();
  });

  it('answers the retry of a write whose answer was lost after Redmine saved it as a duplicate: the note is there once', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Ответ потерян');
    await drain(device);
    const comment = await act(device, 'comment', ticketId, { text: 'Позвонили пользователю' });
    loseNextWriteAnswer = true;
    await drain(device);
    expect(loseNextWriteAnswer).toBe(false);
    expect(device.ledger.acks.get(comment)).toEqual(['duplicate']);
    const comments = (await issueOf(ticketId)).journals!.filter((j) =>
      j.notes?.includes('Позвонили пользователю'),
    );
    expect(comments).toHaveLength(1);
    expect(await deviceTicket(device, ticketId)).toEqual(await redmineTicket(ticketId));
    device.close();
  });

  it('never overwrites a colleague’s change made while the engineer was offline; both sides converge', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Коллега меняет ту же заявку');
    await act(device, 'react', ticketId, {});
    await drain(device);
    const pause = await act(device, 'pause', ticketId, { reason: 'awaiting_user_info' });
    const issue = await issueOf(ticketId);
    const colleague = await rest(colleagueKey, 'PUT', `/issues/${issue.id}.json`, {
      issue: { notes: 'Коллега: приоритет выше', priority_id: redmine.mapping.priorities[2] },
    });
    expect(colleague.status).toBe(204);
    await drain(device);
    const after = await issueOf(ticketId);
    expect(after.priority.id).toBe(redmine.mapping.priorities[2]);
    expect(['applied', 'conflict']).toContain(device.ledger.acks.get(pause)?.[0]);
    expect(after.journals!.some((j) => j.notes?.includes('Коллега: приоритет выше'))).toBe(true);
    expect(await deviceTicket(device, ticketId)).toEqual(await redmineTicket(ticketId));
    device.close();
  });

  it('answers conflict when a colleague resolved the issue the engineer paused offline; the device takes Redmine’s ticket', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Коллега решил заявку');
    await act(device, 'react', ticketId, {});
    await drain(device);
    const pause = await act(device, 'pause', ticketId, { reason: 'awaiting_user_info' });
    const issue = await issueOf(ticketId);
    const colleague = await rest(colleagueKey, 'PUT', `/issues/${issue.id}.json`, {
      issue: { notes: 'Коллега: исправлено', status_id: redmine.mapping.statuses.resolved },
    });
    expect(colleague.status).toBe(204);
    await drain(device);
    expect(device.ledger.acks.get(pause)).toEqual(['conflict']);
    const after = await issueOf(ticketId);
    expect(after.status.id).toBe(redmine.mapping.statuses.resolved);
    expect(trailersOf(after).some((t) => t.id === pause)).toBe(false);
    expect(await deviceTicket(device, ticketId)).toEqual(await redmineTicket(ticketId));
    device.close();
  });

  it('drains the outbox exactly once when Redmine becomes unreachable mid-push and comes back', async () => {
    const device = await openEngineerDevice();
    const ticketId = await intake(device, 'Redmine недоступен');
    await act(device, 'comment', ticketId, { text: 'Первый комментарий' });
    await act(device, 'comment', ticketId, { text: 'Второй комментарий' });
    // Redmine answers the intake, then is gone for a while: every connection is refused.
    let requests = 0;
    proxy.setChooser(() => (++requests > 6 && requests < 20 ? { kind: 'refuse' } : null));
    await drain(device, 20);
    proxy.setChooser(null);
    expect(requests).toBeGreaterThanOrEqual(20);
    const issue = await issueOf(ticketId);
    for (const text of ['Первый комментарий', 'Второй комментарий'])
      expect(issue.journals!.filter((j) => j.notes?.includes(text))).toHaveLength(1);
    expect(await deviceTicket(device, ticketId)).toEqual(await redmineTicket(ticketId));
    device.close();
  });
});
