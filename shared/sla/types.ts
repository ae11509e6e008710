// Contract 1 of DESIGN.md: the shapes both processes and the ERP agree on.

export type Priority = 1 | 2 | 3 | 4;

export const PAUSE_REASONS = [
  'user_side_fault',
  'third_party_fault',
  'awaiting_user_action',
  'awaiting_user_info',
  'awaiting_third_party_info',
  'user_unreachable',
  'equipment_delivery',
  'other',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Pause reasons after which the regulation (§5) says the user is told by e-mail. */
export const PAUSE_REASONS_WITH_EMAIL: readonly PauseReason[] = [
  'user_side_fault',
  'third_party_fault',
  'awaiting_user_action',
];

export const SLA_EVENT_TYPES = [
  'reacted',
  'paused',
  'resumed',
  'resolved',
  'fix_scheduled',
  'reopened',
  'extended',
  'priority_changed',
] as const;
export type SlaEventType = (typeof SLA_EVENT_TYPES)[number];

export interface SlaEvent {
  type: SlaEventType;
  at: string;
  reason?: PauseReason;
  note?: string;
  hours?: number;
  to?: Priority;
  releaseDate?: string;
}

export interface SlaTicket {
  priority: Priority;
  /** ISO 8601 with `Z` or an offset. */
  createdAt: string;
  /** IANA zone of the customer's organization. */
  timeZone: string;
  /** 'RU' (default) | 'none' | a registered id. */
  calendar?: string;
  events: SlaEvent[];
}

export type ClockStatus = 'running' | 'waiting' | 'paused' | 'met' | 'breached';

export interface ClockState {
  status: ClockStatus;
  targetMs: number;
  elapsedMs: number;
  /** target − elapsed; negative when overdue. */
  remainingMs: number;
  dueAt: string | null;
  stoppedAt: string | null;
}

export type ClockName = 'reaction' | 'resolution';

export interface SlaEvaluation {
  reaction: ClockState;
  resolution: ClockState;
  /** Present only when something was assumed, e.g. a year the calendar has no data for. */
  warnings?: string[];
}

export interface PlannedAlert {
  clock: ClockName;
  level: number;
  at: string;
}

/**
 * What kind of bad input the engine refused: stable codes a UI maps to its own words, while the
 * message (English, naming the offending field or event) is for logs and diagnostics.
 */
export const SLA_ERROR_CODES = [
  /** `now` is earlier than `createdAt`: usually a device clock far behind the ERP's. */
  'now_before_created',
  /** `now` is not an instant (an invalid Date, a string without Z or an offset). */
  'invalid_now',
  /** A field of the ticket itself is missing or malformed (priority, createdAt, events). */
  'invalid_ticket',
  'unknown_zone',
  'unknown_calendar',
  /** An event is malformed: its type, its time or one of its fields. */
  'invalid_event',
  'event_before_created',
  'events_out_of_order',
  /** An event the ticket's state or priority does not allow then (a second pause, a P2 extension). */
  'event_not_allowed',
  /** Working time would have to be counted in a year the engine has no tables for. */
  'year_not_supported',
  /** The caller's SlaConfig or alert levels are invalid. */
  'invalid_config',
] as const;
export type SlaErrorCode = (typeof SLA_ERROR_CODES)[number];

/** Bad input: `code` says what kind, the message names the offending field or event. */
export class SlaInputError extends Error {
  override name = 'SlaInputError';
  readonly code: SlaErrorCode;

  constructor(code: SlaErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
