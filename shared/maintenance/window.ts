import { z } from 'zod';
import { isoInstant } from '../erp/iso-instant';
import { parseInstant } from '../sla/instants';
import type { Authorship } from '../domain/ticket';

/*
 * Maintenance windows (regulation §2, §5): a planned period in which the customer's software runs
 * in the "normal" mode with some functions unavailable, or in the "autonomous" mode. They travel
 * through contract 2 like tickets: a `maintenance_window` entity in the changes feed and the
 * `plan_window` / `cancel_window` commands in a push (docs/erp-protocol.md, "Maintenance windows").
 */

/** §2: штатный / автономный. */
export const MAINTENANCE_MODES = ['normal', 'autonomous'] as const;
export type MaintenanceMode = (typeof MAINTENANCE_MODES)[number];

/** Longer is a typo or a project, not a maintenance window. */
export const MAX_WINDOW_DAYS = 14;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 3_600_000;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/**
 * `plan_window`: the command's `ticketId` field carries the window's id (a UUID the device makes),
 * so a window is planned exactly once like any other command. `overrideReason` is required by the
 * server when the window leaves the allowed hours (allowed-hours.ts) and refused when it does not.
 */
export const planWindowPayload = z
  .object({
    organizationId: text('organizationId', 64),
    startsAt: isoInstant,
    endsAt: isoInstant,
    unavailable: text('unavailable', 2_000),
    mode: z.enum(MAINTENANCE_MODES, { error: 'mode must be "normal" or "autonomous"' }),
    overrideReason: text('overrideReason', 2_000).optional(),
  })
  .strict()
  .superRefine((payload, ctx) => {
    const starts = parseInstant(payload.startsAt);
    const ends = parseInstant(payload.endsAt);
    if (starts === null || ends === null) return;
    if (ends <= starts)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
    else if (ends - starts > MAX_WINDOW_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `a window must be at most ${MAX_WINDOW_DAYS} days long`,
      });
  });
export type PlanWindowPayload = z.infer<typeof planWindowPayload>;

/** `cancel_window`: the window stays in the history, marked cancelled. */
export const cancelWindowPayload = z
  .object({ reason: z.string().trim().max(2_000).optional() })
  .strict();
export type CancelWindowPayload = z.infer<typeof cancelWindowPayload>;

/** A recorded decision: who did it, when (their action time) and through which command. */
export interface WindowRecord extends Authorship {
  commandId: string;
  at: string;
}

/** A window as the ERP stores it and the changes feed carries it. */
export interface MaintenanceWindow {
  id: string;
  organizationId: string;
  startsAt: string;
  endsAt: string;
  /** What will be unavailable, in the customer's words for the notice letter. */
  unavailable: string;
  mode: MaintenanceMode;
  planned: WindowRecord;
  /** Present when the window leaves the allowed hours: why it was planned anyway. */
  override: { reason: string } | null;
  cancelled: (WindowRecord & { reason?: string }) | null;
  version: number;
}

const record = z.object({
  author: z.string(),
  authorId: z.string().nullable(),
  commandId: z.string(),
  at: isoInstant,
});

/** `data` of a `maintenance_window` change. Loose like the other entities. */
export const maintenanceWindowEntity = z
  .object({
    id: z.string().min(1).max(64),
    organizationId: z.string().min(1).max(64),
    startsAt: isoInstant,
    endsAt: isoInstant,
    unavailable: z.string().max(2_000),
    mode: z.enum(MAINTENANCE_MODES),
    planned: record,
    override: z.object({ reason: z.string().max(2_000) }).nullable(),
    cancelled: record.extend({ reason: z.string().max(2_000).optional() }).nullable(),
    version: z.number().int().positive(),
  })
  .loose();
