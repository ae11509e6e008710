import { z } from 'zod';
import { sha256Hex } from '../erp/blobs';
import { isoInstant, pauseReasonSchema, prioritySchema } from '../erp/commands';
import type { Change } from '../erp/protocol';
import { userEntity, userRef } from '../erp/users';
import { SLA_EVENT_TYPES } from '../sla/types';
import { maintenanceWindowEntity } from '../maintenance/window';

/*
 * The wire schema leaves `data` open (`unknown`). What we store must still be a ticket, an
 * organization or a user, or the queue and the optimistic view would crash on it later, far from the cause.
 * Objects are loose: a field a newer ERP adds is kept, not stripped.
 */

const eventRecord = z
  .object({
    type: z.enum(SLA_EVENT_TYPES),
    at: isoInstant,
    commandId: z.string(),
    author: z.string(),
    authorId: z.string().nullable(),
    adjusted: z.boolean().optional(),
    receivedAt: isoInstant.optional(),
    reason: pauseReasonSchema.optional(),
    note: z.string().optional(),
    hours: z.number().optional(),
    to: prioritySchema.optional(),
    releaseDate: z.string().optional(),
  })
  .loose();

const entry = z
  .object({
    commandId: z.string(),
    author: z.string(),
    authorId: z.string().nullable(),
    at: isoInstant,
    // When the ERP applied the record: absent on records from before the ERP kept it.
    receivedAt: isoInstant.optional(),
  })
  .loose();

export const ticketSchema = z
  .object({
    id: z.string().min(1),
    number: z.number().int().nullable(),
    organizationId: z.string().min(1),
    account: z.string(),
    reporterEmail: z.string(),
    title: z.string(),
    steps: z.string(),
    expected: z.string(),
    actual: z.string(),
    diagnostics: z.string(),
    notUserSideConfirmed: z.literal(true),
    lateRegistrationReason: z.string().optional(),
    priority: prioritySchema,
    initialPriority: prioritySchema,
    createdAt: isoInstant,
    state: z.enum(['open', 'paused', 'resolved']),
    assignee: z.string().nullable(),
    result: z.string().nullable(),
    releaseDate: z.string().nullable(),
    events: z.array(eventRecord),
    comments: z.array(entry.extend({ text: z.string() })),
    workLogs: z.array(
      entry.extend({ startedAt: isoInstant, endedAt: isoInstant, note: z.string() }),
    ),
    assignments: z.array(
      entry.extend({
        from: userRef.nullable(),
        to: userRef.nullable(),
        version: z.number().int().positive(),
        adjusted: z.boolean().optional(),
      }),
    ),
    // Names and types are shown only after the device sanitizes them (shared/files): an odd one
    // from another ERP must not make the whole ticket unstorable.
    attachments: z
      .array(
        entry.extend({
          sha256: sha256Hex,
          name: z.string(),
          type: z.string(),
          size: z.number().int().positive(),
          adjusted: z.boolean().optional(),
          removed: entry.optional(),
        }),
      )
      .optional(),
    updatedAt: isoInstant,
    version: z.number().int().positive(),
  })
  .loose();

export const organizationSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    timeZone: z.string().min(1),
    calendar: z.string().min(1),
    accounts: z.array(z.string()),
    contactEmails: z.array(z.string()),
    version: z.number().int().positive(),
  })
  .loose();

const ENTITY_SCHEMAS = {
  ticket: ticketSchema,
  organization: organizationSchema,
  user: userEntity,
  maintenance_window: maintenanceWindowEntity,
} as const satisfies Record<Change['entity'], z.ZodType<{ id: string; version: number }>>;

/** Checks one ticket as the ERP returned it (push results carry one); the reason or null. */
export function invalidTicket(data: unknown): string | null {
  const parsed = ticketSchema.safeParse(data);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `ticket.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`;
}

/** Checks one window as the ERP returned it (window commands' results); the reason or null. */
export function invalidWindow(data: unknown): string | null {
  const parsed = maintenanceWindowEntity.safeParse(data);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `window.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`;
}

/** The first reason a page of changes cannot be stored, or null when all of it can. */
export function validateChanges(changes: readonly Change[]): string | null {
  for (const [index, change] of changes.entries()) {
    if (change.deleted) continue;
    const schema = ENTITY_SCHEMAS[change.entity];
    const parsed = schema.safeParse(change.data);
    const where = `changes.${index} (${change.entity} ${change.id})`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `${where}: data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`;
    }
    if (parsed.data.id !== change.id || parsed.data.version !== change.version) {
      return `${where}: data.id/version do not match the change`;
    }
  }
  return null;
}
