import { describe, expect, it } from 'vitest';
import { evaluateSla } from '@shared/sla';
import { toSlaTicket } from '@shared/domain';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import {
  membersToUsers,
  projectToOrganization,
  type RedmineOrganization,
} from '@shared/erp/redmine/pull/organizations';
import { membership, redmineIssue, redmineProject } from '@shared/erp/redmine/redmine-json';
import { MAPPING, recorded } from './recorded';

const projects = (recorded('projects').body as { projects: unknown[] }).projects.map((p) =>
  redmineProject.parse(p),
);
const organizationOf = (id: number): RedmineOrganization => {
  const outcome = projectToOrganization(
    projects.find((p) => p.id === id)!,
    MAPPING,
    1,
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.organization;
};
const users = new Map(
  membersToUsers(
    (recorded('memberships').body as { memberships: unknown[] }).memberships.map((m) =>
      membership.parse(m),
    ),
    1,
  ).map((u) => [u.id, u]),
);
const issue = redmineIssue.parse(
  (recorded('issue-with-journals').body as { issue: unknown }).issue,
);

describe('Redmine projects and members (recorded)', () => {
  it('reads each customer project as an organization with its zone, calendar and e-mail domains', () => {
    expect(organizationOf(2)).toEqual({
      id: '2',
      name: 'АО «Уралтехно»',
      timeZone: 'Asia/Yekaterinburg',
      calendar: 'RU',
      accounts: [],
      contactEmails: [],
      emailDomains: ['uraltechno.example.ru', 'ut.example.ru'],
      version: 1,
    });
    expect(organizationOf(3).calendar).toBe('none');
  });

  it.each([
    [
      [{ id: 13, name: 'zone', value: '' }],
      'the time zone field (custom field 13) is empty or not enabled',
    ],
    [[{ id: 13, name: 'zone', value: 'MSK' }], 'time zone "MSK" is not an IANA zone'],
    [
      [
        { id: 13, name: 'zone', value: 'Europe/Moscow' },
        { id: 14, name: 'cal', value: 'RU2' },
      ],
      'calendar "RU2" is not known',
    ],
    [
      [
        { id: 13, name: 'zone', value: 'Europe/Moscow' },
        { id: 15, name: 'mail', value: 'ok.ru, not a domain!' },
      ],
      '"not" in the e-mail field',
    ],
  ])('refuses a project whose fields are %j, saying why', (fields, reason) => {
    const outcome = projectToOrganization(
      redmineProject.parse({ id: 9, name: 'X', identifier: 'x', custom_fields: fields }),
      MAPPING,
      1,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toContain(reason);
  });

  it('makes the team from the project members, each once', () => {
    expect([...users.values()].map((u) => [u.id, u.name])).toEqual([
      ['5', 'Ирина Соколова'],
      ['6', 'Пётр Волков'],
    ]);
  });
});

describe('Redmine issue → ticket (recorded journals)', () => {
  const outcome = issueToTicket(issue, MAPPING, organizationOf(1), users);
  if (!outcome.ok) throw new Error(outcome.reason);
  const { ticket, notices } = outcome;

  it('registers the request with its §4 fields, its offline creation time and its first priority', () => {
    expect(ticket).toMatchObject({
      id: '01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f',
      number: issue.id,
      organizationId: '1',
      account: 'operator7',
      reporterEmail: 'it@severstal.example.ru',
      title: 'Не формируется отчёт по звонкам',
      expected: 'Отчёт за день',
      // The trailer's time, not Redmine's created_on (18:08:45Z).
      createdAt: '2026-12-07T07:55:00.000Z',
      // P3 at registration (the colleague's journal 4 changed 3 → 4, i.e. P3 → P2).
      initialPriority: 3,
      priority: 2,
      state: 'resolved',
      assignee: '5',
      result: 'Исправлен шаблон отчёта.',
    });
  });

  it("replays the app's journals at their action times and Redmine's own changes at the journal's time", () => {
    expect(
      ticket.events.map(({ type, at, authorId, adjusted, reason, to }) => ({
        type,
        at,
        authorId,
        adjusted,
        reason,
        to,
      })),
    ).toEqual([
      {
        type: 'reacted',
        at: '2026-12-07T08:10:00.000Z',
        authorId: '5',
        adjusted: undefined,
        reason: undefined,
        to: undefined,
      },
      {
        type: 'paused',
        at: '2026-12-07T09:05:00.000Z',
        authorId: '5',
        adjusted: undefined,
        reason: 'awaiting_user_info',
        to: undefined,
      },
      // The colleague set «В работе» in Redmine's UI: a resume at the journal's time.
      {
        type: 'resumed',
        at: '2026-12-07T18:08:47.000Z',
        authorId: '6',
        adjusted: undefined,
        reason: undefined,
        to: undefined,
      },
      {
        type: 'priority_changed',
        at: '2026-12-07T18:08:47.000Z',
        authorId: '6',
        adjusted: undefined,
        reason: undefined,
        to: 2,
      },
      // Resolved "at 11:00" but after events at 18:08:47: moved there and marked, as the reference server does.
      {
        type: 'resolved',
        at: '2026-12-07T18:08:47.000Z',
        authorId: '5',
        adjusted: true,
        reason: undefined,
        to: undefined,
      },
    ]);
    expect(ticket.events[1]!.note).toBe('Запросили у пользователя журнал сервера.');
  });

  it('takes each record’s sync time from its journal’s created_on, beside the action time', () => {
    // Journals 1–2 were stored at 18:08:46Z, 3–4 at :47, 7 (the resolution) at :48.
    expect(ticket.events.map((event) => [event.type, event.receivedAt])).toEqual([
      ['reacted', '2026-12-07T18:08:46.000Z'],
      ['paused', '2026-12-07T18:08:46.000Z'],
      ['resumed', '2026-12-07T18:08:47.000Z'],
      ['priority_changed', '2026-12-07T18:08:47.000Z'],
      ['resolved', '2026-12-07T18:08:48.000Z'],
    ]);
    expect(ticket.events[0]!.at).toBe('2026-12-07T08:10:00.000Z');
    expect(ticket.comments.every((comment) => comment.receivedAt !== undefined)).toBe(true);
  });

  it('keeps notes as comments, and a copied trailer as plain text with the reason', () => {
    expect(ticket.comments.map((c) => [c.authorId, c.text.split('\n')[0]])).toEqual([
      ['6', 'Журнал получен, продолжаем.'],
      ['5', 'Воспроизвели на стенде.'],
      ['6', 'Скопировано.'],
    ]);
    expect(notices).toContain(
      'journal 6: trailer names user 5 but the note was written by 6: forged or copied; read as a note made in Redmine',
    );
  });

  it('counts the SLA from those events: Monday 10:55 Moscow, reacted 11:10, paused 12:05 until after hours', () => {
    // 2026-12-07 is a Monday, a working day in the RU calendar; Moscow is UTC+3.
    const sla = evaluateSla(toSlaTicket(ticket, organizationOf(1)), '2026-12-08T12:00:00Z');
    expect(sla.reaction).toMatchObject({ status: 'met', elapsedMs: 15 * 60_000 });
    // 10:55–12:05 counted; the pause ends at 21:08 (after hours) and the resolve follows at once.
    expect(sla.resolution).toMatchObject({ status: 'met', elapsedMs: 70 * 60_000 });
  });

  it('refuses an issue it cannot read, saying why', () => {
    expect(
      issueToTicket({ ...issue, journals: undefined }, MAPPING, organizationOf(1), users),
    ).toEqual({
      ok: false,
      reason: `issue #${issue.id}: fetched without include=journals`,
    });
    const low = { ...issue, priority: { id: 1, name: 'Низкий' }, journals: [] };
    expect(issueToTicket(low, MAPPING, organizationOf(1), users)).toEqual({
      ok: false,
      reason: `issue #${issue.id}: priority Низкий (id 1) is not mapped to P1–P4`,
    });
  });
});
