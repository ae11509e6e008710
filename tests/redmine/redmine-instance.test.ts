import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readlink, symlink, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToTicket } from '@shared/erp/redmine/pull/issue-to-ticket';
import { membersToUsers, projectToOrganization } from '@shared/erp/redmine/pull/organizations';
import { planCreate } from '@shared/erp/redmine/push/plan-create';
import { membership, redmineIssue, redmineProject } from '@shared/erp/redmine/redmine-json';
import { readWriteAnswer } from '@shared/erp/redmine/push/write-answer';
import { redmineSkipReason, REDMINE_ROOT } from './detect-redmine';
import { removeStaleTenants, startRedmine, type RedmineInstance } from './redmine-instance';

const skip = await redmineSkipReason();
if (skip) console.warn(skip);
const PORT = 4793;

describe.skipIf(skip !== null)('a throwaway Redmine', () => {
  let redmine: RedmineInstance;
  beforeAll(async () => {
    redmine = await startRedmine(PORT);
  });
  afterAll(async () => {
    await redmine?.stop();
  });

  const get = async (key: string, path: string) => {
    const response = await fetch(`${redmine.url}${path}`, {
      headers: { 'X-Redmine-API-Key': key },
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as Record<string, unknown>,
    };
  };

  it('has REST on and two users whose keys work', async () => {
    for (const user of redmine.users) {
      const me = await get(user.apiKey, '/users/current.json');
      expect(me.status).toBe(200);
      expect((me.body['user'] as { login: string }).login).toBe(user.login);
    }
    expect(redmine.users.map((u) => u.login)).toEqual(['engineer', 'colleague']);
  });

  it('serves customer projects the mapping reads as organizations, with both users as the team', async () => {
    const [engineer] = redmine.users;
    const projects = (await get(engineer!.apiKey, '/projects.json')).body['projects'] as unknown[];
    const organizations = projects.map((p) =>
      projectToOrganization(redmineProject.parse(p), redmine.mapping, 1),
    );
    expect(organizations.map((o) => (o.ok ? o.organization.timeZone : o.reason)).sort()).toEqual([
      'Asia/Vladivostok',
      'Asia/Yekaterinburg',
      'Europe/Moscow',
    ]);
    const members = (await get(engineer!.apiKey, '/projects/1/memberships.json')).body[
      'memberships'
    ] as unknown[];
    expect(
      membersToUsers(
        members.map((m) => membership.parse(m)),
        1,
      ).map((u) => u.id),
    ).toEqual(redmine.users.map((u) => String(u.id)));
    // Every mapped issue field is enabled where the engineer works.
    const project = (await get(engineer!.apiKey, '/projects/1.json?include=issue_custom_fields'))
      .body['project'] as { issue_custom_fields: { id: number }[] };
    const enabled = project.issue_custom_fields.map((f) => f.id);
    for (const id of Object.values(redmine.mapping.issueFields))
      if (id !== null) expect(enabled).toContain(id);
  });

  it("lets the engineer's key register an intake the pull then reads back", async () => {
    const [engineer] = redmine.users;
    const organization = projectToOrganization(
      redmineProject.parse((await get(engineer!.apiKey, '/projects/1.json')).body['project']),
      redmine.mapping,
      1,
    );
    if (!organization.ok) throw new Error(organization.reason);
    const createdAt = new Date(Date.now() - 3_600_000).toISOString();
    const plan = planCreate(
      {
        commandId: '01930f7e-4a2b-7c3d-8e9f-00000000c0de',
        seq: 1,
        type: 'create',
        ticketId: '01930f7e-4a2b-7c3d-8e9f-0000000000f1',
        baseVersion: null,
        clientCreatedAt: createdAt,
        payload: {
          organizationId: '1',
          account: 'operator7',
          reporterEmail: 'it@severstal.example.ru',
          priority: 2,
          title: 'Проверка',
          steps: 'Шаги',
          expected: 'Ожидание',
          actual: 'Факт',
          diagnostics: 'Диагностика',
          notUserSideConfirmed: true,
          createdAt,
        },
      },
      null,
      {
        mapping: redmine.mapping,
        author: { id: engineer!.id, name: 'Ирина Соколова' },
        serverNow: new Date().toISOString(),
        organization: organization.organization,
        users: new Map(),
      },
    );
    if (plan.kind !== 'write') throw new Error(plan.kind);
    const write = plan.writes[0]!;
    const response = await fetch(`${redmine.url}${write.path}`, {
      method: write.method,
      headers: { 'X-Redmine-API-Key': engineer!.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(write.body),
    });
    const body = (await response.json()) as { issue: { id: number } };
    expect(readWriteAnswer(response.status, body)).toEqual({ kind: 'ok' });
    const issue = redmineIssue.parse(
      (await get(engineer!.apiKey, `/issues/${body.issue.id}.json?include=journals`)).body['issue'],
    );
    const pulled = issueToTicket(issue, redmine.mapping, organization.organization, new Map());
    expect(pulled).toMatchObject({
      ok: true,
      ticket: {
        id: '01930f7e-4a2b-7c3d-8e9f-0000000000f1',
        priority: 2,
        createdAt: new Date(Date.parse(createdAt)).toISOString(),
        account: 'operator7',
      },
    });
  });
});

describe.skipIf(skip !== null)('throwaway Redmine tenants', () => {
  it('removes the tenant of a process that died without stopping it', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) =>
      child.on('exit', () => resolve(child.pid!)),
    );
    const dir = await mkdtemp(join(tmpdir(), 'pk-test-stale-'));
    await mkdir(join(dir, 'tmp'));
    const link = join(REDMINE_ROOT, 'instances', `pk-test-${deadPid}-deadbeef`);
    await symlink(dir, link);
    expect(await readlink(link)).toBe(dir);
    expect(await removeStaleTenants()).toContain(`pk-test-${deadPid}-deadbeef`);
    await expect(readlink(link)).rejects.toThrow();
    await expect(stat(dir)).rejects.toThrow();
  });
});
