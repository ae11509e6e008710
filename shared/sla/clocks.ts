import type { PriorityPolicy } from './policy';
import type { WorkSchedule } from './schedule';
import type { Timeline } from './timeline';
import type { ClockStatus } from './types';

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

// The reaction clock never has closed spans; one shared empty list (only ever read) saves an
// allocation per evaluation.
const NO_SPANS: Array<[number, number]> = [];

export function reactionModel(timeline: Timeline, policy: PriorityPolicy): ClockModel {
  return {
    targetMs: policy.reactionHours * HOUR_MS,
    spans: NO_SPANS,
    tailFrom: timeline.createdMs,
    stopMs: timeline.reactionStopMs,
    paused: false,
  };
}

export function resolutionModel(timeline: Timeline, policy: PriorityPolicy): ClockModel {
  const spans: Array<[number, number]> = [];
  let cursor = timeline.createdMs;
  for (const gap of timeline.excluded) {
    if (gap.from > cursor) spans.push([cursor, gap.from]);
    cursor = gap.to;
  }
  const pause = timeline.openPause;
  if (pause && pause.from > cursor) spans.push([cursor, pause.from]);
  return {
    targetMs: policy.resolutionHours * HOUR_MS + timeline.extensionMs,
    spans,
    tailFrom: pause ? null : cursor,
    stopMs: timeline.resolutionStopMs,
    paused: pause !== null,
  };
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

/**
 * Rule 10: status by instants, the first that applies.
 *
 * The deadline (`instantWhenCounted(model, schedule, model.targetMs)`) and the elapsed time come
 * from one pass, in locals (an object per result would box the epoch-ms doubles): both need
 * counted time at the ends of the same spans, and each is a table search. A repeated counted() of
 * an instant can neither grow the tables nor throw, so only repeats are skipped; every first call
 * keeps the order of two separate passes, and with it which unsupported year an error names.
 */
export function evaluateClock(
  model: ClockModel,
  schedule: WorkSchedule,
  nowMs: number,
): ClockResult {
  const { spans, tailFrom } = model;
  let needed = model.targetMs;
  let dueMs: number | null = null;
  let elapsedMs = 0;
  let next = 0;
  while (next < spans.length) {
    const [from, to] = spans[next++]!;
    const base = schedule.counted(from);
    const available = schedule.counted(to) - base;
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
    const [from, to] = spans[next++]!;
    elapsedMs += schedule.counted(to) - schedule.counted(from);
  }
  if (tailFrom !== null) {
    const end = model.stopMs ?? nowMs;
    if (end > tailFrom)
      elapsedMs += schedule.counted(end) - (countedAtTail ?? schedule.counted(tailFrom));
  }
  let status: ClockStatus;
  if (model.stopMs !== null) status = dueMs !== null && model.stopMs <= dueMs ? 'met' : 'breached';
  else if (dueMs !== null && nowMs > dueMs) status = 'breached';
  else if (model.paused) status = 'paused';
  else if (!schedule.isWorking(nowMs)) status = 'waiting';
  else status = 'running';
  return { status, targetMs: model.targetMs, elapsedMs, dueMs, stopMs: model.stopMs };
}
