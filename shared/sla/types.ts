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

/** Bad input: the message names the offending field or event. */
export class SlaInputError extends Error {
  override name = 'SlaInputError';
}
