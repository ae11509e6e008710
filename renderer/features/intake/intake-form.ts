import type { z } from 'zod';
import { isLateRegistration, LATE_REGISTRATION_DAYS } from '@shared/domain/command-rules';
import type { Organization } from '@shared/domain/ticket';
import { createPayload, EARLIEST_INSTANT_MS } from '@shared/erp/commands';
import { formatInstant } from '@shared/sla/instants';
import type { CreateInput } from '../../db/repos/ticket-actions';
import { instantOfWallTime } from './created-at';

/** Every field of the form in the order the page shows them (the error summary follows it). */
export const INTAKE_FIELDS = [
  'organizationId',
  'account',
  'reporterEmail',
  'createdAt',
  'lateRegistration',
  'lateRegistrationReason',
  'title',
  'steps',
  'expected',
  'actual',
  'diagnostics',
  'notUserSideConfirmed',
  'priority',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** What the inputs hold: strings as typed, so a refused submit loses nothing. */
export interface IntakeForm {
  organizationId: string;
  account: string;
  reporterEmail: string;
  priority: '' | '1' | '2' | '3' | '4';
  title: string;
  steps: string;
  expected: string;
  actual: string;
  diagnostics: string;
  notUserSideConfirmed: boolean;
  /** null: the moment of registration; else a datetime-local value in the organization's zone. */
  createdAtLocal: string | null;
  /** The engineer confirms that a request older than `LATE_REGISTRATION_DAYS` is registered late… */
  lateConfirmed: boolean;
  /** …and says why; both count only while the reported time is that old. */
  lateReason: string;
}

export const EMPTY_INTAKE: IntakeForm = {
  organizationId: '',
  account: '',
  reporterEmail: '',
  priority: '',
  title: '',
  steps: '',
  expected: '',
  actual: '',
  diagnostics: '',
  notUserSideConfirmed: false,
  createdAtLocal: null,
  lateConfirmed: false,
  lateReason: '',
};

export type IntakeErrorCode =
  | 'required'
  | 'tooLong'
  | 'email'
  | 'emailMailbox'
  | 'unknownOrganization'
  | 'priority'
  | 'confirm'
  | 'createdAtFormat'
  | 'createdAtNonexistent'
  | 'createdAtNeedsOrganization'
  | 'createdAtFuture'
  | 'createdAtYear'
  | 'lateUnconfirmed'
  | 'invalid';

export interface FieldError {
  code: IntakeErrorCode;
  /** For `tooLong`: the limit; for `lateUnconfirmed`: the days; for `createdAtYear`: the year. */
  limit?: number;
}
export type FieldErrors = Partial<Record<IntakeField, FieldError>>;
export type IntakeResult = { ok: true; input: CreateInput } | { ok: false; errors: FieldErrors };

export interface IntakeContext {
  /** Device clock, epoch ms. */
  now: number;
  organizations: readonly Organization[];
}

// The form checks exactly what the `create` command will be checked against, minus the instant,
// which the form builds from the organization's wall time.
const payloadWithoutTime = createPayload.omit({ createdAt: true });

/** The form's content as the `create` input, or what is missing or wrong, field by field. */
export function validateIntake(form: IntakeForm, ctx: IntakeContext): IntakeResult {
  const errors: FieldErrors = {};
  const organization = ctx.organizations.find((o) => o.id === form.organizationId);
  const createdAt = createdAtOf(form.createdAtLocal, organization, ctx.now);
  const late = registeredLate(form, organization, ctx.now);
  if (late && !form.lateConfirmed)
    errors.lateRegistration = { code: 'lateUnconfirmed', limit: LATE_REGISTRATION_DAYS };
  const parsed = payloadWithoutTime.safeParse({
    organizationId: form.organizationId,
    account: form.account,
    reporterEmail: form.reporterEmail.trim(),
    priority: form.priority === '' ? undefined : Number(form.priority),
    title: form.title,
    steps: form.steps,
    expected: form.expected,
    actual: form.actual,
    diagnostics: form.diagnostics,
    notUserSideConfirmed: form.notUserSideConfirmed,
    // Sent only for a late request the engineer confirmed: then it must be given.
    ...(late && form.lateConfirmed ? { lateRegistrationReason: form.lateReason } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as IntakeField;
      errors[field] ??= errorOf(field, issue, form);
    }
  }
  if (form.organizationId !== '' && !organization)
    errors.organizationId ??= { code: 'unknownOrganization' };
  if ('error' in createdAt) errors.createdAt = createdAt.error;

  if (!parsed.success || 'error' in createdAt || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const time = 'ms' in createdAt ? { createdAt: formatInstant(createdAt.ms) } : {};
  return { ok: true, input: { ...parsed.data, ...time } };
}

/** Whether the reported time, as typed, makes this a late registration at `now`. */
export function registeredLate(
  form: Pick<IntakeForm, 'createdAtLocal'>,
  organization: Organization | undefined,
  now: number,
): boolean {
  const createdAt = createdAtOf(form.createdAtLocal, organization, now);
  return 'ms' in createdAt && isLateRegistration(createdAt.ms, now);
}

function errorOf(field: IntakeField, issue: z.core.$ZodIssue, form: IntakeForm): FieldError {
  switch (field) {
    case 'priority':
      return { code: 'priority' };
    case 'notUserSideConfirmed':
      return { code: 'confirm' };
    case 'reporterEmail':
      if (form.reporterEmail.trim() === '') return { code: 'required' };
      if (issue.code === 'too_big') return { code: 'tooLong', limit: 254 };
      return issue.code === 'custom' && issue.params?.['email'] === 'mailbox'
        ? { code: 'emailMailbox' }
        : { code: 'email' };
  }
  if (issue.code === 'too_big') return { code: 'tooLong', limit: Number(issue.maximum) };
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return { code: 'required' };
  return { code: 'invalid' };
}

function createdAtOf(
  local: string | null,
  organization: Organization | undefined,
  now: number,
): { now: true } | { ms: number } | { error: FieldError } {
  // Left at "now": the repo stamps the moment of registration, corrected by the ERP's clock.
  if (local === null) return { now: true };
  if (!organization) return { error: { code: 'createdAtNeedsOrganization' } };
  const wall = instantOfWallTime(local, organization.timeZone);
  if (!wall.ok) {
    return {
      error: { code: wall.reason === 'format' ? 'createdAtFormat' : 'createdAtNonexistent' },
    };
  }
  if (wall.ms > now) return { error: { code: 'createdAtFuture' } };
  // Years before this are typos (0026 for 2026); an old but real date is a late registration.
  if (wall.ms < EARLIEST_INSTANT_MS) {
    return {
      error: { code: 'createdAtYear', limit: new Date(EARLIEST_INSTANT_MS).getUTCFullYear() },
    };
  }
  return { ms: wall.ms };
}

/**
 * The form after choosing another organization. The account and the reply address follow the
 * choice when they were suggestions of the previous one; anything typed by hand stays.
 */
export function withOrganization(
  form: IntakeForm,
  next: Organization | undefined,
  previous: Organization | undefined,
): IntakeForm {
  const accountWasSuggested = previous?.accounts.includes(form.account) ?? false;
  const emailWasSuggested = previous?.contactEmails.includes(form.reporterEmail) ?? false;
  const keepAccount = !accountWasSuggested || (next?.accounts.includes(form.account) ?? false);
  return {
    ...form,
    organizationId: next?.id ?? '',
    account: keepAccount ? form.account : '',
    reporterEmail:
      form.reporterEmail === '' || emailWasSuggested
        ? (next?.contactEmails[0] ?? '')
        : form.reporterEmail,
  };
}
