/**
 * Every code `applyCommand` refuses a command with. The ERP answers with the same codes (it runs
 * the same rules), and the device turns each into words and into the actions that can still
 * succeed (`shared/sync/refusal-classes.ts`): a code added here without being classified there
 * does not compile.
 */
export const COMMAND_REFUSAL_CODES = [
  'invalid_payload',
  'unknown_ticket',
  'unknown_organization',
  'created_in_future',
  'late_registration_reason_required',
  'visit_before_ticket',
  'visit_in_future',
  'release_date_in_past',
  'invalid_transition',
  'ticket_exists',
  'assigned_elsewhere',
  'assignment_changed',
  'unknown_user',
  'inactive_user',
] as const;

export type CommandRefusalCode = (typeof COMMAND_REFUSAL_CODES)[number];

/**
 * The codes only maintenance-window commands are refused with (shared/maintenance); besides
 * them, a window command may be refused `invalid_payload` or `unknown_organization`.
 */
export const WINDOW_ONLY_REFUSAL_CODES = [
  'outside_allowed_hours',
  'override_not_needed',
  'calendar_not_covered',
  'window_overlaps',
  'window_exists',
  'unknown_window',
  /** The ERP has no maintenance windows (Redmine). */
  'not_supported',
] as const;

export type WindowRefusalCode =
  | (typeof WINDOW_ONLY_REFUSAL_CODES)[number]
  | Extract<CommandRefusalCode, 'invalid_payload' | 'unknown_organization'>;
