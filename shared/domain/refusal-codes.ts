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
