import { DateTime } from 'luxon';
import type { Organization } from '@shared/domain/ticket';
import { asciiDomain } from '@shared/erp/email-address';
import { EMPTY_INTAKE, type IntakeForm } from '../intake-form';
import type { Letter } from './read-letter';

/** Which organizations the sender's domain belongs to, by their known contact addresses. */
export type OrganizationMatch =
  | { kind: 'one'; organizationId: string }
  | { kind: 'many'; names: string[] }
  | { kind: 'none'; domain: string };

/** The domain of an address as DNS spells it, so "почта.рф" and "xn--80a1acny.xn--p1ai" meet. */
function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const domain = address.slice(at + 1).toLowerCase();
  return asciiDomain(domain) ?? domain;
}

export function matchOrganization(
  address: string,
  organizations: readonly Organization[],
): OrganizationMatch {
  const domain = domainOf(address) ?? '';
  const matching = organizations.filter((organization) =>
    organization.contactEmails.some((email) => domainOf(email) === domain),
  );
  if (matching.length === 1) return { kind: 'one', organizationId: matching[0]!.id };
  if (matching.length > 1) return { kind: 'many', names: matching.map((o) => o.name).sort() };
  return { kind: 'none', domain };
}

/** The seconds are kept: the clocks start at the message's Date, not at its minute. */
export function letterWallTime(sentAt: string, zone: string): string {
  const local = DateTime.fromISO(sentAt, { zone });
  return local.toFormat(local.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}

/**
 * A new request from a letter: the form starts over (a letter is a request of its own), and
 * only what the letter says is filled in. The account, the priority and the user's confirmation
 * are left to the engineer: a letter cannot be trusted to state them.
 */
export function prefillFromLetter(
  letter: Letter,
  organizations: readonly Organization[],
  engineerZone: string,
): { form: IntakeForm; match: OrganizationMatch } {
  const match = matchOrganization(letter.fromAddress, organizations);
  const organization =
    match.kind === 'one' ? organizations.find((o) => o.id === match.organizationId) : undefined;
  const { steps, expected, actual, diagnostics } = letter.description;
  return {
    match,
    form: {
      ...EMPTY_INTAKE,
      organizationId: organization?.id ?? '',
      reporterEmail: letter.fromAddress,
      title: letter.subject,
      steps,
      expected,
      actual,
      diagnostics,
      createdAtLocal: letterWallTime(letter.sentAt, organization?.timeZone ?? engineerZone),
    },
  };
}

/**
 * The creation time follows a change of organization while it is still the letter's: the form
 * holds wall time, and the same wall time in another zone is another instant.
 */
export function keepLetterTime(
  form: IntakeForm,
  sentAt: string | null,
  previousZone: string,
  nextZone: string,
): IntakeForm {
  if (sentAt === null || form.createdAtLocal !== letterWallTime(sentAt, previousZone)) return form;
  return { ...form, createdAtLocal: letterWallTime(sentAt, nextZone) };
}
