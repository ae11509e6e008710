import {
  NO_SPANS,
  evaluateClockState,
  lastDueMs,
  reactionModel,
  reactionTargetMs,
  resolutionModel,
  resolutionResumedAt,
  resolutionSpans,
  resolutionTargetMs,
  type ClockModel,
  type ClockResult,
} from './clocks';
import { formatInstant } from './instants';
import { resolvePolicy, type PriorityPolicy, type ResolvedPolicy, type SlaConfig } from './policy';
import { scheduleFor } from './schedule-cache';
import type { WorkSchedule } from './schedule';
import { readTimeline, type Timeline } from './timeline';
import type { ClockState, SlaEvaluation, SlaTicket } from './types';

/** Everything derived from one ticket as of `now`, shared by evaluate, plan and explain. */
export interface SlaContext {
  timeline: Timeline;
  resolvedPolicy: ResolvedPolicy;
  policy: PriorityPolicy;
  schedule: WorkSchedule;
  reaction: ClockModel;
  resolution: ClockModel;
}

export function buildContext(
  ticket: SlaTicket,
  now: string | Date,
  config?: SlaConfig,
): SlaContext {
  const resolved = resolvePolicy(config);
  const timeline = readTimeline(ticket, now, resolved);
  const policy = resolved.priorities[timeline.priority];
  const schedule = scheduleFor(policy.schedule, timeline.timeZone, timeline.calendar, resolved);
  return {
    timeline,
    resolvedPolicy: resolved,
    policy,
    schedule,
    reaction: reactionModel(timeline, policy),
    resolution: resolutionModel(timeline, policy),
  };
}

export function toClockState(result: ClockResult): ClockState {
  return {
    status: result.status,
    targetMs: result.targetMs,
    elapsedMs: result.elapsedMs,
    remainingMs: result.targetMs - result.elapsedMs,
    dueAt: result.dueMs === null ? null : formatInstant(result.dueMs),
    stoppedAt: result.stopMs === null ? null : formatInstant(result.stopMs),
  };
}

/** Years up to `horizonMs` counted by rule 2's fallback: the calendar has no data for them. */
export function assumedYears(context: SlaContext, horizonMs: number): number[] {
  const { schedule, timeline } = context;
  return schedule.uncoveredYears(timeline.createdMs, Math.max(horizonMs, timeline.nowMs));
}

/** Rule 2's fallback is never silent: name the years counted without calendar data. */
export function calendarWarnings(context: SlaContext, horizonMs: number): string[] {
  const years = assumedYears(context, horizonMs);
  return years.length === 0 ? [] : [calendarWarning(context.timeline.calendar.id, years)];
}

function calendarWarning(id: string, years: number[]): string {
  return `calendar "${id}" has no data for ${years.join(', ')}: counted Mon–Fri minus its fixed holidays; register the official calendar for ${years.length > 1 ? 'those years' : 'that year'}`;
}

/**
 * The context's parts without the context: evaluateSla runs for every ticket on every tick, and
 * the context and clock-model objects were a sixth of what it allocated.
 */
export function evaluateSla(
  ticket: SlaTicket,
  now: string | Date,
  config?: SlaConfig,
): SlaEvaluation {
  const resolved = resolvePolicy(config);
  const timeline = readTimeline(ticket, now, resolved);
  const policy = resolved.priorities[timeline.priority];
  const schedule = scheduleFor(policy.schedule, timeline.timeZone, timeline.calendar, resolved);
  const { createdMs, nowMs } = timeline;
  const reaction = evaluateClockState(
    reactionTargetMs(policy),
    NO_SPANS,
    createdMs,
    timeline.reactionStopMs,
    false,
    schedule,
    nowMs,
  );
  const reactionDueMs = lastDueMs();
  const paused = timeline.openPause !== null;
  const resolution = evaluateClockState(
    resolutionTargetMs(timeline, policy),
    resolutionSpans(timeline),
    paused ? null : resolutionResumedAt(timeline),
    timeline.resolutionStopMs,
    paused,
    schedule,
    nowMs,
  );
  const result: SlaEvaluation = { reaction, resolution };
  if (schedule.kind === 'business') {
    const horizonMs = Math.max(reactionDueMs ?? 0, lastDueMs() ?? 0);
    // Asked first without building a list: almost every ticket lies in years the calendar covers.
    const until = Math.max(horizonMs, nowMs);
    if (schedule.hasUncoveredYears(createdMs, until)) {
      const years = schedule.uncoveredYears(createdMs, until);
      result.warnings = [calendarWarning(timeline.calendar.id, years)];
    }
  }
  return result;
}
