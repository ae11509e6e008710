import type { CommandType } from '../../../shared/erp/commands';

/*
 * What each command does to a ticket on the server, as shared/domain/apply-command.ts decides it.
 * Keyed by every command type, so a new type does not compile until it is described here; the
 * protocol guide (docs/erp-protocol.md) says the same at length.
 */

/** `schedule_fix` → `ScheduleFix`. */
const pascalCase = (name: string) =>
  name.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

/** The component names of a command type: `ScheduleFixCommand`, `ScheduleFixPayload`. */
export const commandComponentId = (type: CommandType) => `${pascalCase(type)}Command`;
export const payloadComponentId = (type: CommandType) => `${pascalCase(type)}Payload`;

export const COMMON_COMMAND_RULES =
  'Every applied command except `create` increases the ticket `version` by 1 and sets ' +
  '`updatedAt` to the server time. Commands that add an SLA event or an `assignments` entry ' +
  'record it with `at` = `clientCreatedAt`, clamped to the server time and to the previous ' +
  'event (then `adjusted: true`). Every record (event, comment, work log, hand-over) carries ' +
  "`author` and `authorId`: the name and the id of the bearer token's user, whatever the " +
  'device claims. A refusal by the SLA rules is `invalid_transition`: `conflict` when ' +
  '`baseVersion` is older than the ticket, `rejected` otherwise.';

export const COMMAND_DOCS: Record<CommandType, string> = {
  create:
    'Registers a support request (§4 of the regulation) under the client-generated `ticketId`. ' +
    'The server assigns `number`; the new ticket has `version` 1, `state` "open", no assignee and ' +
    'no events. `createdAt` up to 5 minutes in the server future is taken as the server time. ' +
    'Refusals: `ticket_exists` (conflict), `unknown_organization`, `created_in_future`, ' +
    '`late_registration_reason_required` (created more than 30 days before the action without ' +
    '`lateRegistrationReason`).',
  react:
    'Takes the ticket into work: `assignee` becomes the id of the token user, an `assignments` ' +
    'entry records the change of hands, and (the first time only) a `reacted` event stops the ' +
    'reaction clock; taking a released ticket again adds no second `reacted`. `noop` when the ' +
    'user already has it; `conflict` `assigned_elsewhere` when another user does, whatever ' +
    '`baseVersion`, with `error.holder` naming them.',
  pause:
    'Suspends work for one of the regulation reasons: `state` "paused", event `paused` with ' +
    '`reason` and `note`. A `note` is required when the reason is "other".',
  resume: 'Ends a pause: `state` "open", event `resumed`.',
  resolve: 'Resolves the ticket: `state` "resolved", `result` set, event `resolved`.',
  reopen:
    'Reopens a resolved ticket: `state` "open", event `reopened` (the reference server does not ' +
    'store `reason`).',
  schedule_fix:
    'P4 only: answers with the release date of the fixing update, which stops the resolution ' +
    'clock; `releaseDate` set, event `fix_scheduled`. `release_date_in_past` when the date is ' +
    "before the day of the answer in the organization's time zone.",
  extend:
    'P3 only: records an agreed extension of the resolution target by `hours` (event `extended`).',
  change_priority:
    'Changes the priority (`noop` when unchanged): `priority` set, event `priority_changed`; the ' +
    'ticket is then evaluated with the new priority from `createdAt`.',
  comment:
    'Adds a comment (`comments` entry with `commandId`, `author`, `at`, `text`); no SLA event.',
  log_work:
    'Logs an on-site visit or other work (`workLogs` entry); no SLA event. Refusals: ' +
    '`visit_before_ticket` (starts before the minute the ticket was created), `visit_in_future` ' +
    '(ends more than 5 minutes after the action).',
  assign:
    'Hands the ticket to a colleague (`to`: a user id) or releases it (`to`: null): `assignee` ' +
    'set, an `assignments` entry (`from`, `to` as id and name, `author`, `authorId`, `at`, ' +
    '`version`); no SLA event. `noop` when `to` already has it. Refusals: `unknown_user` and ' +
    '`inactive_user` (rejected; the message names `payload.to`), `assignment_changed` (conflict: ' +
    'another user changed the assignee after `baseVersion`; `error.holder` is who has it now, ' +
    'null for nobody).',
  attach:
    'Makes a blob a file of the ticket (`attachments` entry with `commandId`, `author`, ' +
    '`authorId`, `at`, `sha256`, `name`, `type`, `size`); no SLA event; allowed in every state. ' +
    'Upload the blob first (`PUT /sync/v1/blobs/{sha256}`): until it is complete the command is ' +
    '`deferred` with `blob_incomplete` and stops the batch, so a ticket never points at a missing ' +
    'file. `noop` when the ticket already lists that content. Refusals: `blob_size_mismatch` ' +
    "(`size` differs from the stored blob's), `blob_too_large` (`size` over the server's limit: " +
    'the blob can never arrive).',
  detach:
    'Removes a file from the ticket: its `attachments` entry gains `removed` (`commandId`, ' +
    '`author`, `authorId`, `at`) and stays in the history; the blob is kept. `noop` when the ' +
    'ticket does not list that content now. Attaching it again adds a new entry.',
  plan_window:
    'Plans a maintenance window (regulation §2, §5) under the client-generated id carried in ' +
    '`ticketId`; `baseVersion` is null. The result carries `window` (version 1) instead of ' +
    '`ticket`; `planned.at` is `clientCreatedAt` clamped to the server time. §5: 07:00–18:00 of ' +
    "a working day in the organization's zone and production calendar is closed. Refusals: " +
    '`outside_allowed_hours` (the message names the first working day and its hours) unless ' +
    '`overrideReason` is given, then `override.reason` is recorded; `override_not_needed` for a ' +
    'reason on a window that needs none; `calendar_not_covered`; `unknown_organization`; ' +
    '`window_exists`; `conflict` `window_overlaps` when another window of the organization ' +
    'that is not cancelled overlaps it.',
  cancel_window:
    'Cancels a maintenance window (its id in `ticketId`, its version in `baseVersion`): the ' +
    'window stays, with `cancelled` set, and its version grows by one. `noop` when it is ' +
    'already cancelled or ended before the action (`clientCreatedAt`); `unknown_window` when ' +
    'there is no such window.',
};
