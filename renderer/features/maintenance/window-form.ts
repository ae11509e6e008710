import { z } from 'zod';
import type { Organization } from '@shared/domain/ticket';
import {
  checkWindowHours,
  MAINTENANCE_MODES,
  MAX_WINDOW_DAYS,
  planWindowPayload,
  type ClosedOverlap,
  type MaintenanceMode,
  type PlanWindowPayload,
} from '@shared/maintenance';
import { instantOfWallTime } from '../intake/created-at';

/*
 * The «Запланировать окно» form: start and end typed as the customer's wall-clock time (the
 * regulation's hours are the customer's), read in the organization's zone with luxon — never the
 * laptop's. The §5 rule is checked before anything is queued; leaving the allowed hours needs an
 * explicit override with a reason, so it cannot happen by accident.
 */

const TEXT_MAX = 2_000;

/** What the form holds, as typed; also the draft's shape (renderer/features/drafts). */
export const windowFormSchema = z.object({
  organizationId: z.string(),
  /** `datetime-local` values on the customer's wall clock: "2027-01-12T19:00". */
  startsAt: z.string(),
  endsAt: z.string(),
  unavailable: z.string(),
  mode: z.union([z.enum(MAINTENANCE_MODES), z.literal('')]),
  override: z.boolean(),
  overrideReason: z.string(),
});
export type WindowForm = z.infer<typeof windowFormSchema>;

export const EMPTY_WINDOW_FORM: WindowForm = {
  organizationId: '',
  startsAt: '',
  endsAt: '',
  unavailable: '',
  mode: '',
  override: false,
  overrideReason: '',
};

export type WindowFieldError =
  | { field: 'organizationId'; code: 'required' | 'unknown' }
  | { field: 'startsAt'; code: 'required' | 'format' | 'nonexistent' | 'past' }
  | {
      field: 'endsAt';
      code: 'required' | 'format' | 'nonexistent' | 'not_after_start' | 'too_long';
      maxDays?: number;
    }
  | { field: 'unavailable'; code: 'required' | 'too_long'; max?: number }
  | { field: 'mode'; code: 'required' }
  | { field: 'overrideReason'; code: 'required' | 'too_long'; max?: number }
  | { field: 'override'; code: 'not_needed' }
  | {
      field: 'hours';
      code: 'calendar_not_covered' | 'unknown_calendar' | 'unknown_zone';
      year?: number;
      calendar?: string;
      timeZone?: string;
    };
export type WindowField = WindowFieldError['field'];
export type WindowFieldErrors = Partial<Record<WindowField, WindowFieldError>>;

export type WindowFormResult =
  | { ok: true; payload: PlanWindowPayload; organization: Organization }
  /** `closed`: the window leaves the allowed hours and no override was asked for. */
  | { ok: false; errors: WindowFieldErrors; closed: ClosedOverlap[] | null };

const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 3_600_000;

function readWallTime(
  value: string,
  field: 'startsAt' | 'endsAt',
  zone: string,
  errors: WindowFieldErrors,
): number | null {
  if (value.trim() === '') {
    errors[field] = { field, code: 'required' };
    return null;
  }
  const wall = instantOfWallTime(value, zone);
  if (!wall.ok) {
    errors[field] = { field, code: wall.reason };
    return null;
  }
  return wall.ms;
}

function checkText(
  value: string,
  field: 'unavailable' | 'overrideReason',
  errors: WindowFieldErrors,
): void {
  if (value.trim() === '') errors[field] = { field, code: 'required' };
  else if (value.trim().length > TEXT_MAX)
    errors[field] = { field, code: 'too_long', max: TEXT_MAX };
}

/** Every field checked, each error naming what is wrong; then the §5 hours. */
export function validateWindowForm(
  form: WindowForm,
  context: { now: number; organizations: readonly Organization[] },
): WindowFormResult {
  const errors: WindowFieldErrors = {};
  const organization = context.organizations.find((o) => o.id === form.organizationId);
  if (form.organizationId === '')
    errors.organizationId = { field: 'organizationId', code: 'required' };
  else if (!organization) errors.organizationId = { field: 'organizationId', code: 'unknown' };
  checkText(form.unavailable, 'unavailable', errors);
  if (form.mode === '') errors.mode = { field: 'mode', code: 'required' };
  if (form.override) checkText(form.overrideReason, 'overrideReason', errors);

  let interval: { startsAt: string; endsAt: string } | null = null;
  // Without an organization the times cannot be read (its zone), but a missing one is named.
  if (!organization) {
    for (const field of ['startsAt', 'endsAt'] as const)
      if (form[field].trim() === '') errors[field] = { field, code: 'required' };
  } else {
    const zone = organization.timeZone;
    const start = readWallTime(form.startsAt, 'startsAt', zone, errors);
    const end = readWallTime(form.endsAt, 'endsAt', zone, errors);
    if (start !== null && start < context.now)
      errors.startsAt = { field: 'startsAt', code: 'past' };
    if (start !== null && end !== null) {
      if (end <= start) errors.endsAt = { field: 'endsAt', code: 'not_after_start' };
      else if (end - start > MAX_WINDOW_MS)
        errors.endsAt = { field: 'endsAt', code: 'too_long', maxDays: MAX_WINDOW_DAYS };
      else
        interval = { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
    }
  }

  let closed: ClosedOverlap[] | null = null;
  if (interval && organization) {
    const check = checkWindowHours(interval, organization);
    if (!check.allowed) {
      if (check.problem === 'closed_hours') {
        if (!form.override) closed = check.overlaps;
      } else if (check.problem === 'calendar_not_covered') {
        errors.hours = { field: 'hours', code: check.problem, year: check.year };
      } else if (check.problem === 'unknown_calendar') {
        errors.hours = { field: 'hours', code: check.problem, calendar: check.calendar };
      } else if (check.problem === 'unknown_zone') {
        errors.hours = { field: 'hours', code: check.problem, timeZone: check.timeZone };
      }
    } else if (form.override) {
      // The server refuses an override on a window that needs none: it must mean something.
      errors.override = { field: 'override', code: 'not_needed' };
    }
  }

  if (Object.keys(errors).length > 0 || closed !== null || !interval || !organization)
    return { ok: false, errors, closed };
  const payload = planWindowPayload.parse({
    organizationId: organization.id,
    ...interval,
    unavailable: form.unavailable.trim(),
    mode: form.mode as MaintenanceMode,
    ...(form.override ? { overrideReason: form.overrideReason.trim() } : {}),
  });
  return { ok: true, payload, organization };
}
