import { z } from 'zod';
import type { Change } from '@shared/erp/protocol';
import {
  membersToUsers,
  projectToOrganization,
  type RedmineOrganization,
} from '@shared/erp/redmine/pull/organizations';
import { membership, parseRedmine, redmineProject } from '@shared/erp/redmine/redmine-json';
import type { User } from '@shared/domain';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from '../redmine-context';
import type { RedmineAnswer } from '../redmine-http';
import { failedRead, notRedmine } from './redmine-failure';
import { shortHash } from './short-hash';

/** The customer projects as organizations and the people of their memberships, as read now. */
export interface Directory {
  organizations: RedmineOrganization[];
  users: User[];
  /** Projects that are not customer organizations, with the reason (for the log). */
  skipped: string[];
}

export type Read<T> = HostResult<{ ok: true; value: T } | { ok: false; answer: ErpResponse }>;

const projectsPage = z.object({
  projects: z.array(redmineProject),
  total_count: z.number().int().nonnegative(),
});
const membershipsPage = z.object({
  memberships: z.array(membership),
  total_count: z.number().int().nonnegative(),
});

/** GET of a list resource, all pages; any failure fails the whole read (never half a directory). */
async function readAll<T>(
  context: RedmineContext,
  path: string,
  pick: (
    answer: RedmineAnswer,
  ) => { ok: true; items: T[]; total: number } | { ok: false; reason: string },
): Promise<Read<T[]>> {
  const items: T[] = [];
  for (let offset = 0; ;) {
    const answered = await context.http.get(path, { limit: '100', offset: String(offset) });
    if (!answered.ok) return answered;
    const answer = answered.value;
    if (answer.status !== 200) return ok({ ok: false, answer: failedRead(answer, `GET ${path}`) });
    const page = pick(answer);
    if (!page.ok) return ok({ ok: false, answer: notRedmine(answer, page.reason) });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return ok({ ok: true, value: items });
  }
}

/**
 * Reads the directory. A project counts as a customer organization when its time zone field is
 * filled (README "Redmine: what to configure"): internal projects leave it empty and are skipped;
 * a project with a zone or calendar the app cannot use is skipped with the reason. The team is
 * every person who is a member of a customer project. `version` is Redmine's clock in seconds:
 * it grows with every read, so a changed entity always replaces the device's copy.
 */
export async function readDirectory(
  context: RedmineContext,
  version: number,
): Promise<Read<Directory>> {
  const projects = await readAll(context, '/projects.json', (answer) => {
    const parsed = parseRedmine(projectsPage, answer.body, 'GET /projects.json');
    return parsed.ok
      ? { ok: true, items: parsed.value.projects, total: parsed.value.total_count }
      : parsed;
  });
  if (!projects.ok || !projects.value.ok) return projects as Read<Directory>;
  const organizations: RedmineOrganization[] = [];
  const skipped: string[] = [];
  const zoneField = context.mapping.projectFields.timeZone;
  for (const project of projects.value.value) {
    if (!project.custom_fields.some((field) => field.id === zoneField && field.value)) continue;
    const outcome = projectToOrganization(project, context.mapping, version);
    if (outcome.ok) organizations.push(outcome.organization);
    else skipped.push(outcome.reason);
  }
  const members = [];
  for (const organization of organizations) {
    const path = `/projects/${organization.id}/memberships.json`;
    const read = await readAll(context, path, (answer) => {
      const parsed = parseRedmine(membershipsPage, answer.body, `GET ${path}`);
      return parsed.ok
        ? { ok: true, items: parsed.value.memberships, total: parsed.value.total_count }
        : parsed;
    });
    if (!read.ok || !read.value.ok) return read as Read<Directory>;
    members.push(...read.value.value);
  }
  return ok({
    ok: true,
    value: { organizations, users: membersToUsers(members, version), skipped },
  });
}

const entry = (kind: 'o' | 'u', id: string, content: object) =>
  `${kind}${id}:${shortHash(JSON.stringify({ ...content, version: 0 }))}`;

/**
 * The changes that bring a device which was sent `sent` up to `directory`: new and changed
 * organizations and users. Nothing is deleted or deactivated: tickets name their organization,
 * and assignments and events name people who may have left a project since. Returns the entries
 * to remember in the cursor.
 */
export function directoryChanges(
  directory: Directory,
  sent: readonly string[] | null,
  version: number,
): { changes: Change[]; entries: string[] } {
  const before = new Set(sent ?? []);
  const changes: Change[] = [];
  const entries: string[] = [];
  for (const organization of directory.organizations) {
    const key = entry('o', organization.id, organization);
    entries.push(key);
    if (!before.has(key))
      changes.push({
        entity: 'organization',
        id: organization.id,
        version,
        deleted: false,
        data: organization,
      });
  }
  for (const user of directory.users) {
    const key = entry('u', user.id, user);
    entries.push(key);
    if (!before.has(key))
      changes.push({ entity: 'user', id: user.id, version, deleted: false, data: user });
  }
  return { changes, entries };
}
