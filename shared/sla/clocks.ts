import type { PriorityPolicy } from './policy';
import type { WorkSchedule } from './schedule';
import type { Timeline } from './timeline';
import { formatInstant } from './instants';
import type { ClockState, ClockStatus } from './types';

const HOUR_MS = 3_600_000;

/**
 * A clock as spans of time that count: `spans` are closed [from, to) pieces in the past, and
 * `tailFrom` is where an open-ended piece starts (the clock runs on from there, or would have had
 * it not stopped). No tail means the clock is paused and its future is unknown.
 */
export interface ClockModel {
  targetMs: number;
  spans: Array<[number, number]>;
  tailFrom: number | null;
  stopMs: number | null;
  paused: boolean;
}

export interface ClockResult {
  status: ClockStatus;
  targetMs: number;
  elapsedMs: number;
  dueMs: number | null;
  stopMs: number | null;
}

// The reaction clock never has closed spans, nor has a resolution clock that was never paused or
// reopened; one shared empty list (only ever read) saves an allocation per evaluation.
export const NO_SPANS: Array<[number, number]> = [];

function withSpan(
  spans: Array<[number, number]>,
  from: number,
  to: number,
): Array<[number, number]> {
  if (spans === NO_SPANS) return [[from, to]];
  spans.push([from, to]);
  return spans;
}

export function reactionModel(timeline: Timeline, policy: PriorityPolicy): ClockModel {
  return {
    targetMs: reactionTargetMs(policy),
    spans: NO_SPANS,
    tailFrom: timeline.createdMs,
    stopMs: timeline.reactionStopMs,
    paused: false,
  };
}

export function resolutionModel(timeline: Timeline, policy: PriorityPolicy): ClockModel {
  const pause = timeline.openPause;
  return {
    targetMs: resolutionTargetMs(timeline, policy),
    spans: resolutionSpans(timeline),
    tailFrom: pause ? null : resolutionResumedAt(timeline),
    stopMs: timeline.resolutionStopMs,
    paused: pause !== null,
  };
}

export function reactionTargetMs(policy: PriorityPolicy): number {
  return policy.reactionHours * HOUR_MS;
}

export function resolutionTargetMs(timeline: Timeline, policy: PriorityPolicy): number {
  return policy.resolutionHours * HOUR_MS + timeline.extensionMs;
}

/** Where the resolution clock last started counting: creation, or the end of the last gap. */
export function resolutionResumedAt(timeline: Timeline): number {
  const { excluded } = timeline;
  return excluded.length === 0 ? timeline.createdMs : excluded[excluded.length - 1]!.to;
}

/** The closed pieces the resolution clock counted between its gaps (and up to an open pause). */
export function resolutionSpans(timeline: Timeline): Array<[number, number]> {
  const pause = timeline.openPause;
  let spans = NO_SPANS;
  let cursor = timeline.createdMs;
  const { excluded } = timeline;
  for (let i = 0; i < excluded.length; i++) {
    const gap = excluded[i]!;
    if (gap.from > cursor) spans = withSpan(spans, cursor, gap.from);
    cursor = gap.to;
  }
  if (pause && pause.from > cursor) spans = withSpan(spans, cursor, pause.from);
  return spans;
}

/** Earliest instant at which the clock has counted `amount`, or null if it never will. */
export function instantWhenCounted(
  model: ClockModel,
  schedule: WorkSchedule,
  amount: number,
): number | null {
  let needed = amount;
  for (const [from, to] of model.spans) {
    const base = schedule.counted(from);
    const available = schedule.counted(to) - base;
    if (available >= needed) return Math.max(from, schedule.reach(base + needed));
    needed -= available;
  }
  if (model.tailFrom === null) return null;
  return Math.max(model.tailFrom, schedule.reach(schedule.counted(model.tailFrom) + needed));
}

// Where runClock leaves its answer. One object, reused: an object per result boxes each epoch-ms
// double it holds, and results were a seventh of what an evaluation allocated. Nothing runClock
// calls can call back into it, and every caller reads the answer before the next run.
const answer = { status: 'running' as ClockStatus, elapsedMs: 0, dueMs: 0, hasDue: false };

/**
 * Rule 10: status by instants, the first that applies.
 *
 * The deadline (`instantWhenCounted(model, schedule, model.targetMs)`) and the elapsed time come
 * from one pass, in locals: both need counted time at the ends of the same spans, and each is a
 * table search. A repeated counted() of an instant can neither grow the tables nor throw, so only
 * repeats are skipped; every first call keeps the order of two separate passes, and with it which
 * unsupported year an error names.
 */
function runClock(
  targetMs: number,
  spans: Array<[number, number]>,
  tailFrom: number | null,
  stopMs: number | null,
  paused: boolean,
  schedule: WorkSchedule,
  nowMs: number,
): void {
  let needed = targetMs;
  let dueMs: number | null = null;
  let elapsedMs = 0;
  let next = 0;
  while (next < spans.length) {
    const span = spans[next++]!;
    const from = span[0];
    const base = schedule.counted(from);
    const available = schedule.counted(span[1]) - base;
    elapsedMs += available;
    if (available >= needed) {
      dueMs = Math.max(from, schedule.reach(base + needed));
      break;
    }
    needed -= available;
  }
  let countedAtTail: number | null = null;
  if (dueMs === null && tailFrom !== null) {
    countedAtTail = schedule.counted(tailFrom);
    dueMs = Math.max(tailFrom, schedule.reach(countedAtTail + needed));
  }
  while (next < spans.length) {
    const span = spans[next++]!;
    elapsedMs += schedule.counted(span[1]) - schedule.counted(span[0]);
  }
  if (tailFrom !== null) {
    const end = stopMs ?? nowMs;
    if (end > tailFrom)
      elapsedMs += schedule.counted(end) - (countedAtTail ?? schedule.counted(tailFrom));
  }
  let status: ClockStatus;
  if (stopMs !== null) status = dueMs !== null && stopMs <= dueMs ? 'met' : 'breached';
  else if (dueMs !== null && nowMs > dueMs) status = 'breached';
  else if (paused) status = 'paused';
  else if (!schedule.isWorking(nowMs)) status = 'waiting';
  else status = 'running';
  answer.status = status;
  answer.elapsedMs = elapsedMs;
  answer.hasDue = dueMs !== null;
  answer.dueMs = dueMs ?? 0;
}

export function evaluateClock(
  model: ClockModel,
  schedule: WorkSchedule,
  nowMs: number,
): ClockResult {
  const { targetMs, stopMs } = model;
  runClock(targetMs, model.spans, model.tailFrom, stopMs, model.paused, schedule, nowMs);
  return {
    status: answer.status,
    targetMs,
    elapsedMs: answer.elapsedMs,
    dueMs: answer.hasDue ? answer.dueMs : null,
    stopMs,
  };
}

/** The deadline of the clock evaluated last (by either function here), or null. */
export function lastDueMs(): number | null {
  return answer.hasDue ? answer.dueMs : null;
}

/**
 * The clock as evaluateSla returns it, from a ClockModel's fields without the model:
 * toClockState(evaluateClock(model, …)) without the two intermediate objects.
 */
export function evaluateClockState(
  targetMs: number,
  spans: Array<[number, number]>,
  tailFrom: number | null,
  stopMs: number | null,
  paused: boolean,
  schedule: WorkSchedule,
  nowMs: number,
): ClockState {
  runClock(targetMs, spans, tailFrom, stopMs, paused, schedule, nowMs);
  const { elapsedMs } = answer;
  const dueMs = answer.hasDue ? answer.dueMs : null;
  return {
    status: answer.status,
    targetMs,
    elapsedMs,
    remainingMs: targetMs - elapsedMs,
    dueAt: dueMs === null ? null : formatInstant(dueMs),
    stoppedAt: stopMs === null ? null : formatInstant(stopMs),
  };
}
