import type { CommandRefusalCode, WindowRefusalCode } from '../domain/refusal-codes';

/**
 * Refusal codes that come from the protocol rather than the ticket rules: command-level codes of
 * contract 2 the shared rules do not produce, the envelope codes of a 400/413 that, once the
 * batch is halved to one command, set that command aside (`push.ts`), and the device's own
 * `invalid_command` for a row that cannot be put on the wire. (`deferred` codes never end in a
 * dead letter: the command is resent.)
 */
export const PROTOCOL_REFUSAL_CODES = [
  'ticket_deleted',
  'seq_reused',
  'internal_error',
  'invalid_command',
  'malformed_json',
  'invalid_request',
  'unknown_command_type',
  'too_many_commands',
  'body_too_large',
  // Attachments (contract 2, "Blobs"): the blob's upload was refused for good (blob-upload.ts),
  // or `attach` named a size the stored blob does not have.
  'blob_too_large',
  'blob_hash_mismatch',
  'blob_part_invalid',
  'blob_missing',
  'blob_size_mismatch',
] as const;

export type ProtocolRefusalCode = (typeof PROTOCOL_REFUSAL_CODES)[number];
export type KnownRefusalCode = CommandRefusalCode | ProtocolRefusalCode | WindowRefusalCode;

/**
 * What a refusal means for the action the user took, and so what can still succeed:
 * - `transient`: nothing is wrong with the action or the ticket; the same action sent again can
 *   be accepted (the ERP failed on it, or a number clashed);
 * - `superseded`: the ticket changed meanwhile (a colleague was first): the action no longer fits
 *   and sending it again would be refused again; it can be redone on the ticket as it is now;
 * - `invalid`: what was typed cannot be accepted (a date in the past, a colleague who left):
 *   it can be corrected and sent;
 * - `gone`: there is nothing to apply it to (the ticket was deleted, never existed, or already
 *   exists): only what was typed is left to keep.
 */
export type RefusalClass = 'transient' | 'superseded' | 'invalid' | 'gone';

export const REFUSAL_CLASSES: Readonly<Record<KnownRefusalCode, RefusalClass>> = {
  invalid_payload: 'invalid',
  unknown_ticket: 'gone',
  unknown_organization: 'gone',
  created_in_future: 'invalid',
  late_registration_reason_required: 'invalid',
  visit_before_ticket: 'invalid',
  visit_in_future: 'invalid',
  release_date_in_past: 'invalid',
  invalid_transition: 'superseded',
  ticket_exists: 'gone',
  assigned_elsewhere: 'superseded',
  assignment_changed: 'superseded',
  unknown_user: 'invalid',
  inactive_user: 'invalid',
  ticket_deleted: 'gone',
  seq_reused: 'transient',
  internal_error: 'transient',
  invalid_command: 'invalid',
  malformed_json: 'invalid',
  invalid_request: 'invalid',
  // The ERP is older than the app: the same command is accepted once the ERP is updated.
  unknown_command_type: 'transient',
  // One command alone over the command limit can only be the server miscounting.
  too_many_commands: 'transient',
  body_too_large: 'invalid',
  // The file cannot be sent as it is; attaching a smaller or intact file can succeed.
  blob_too_large: 'invalid',
  blob_hash_mismatch: 'invalid',
  blob_part_invalid: 'invalid',
  blob_size_mismatch: 'invalid',
  // Its content is gone from this device: only the name (what was typed) is left.
  blob_missing: 'gone',
  // Maintenance windows: other hours, or a reason only where one is needed, can be accepted.
  outside_allowed_hours: 'invalid',
  override_not_needed: 'invalid',
  // The year's production calendar must reach the ERP first; other dates can be planned now.
  calendar_not_covered: 'invalid',
  // A colleague planned a window for the same time meanwhile.
  window_overlaps: 'superseded',
  window_exists: 'gone',
  unknown_window: 'gone',
  // This ERP keeps no windows: nothing to apply the action to, however it is sent.
  not_supported: 'gone',
};

export function isKnownRefusalCode(code: string): code is KnownRefusalCode {
  return Object.hasOwn(REFUSAL_CLASSES, code);
}

/**
 * The class of a refusal. A code this app does not know (another ERP's, or a newer one) is judged
 * by the ERP's status: a conflict is about what changed meanwhile, anything else about the
 * action itself; neither is resent blindly.
 */
export function classifyRefusal(
  code: string,
  status: 'conflict' | 'rejected' | 'local',
): RefusalClass {
  if (isKnownRefusalCode(code)) return REFUSAL_CLASSES[code];
  return status === 'conflict' ? 'superseded' : 'invalid';
}
