import type { Organization, User } from '../../../domain';
import { findCalendar } from '../../../calendars/registry';
import { isKnownZone } from '../../../sla/zone';
import { emailProblem } from '../../email-address';
import type { RedmineMapping } from '../mapping';
import { customFieldValue, type Membership, type RedmineProject } from '../redmine-json';

/** A project's organization as contract 2 has it, plus the bare domains its field lists. */
export type RedmineOrganization = Organization & { emailDomains: string[] };

export type ProjectOutcome =
  { ok: true; organization: RedmineOrganization } | { ok: false; reason: string };

/** The organization id of a project: its Redmine id, which never changes (its name may). */
export const organizationIdOf = (projectId: number) => String(projectId);

const DOMAIN =
  /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/**
 * A customer project → its organization. The zone must be an IANA zone (the SLA counts in it);
 * an empty calendar field means the regulation's default, RU. The e-mail field lists addresses
 * (contacts) and bare domains, separated by commas, semicolons or spaces.
 */
export function projectToOrganization(
  project: RedmineProject,
  mapping: RedmineMapping,
  version: number,
): ProjectOutcome {
  const fields = mapping.projectFields;
  const what = `project ${project.id} «${project.name}»`;
  const zone = customFieldValue(project.custom_fields, fields.timeZone);
  if (zone === null)
    return {
      ok: false,
      reason: `${what}: the time zone field (custom field ${fields.timeZone}) is empty or not enabled: set an IANA zone like Europe/Moscow`,
    };
  if (!isKnownZone(zone.trim()))
    return {
      ok: false,
      reason: `${what}: time zone "${zone}" is not an IANA zone (like Europe/Moscow or Asia/Vladivostok)`,
    };
  const calendar = customFieldValue(project.custom_fields, fields.calendar)?.trim() ?? 'RU';
  if (!findCalendar(calendar))
    return {
      ok: false,
      reason: `${what}: calendar "${calendar}" is not known: use RU, none or a registered calendar id`,
    };
  const entries = (customFieldValue(project.custom_fields, fields.emailDomains) ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const contactEmails: string[] = [];
  const emailDomains: string[] = [];
  for (const entry of entries) {
    if (entry.includes('@')) {
      if (emailProblem(entry))
        return {
          ok: false,
          reason: `${what}: "${entry}" in the e-mail field is not an e-mail address`,
        };
      contactEmails.push(entry);
    } else {
      if (!DOMAIN.test(entry))
        return {
          ok: false,
          reason: `${what}: "${entry}" in the e-mail field is neither an address nor a domain like example.ru`,
        };
      emailDomains.push(entry.toLowerCase());
    }
  }
  return {
    ok: true,
    organization: {
      id: organizationIdOf(project.id),
      name: project.name,
      timeZone: zone.trim(),
      calendar,
      accounts: [],
      contactEmails,
      emailDomains,
      version,
    },
  };
}

/** The team: every person who is a member of a customer project, once (groups are not people). */
export function membersToUsers(memberships: readonly Membership[], version: number): User[] {
  const users = new Map<string, User>();
  for (const member of memberships) {
    if (!member.user) continue;
    const id = String(member.user.id);
    if (!users.has(id)) users.set(id, { id, name: member.user.name, active: true, version });
  }
  return [...users.values()].sort((a, b) => Number(a.id) - Number(b.id));
}
