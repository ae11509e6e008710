import { z } from 'zod';
import { PAUSE_REASONS } from '../sla/types';
import { parseIsoDate } from '../calendars/civil-date';
import { parseInstant } from '../sla/instants';
import { isoInstant } from './iso-instant';
import { emailProblem } from './email-address';
import { attachPayload, detachPayload } from './blobs';
import { cancelWindowPayload, planWindowPayload } from '../maintenance/window';

export { EARLIEST_INSTANT_MS, isoInstant } from './iso-instant';

// Command payloads of contract 2. Each user action becomes one command; the ticket's SLA events
// are derived from the commands the server applied (see ticket-commands.ts).

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

export const isoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== null, 'must be a YYYY-MM-DD date');

const EMAIL_RULES = {
  shape: 'must be an e-mail address like name@example.ru: exactly one "@", no spaces',
  mailbox:
    'must be an e-mail address whose mailbox (before "@") is Latin letters, digits and . _ \' + - (a dot neither first, last nor doubled)',
  domain:
    'must be an e-mail address whose domain (after "@") is like example.ru or почта.рф (as it reads, not xn--): two or more labels of letters, digits and inner hyphens, the last not all digits',
} as const;

/** An address mail can be sent to; the domain may be internationalised (see email-address.ts). */
const emailAddress = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .max(254, `${field} must be at most 254 characters`)
    .superRefine((value, ctx) => {
      const problem = emailProblem(value);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: `${field} ${EMAIL_RULES[problem]}`,
          params: { email: problem },
        });
    });

export const prioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'priority must be 1, 2, 3 or 4',
});
export const pauseReasonSchema = z.enum(PAUSE_REASONS);

/** The request fields of §4 plus what the registration needs. */
export const createPayload = z
  .object({
    organizationId: text('organizationId', 64),
    account: text('account', 200),
    reporterEmail: emailAddress('reporterEmail'),
    priority: prioritySchema,
    title: text('title', 300),
    steps: text('steps', 20_000),
    expected: text('expected', 20_000),
    actual: text('actual', 20_000),
    diagnostics: text('diagnostics', 20_000),
    notUserSideConfirmed: z.literal(true, {
      error: 'notUserSideConfirmed must be true: the user confirms the cause is not on their side',
    }),
    createdAt: isoInstant,
    /** Why a request created long before its registration is registered only now (command-rules.ts). */
    lateRegistrationReason: text('lateRegistrationReason', 2_000).optional(),
  })
  .strict();

export const pausePayload = z
  .object({ reason: pauseReasonSchema, note: z.string().trim().max(5_000).optional() })
  .strict()
  .refine((p) => p.reason !== 'other' || (p.note !== undefined && p.note.length > 0), {
    message: 'note is required when the pause reason is "other"',
    path: ['note'],
  });

export const logWorkPayload = z
  .object({ startedAt: isoInstant, endedAt: isoInstant, note: text('note', 5_000) })
  .strict()
  .refine((p) => parseInstant(p.endedAt)! > parseInstant(p.startedAt)!, {
    message: 'endedAt must be after startedAt',
    path: ['endedAt'],
  });

/** An ERP user id, as `session` and the `user` entities name it. */
export const userId = (field: string) =>
  z
    .string({ error: `${field} must be a user id (a string) or null` })
    .min(1, `${field} must not be empty`)
    .max(200, `${field} must be at most 200 characters`);

export const commandPayloads = {
  create: createPayload,
  react: z.object({}).strict(),
  pause: pausePayload,
  resume: z.object({}).strict(),
  resolve: z.object({ result: text('result', 20_000) }).strict(),
  reopen: z.object({ reason: z.string().trim().max(5_000).optional() }).strict(),
  schedule_fix: z.object({ releaseDate: isoDate }).strict(),
  extend: z
    .object({
      hours: z.number().finite().positive('hours must be > 0').max(10_000),
      note: text('note', 5_000),
    })
    .strict(),
  change_priority: z.object({ to: prioritySchema }).strict(),
  comment: z.object({ text: text('text', 20_000) }).strict(),
  log_work: logWorkPayload,
  /** Hands the ticket to a colleague (`to`: their user id) or releases it (`to: null`). */
  assign: z.object({ to: userId('to').nullable() }).strict(),
  /** A file (a blob uploaded first: docs/erp-protocol.md, "Blobs") becomes part of the ticket. */
  attach: attachPayload,
  /** The ticket no longer lists the file; its history keeps that it had it. */
  detach: detachPayload,
  /**
   * Maintenance windows (docs/erp-protocol.md, "Maintenance windows"): `ticketId` carries the
   * window's id; these never touch a ticket.
   */
  plan_window: planWindowPayload,
  cancel_window: cancelWindowPayload,
} as const;

/** Commands about a maintenance window rather than a ticket. */
export const WINDOW_COMMAND_TYPES = ['plan_window', 'cancel_window'] as const;
export type WindowCommandType = (typeof WINDOW_COMMAND_TYPES)[number];
export type TicketCommandType = Exclude<CommandType, WindowCommandType>;

export function isWindowCommand(type: string): type is WindowCommandType {
  return type === 'plan_window' || type === 'cancel_window';
}

export type CommandType = keyof typeof commandPayloads;
export const COMMAND_TYPES = Object.keys(commandPayloads) as CommandType[];
export type CommandPayload<T extends CommandType> = z.infer<(typeof commandPayloads)[T]>;
