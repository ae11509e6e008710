import { z } from 'zod';
import { COMMAND_TYPES, isoInstant } from './commands';
import { userRef } from './users';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_COMMANDS = 500;
export const MAX_PULL_LIMIT = 1_000;

/** Contract 2's endpoints, relative to the ERP's base address: the only paths a client calls. */
export const ERP_PATHS = {
  session: '/sync/v1/session',
  push: '/sync/v1/push',
  changes: '/sync/v1/changes',
} as const;

const uuid = z.uuid('must be a UUID');

/** One command as it travels; the payload is checked per type by `commandPayloads`. */
export const wireCommand = z
  .object({
    commandId: uuid,
    seq: z.number().int().positive('seq must be a positive integer'),
    type: z.enum(COMMAND_TYPES as [string, ...string[]], {
      error: `type must be one of ${COMMAND_TYPES.join(', ')}`,
    }),
    ticketId: z.string().min(1).max(64),
    /**
     * The ticket version the device saw; null for `create`. A window command carries the window's
     * id in `ticketId` and its version here (null for `plan_window`).
     */
    baseVersion: z.number().int().nonnegative().nullable(),
    payload: z.record(z.string(), z.unknown()),
    /** When the engineer acted, corrected by the device's measured clock offset. */
    clientCreatedAt: isoInstant,
  })
  .strict();
export type WireCommand = z.infer<typeof wireCommand>;

export const pushRequest = z
  .object({
    protocolVersion: z.number().int(),
    deviceId: uuid,
    commands: z
      .array(wireCommand)
      .max(MAX_PUSH_COMMANDS, `at most ${MAX_PUSH_COMMANDS} commands per push`),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

export const COMMAND_STATUSES = [
  'applied',
  'duplicate',
  'noop',
  'conflict',
  'rejected',
  'deferred',
] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  /**
   * On a conflict about who has the ticket (`assigned_elsewhere`, `assignment_changed`): who has
   * it now (null: nobody), so the device can say it in its user's language.
   */
  holder: userRef.nullable().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const commandResult = z.object({
  commandId: uuid,
  seq: z.number().int().positive(),
  status: z.enum(COMMAND_STATUSES),
  /** On a `duplicate`: what the first delivery's answer was (it may have been lost on the way). */
  originalStatus: z.enum(['applied', 'noop', 'conflict', 'rejected']).optional(),
  ticket: z.unknown().optional(),
  /** A window command's result carries the window as stored (instead of `ticket`). */
  window: z.unknown().optional(),
  error: errorBody.optional(),
});
export type CommandResult = z.infer<typeof commandResult>;

/**
 * A command after a `deferred` one in the same push: commands apply in order, so the rest wait
 * for it (the device resends them after it).
 */
export function notProcessedAfterDeferral(base: { commandId: string; seq: number }): CommandResult {
  return {
    ...base,
    status: 'deferred',
    error: {
      code: 'not_processed',
      message: 'an earlier command of this push was deferred: resend this one after it',
    },
  };
}

export const pushResponse = z.object({
  lastSeq: z.number().int().nonnegative(),
  results: z.array(commandResult),
  serverTime: isoInstant,
});
export type PushResponse = z.infer<typeof pushResponse>;

export const change = z.object({
  entity: z.enum(['ticket', 'organization', 'user', 'maintenance_window']),
  id: z.string().min(1),
  version: z.number().int().positive(),
  deleted: z.boolean(),
  data: z.unknown(),
});
export type Change = z.infer<typeof change>;

/**
 * On the pages of an initial snapshot (a pull without a cursor): how many of its entities were
 * sent up to and including this page, of how many. Optional: a server may leave it out, and the
 * client then shows no count. A page carrying it names only entities not sent before in the
 * same snapshot.
 */
export const snapshotProgress = z
  .object({
    sent: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .refine((progress) => progress.sent <= progress.total, {
    message: 'sent must not exceed total',
    path: ['sent'],
  });
export type SnapshotProgress = z.infer<typeof snapshotProgress>;

export const changesResponse = z.object({
  changes: z.array(change),
  nextCursor: z.string().min(1),
  hasMore: z.boolean(),
  snapshot: snapshotProgress.optional(),
});
export type ChangesResponse = z.infer<typeof changesResponse>;

/** Every error response carries `{ error: { code, message } }`; the message names the field. */
export const errorResponse = z.object({ error: errorBody });

/** `GET /sync/v1/session`: who the token belongs to, and the server's clock. */
export const sessionResponse = z.object({
  user: userRef.extend({ email: z.string().max(254).optional() }),
  serverTime: isoInstant,
  protocolVersion: z.number().int(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
