import {
  evaluateClock,
  reactionModel,
  resolutionModel,
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
  return years.length === 0 ? [] : [calendarWarning(context, years)];
}

function calendarWarning(context: SlaContext, years: number[]): string {
  const id = context.timeline.calendar.id;
  return `calendar "${id}" has no data for ${years.join(', ')}: counted Mon–Fri minus its fixed holidays; register the official calendar for ${years.length > 1 ? 'those years' : 'that year'}`;
}

export function evaluateSla(
  ticket: SlaTicket,
  now: string | Date,
  config?: SlaConfig,
): SlaEvaluation {
  const context = buildContext(ticket, now, config);
  const nowMs = context.timeline.nowMs;
  const reaction = evaluateClock(context.reaction, context.schedule, nowMs);
  const resolution = evaluateClock(context.resolution, context.schedule, nowMs);
  const result: SlaEvaluation = {
    reaction: toClockState(reaction),
    resolution: toClockState(resolution),
  };
  if (context.schedule.kind === 'business') {
    const years = assumedYears(context, Math.max(reaction.dueMs ?? 0, resolution.dueMs ?? 0));
    if (years.length > 0) result.warnings = [calendarWarning(context, years)];
  }
  return result;
}
