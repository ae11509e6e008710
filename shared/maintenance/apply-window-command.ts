import type { CommandError } from '../domain/apply-command';
import type { Organization } from '../domain/ticket';
import { commandPayloads, type WindowCommandType } from '../erp/commands';
import { parseInstant } from '../sla/instants';
import { checkWindowHours, localWall, type ClosedOverlap } from './allowed-hours';
import type { MaintenanceWindow, PlanWindowPayload, WindowRecord } from './window';
import type { WindowRefusalCode } from '../domain/refusal-codes';

export interface WindowCommandContext {
  commandId: string;
  /** The command's `ticketId`: the window's id. */
  windowId: string;
  author: string;
  authorId: string | null;
  /** When the engineer acted, already clamped to the server's clock. */
  at: string;
  organization: Organization | undefined;
  /** The organization's other windows, to refuse an overlap (the device passes what it knows). */
  others: readonly MaintenanceWindow[];
}

export type WindowOutcome =
  | { status: 'applied'; window: MaintenanceWindow }
  | { status: 'noop' }
  | { status: 'conflict' | 'rejected'; error: CommandError & { code: WindowRefusalCode } };

const refuse = (code: WindowRefusalCode, message: string): WindowOutcome => ({
  status: 'rejected',
  error: { code, message },
});

/**
 * The rules of `plan_window` / `cancel_window` (docs/erp-protocol.md, "Maintenance windows"): the
 * ERP applies them authoritatively, the device replays them for its optimistic view.
 */
export function applyWindowCommand(
  window: MaintenanceWindow | null,
  type: WindowCommandType,
  payload: unknown,
  ctx: WindowCommandContext,
): WindowOutcome {
  const by: WindowRecord = {
    author: ctx.author,
    authorId: ctx.authorId,
    commandId: ctx.commandId,
    at: ctx.at,
  };
  switch (type) {
    case 'plan_window': {
      const parsed = commandPayloads.plan_window.safeParse(payload);
      if (!parsed.success) return invalidPayload(type, parsed.error.issues[0]);
      if (window) return refuse('window_exists', `plan_window: window ${ctx.windowId} exists`);
      const plan = parsed.data;
      if (!ctx.organization || ctx.organization.id !== plan.organizationId)
        return refuse(
          'unknown_organization',
          `plan_window: organization ${plan.organizationId} is not known`,
        );
      const hours = hoursRefusal(plan, ctx.organization);
      if (hours) return hours;
      const overlap = ctx.others.find(
        (other) =>
          other.id !== ctx.windowId &&
          other.organizationId === plan.organizationId &&
          !other.cancelled &&
          overlaps(other, plan),
      );
      if (overlap)
        return {
          status: 'conflict',
          error: {
            code: 'window_overlaps',
            message: `plan_window: the window overlaps window ${overlap.id} (${overlap.startsAt} – ${overlap.endsAt})`,
          },
        };
      return { status: 'applied', window: plannedWindow(ctx.windowId, plan, by) };
    }
    case 'cancel_window': {
      const parsed = commandPayloads.cancel_window.safeParse(payload);
      if (!parsed.success) return invalidPayload(type, parsed.error.issues[0]);
      if (!window)
        return refuse('unknown_window', `cancel_window: window ${ctx.windowId} does not exist`);
      // Cancelling twice, or after the window is over (as of the engineer's action), changes nothing.
      if (window.cancelled || parseInstant(window.endsAt)! <= parseInstant(ctx.at)!)
        return { status: 'noop' };
      return { status: 'applied', window: cancelledWindow(window, by, parsed.data.reason) };
    }
  }
}

/** The window a `plan_window` makes (version 1), as the ERP stores it and the device shows it. */
export function plannedWindow(
  id: string,
  plan: PlanWindowPayload,
  by: WindowRecord,
): MaintenanceWindow {
  return {
    id,
    organizationId: plan.organizationId,
    startsAt: plan.startsAt,
    endsAt: plan.endsAt,
    unavailable: plan.unavailable,
    mode: plan.mode,
    planned: by,
    override: plan.overrideReason === undefined ? null : { reason: plan.overrideReason },
    cancelled: null,
    version: 1,
  };
}

/** The window after a `cancel_window`: kept, marked cancelled, one version on. */
export function cancelledWindow(
  window: MaintenanceWindow,
  by: WindowRecord,
  reason: string | undefined,
): MaintenanceWindow {
  return {
    ...window,
    cancelled: reason ? { ...by, reason } : by,
    version: window.version + 1,
  };
}

function invalidPayload(
  type: WindowCommandType,
  issue: { path: PropertyKey[]; message: string } | undefined,
): WindowOutcome {
  return refuse(
    'invalid_payload',
    `${type}: payload.${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
  );
}

function overlaps(
  a: { startsAt: string; endsAt: string },
  b: { startsAt: string; endsAt: string },
) {
  return (
    parseInstant(a.startsAt)! < parseInstant(b.endsAt)! &&
    parseInstant(b.startsAt)! < parseInstant(a.endsAt)!
  );
}

/** §5 as the ERP enforces it: closed hours need a reason, and a reason needs closed hours. */
function hoursRefusal(
  plan: { startsAt: string; endsAt: string; overrideReason?: string | undefined },
  organization: Organization,
): WindowOutcome | null {
  const check = checkWindowHours(plan, organization);
  if (check.allowed)
    return plan.overrideReason === undefined
      ? null
      : refuse(
          'override_not_needed',
          'plan_window: the window keeps to the allowed hours; an override reason is accepted only for a window that does not',
        );
  switch (check.problem) {
    case 'closed_hours':
      return plan.overrideReason === undefined
        ? refuse('outside_allowed_hours', closedHoursMessage(check.overlaps[0]!, organization))
        : null;
    case 'calendar_not_covered':
      return refuse(
        'calendar_not_covered',
        `plan_window: the production calendar ${organization.calendar} has no data for ${check.year}`,
      );
    case 'unknown_calendar':
      return refuse(
        'calendar_not_covered',
        `plan_window: the production calendar ${check.calendar} is not known`,
      );
    case 'unknown_zone':
      return refuse(
        'calendar_not_covered',
        `plan_window: the organization's time zone ${check.timeZone} is not known`,
      );
    case 'invalid_interval':
      return refuse('invalid_payload', 'plan_window: payload.endsAt must be after startsAt');
  }
}

function closedHoursMessage(first: ClosedOverlap, organization: Organization): string {
  const from = localWall(first.startsAt, organization.timeZone).slice(11);
  const to = localWall(first.endsAt, organization.timeZone).slice(11);
  return `plan_window: ${first.date} is a working day and ${from}–${to} (${organization.timeZone}) falls into its 07:00–18:00; plan outside those hours or give overrideReason`;
}
