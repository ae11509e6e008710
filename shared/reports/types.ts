import type { PauseReason, Priority } from '../sla/types';
import type { ReportPeriod } from './period';

/**
 * A clock's standing in the period: `met` / `breached` when its verdict was decided inside the
 * period (see README "Compliance reports"), `open` when it is still undecided at the period end,
 * `outside` when it was decided in another period.
 */
export type ClockVerdict = 'met' | 'breached' | 'open' | 'outside';

export interface ClockLine {
  verdict: ClockVerdict;
  /** Working time the engine counted, as of the period end. */
  elapsedMs: number;
  targetMs: number;
  dueAt: string | null;
  stoppedAt: string | null;
}

/** One ticket as the report saw it: plain data, so an export can write it as it is. */
export interface TicketLine {
  ticketId: string;
  number: number | null;
  title: string;
  organizationId: string;
  /** The priority the engine evaluated with: the latest one as of the period end. */
  priority: Priority;
  createdAt: string;
  reaction: ClockLine;
  resolution: ClockLine;
  /** Wall-clock time paused, by reason, up to the period end. */
  pausedMs: Partial<Record<PauseReason, number>>;
  /** Hours of P3 extensions agreed up to the period end (0 for other priorities). */
  extensionHours: number;
  /** The release date of the first P4 fix-date answer up to the period end. */
  fixDate: string | null;
}

/** A number and the tickets behind it. */
export interface Drill {
  count: number;
  ticketIds: string[];
}

export interface DurationStat {
  ms: number;
  /** The ticket whose time this is (nearest-rank percentiles are samples). */
  ticketId: string;
}

export interface PauseTotal {
  reason: PauseReason;
  ms: number;
  ticketIds: string[];
}

export interface ReportCell {
  organizationId: string;
  priority: Priority;
  /** Tickets with at least one clock decided in the period. */
  tickets: Drill;
  reactionMet: Drill;
  reactionBreached: Drill;
  resolutionMet: Drill;
  resolutionBreached: Drill;
  /** met / (met + breached); null when nothing was decided. */
  reactionShareMet: number | null;
  resolutionShareMet: number | null;
  reactionMedian: DurationStat | null;
  reactionP90: DurationStat | null;
  resolutionMedian: DurationStat | null;
  resolutionP90: DurationStat | null;
  paused: PauseTotal[];
  extensions: Drill & { hours: number };
  fixDateAnswers: Drill;
  /** Resolution still undecided at the period end: shown, not counted. */
  openAtEnd: Drill;
}

export interface WeekBucket {
  /** Monday of the week (the organization's local date, ISO). */
  weekStart: string;
  reactionMet: Drill;
  reactionBreached: Drill;
  resolutionMet: Drill;
  resolutionBreached: Drill;
}

/**
 * Counted resolution time as a share of the target, in percent: below the target [from, to) with
 * 100 % in [75, 100] (at the target is met); above it (from, to]; `to` null = no upper bound.
 */
export interface DistributionBucket {
  fromPercent: number;
  toPercent: number | null;
  tickets: Drill;
}

export interface UnevaluableTicket {
  ticketId: string;
  code: string;
  message: string;
}

export interface ComplianceReport {
  period: ReportPeriod;
  /** Civil dates of the period: first day and the day after the last. */
  from: string;
  to: string;
  cells: ReportCell[];
  weeks: WeekBucket[];
  resolutionDistribution: DistributionBucket[];
  paused: PauseTotal[];
  /** Every ticket the report looked at, counted or open at the end, by id. */
  lines: Record<string, TicketLine>;
  /** Tickets the engine refused (bad stored data) or whose organization is unknown: never dropped silently. */
  unevaluable: UnevaluableTicket[];
}
