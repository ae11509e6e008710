import { formatDayNumber } from '../calendars/civil-date';
import { evaluateClock, type ClockModel } from './clocks';
import {
  assumedYears,
  buildContext,
  calendarWarnings,
  toClockState,
  type SlaContext,
} from './evaluate';
import { formatInstant } from './instants';
import type { SlaConfig } from './policy';
import { BusinessSchedule, type DayWindow } from './schedule';
import type { ClockState, PauseReason, Priority, SlaTicket } from './types';
import { localWallTime } from './zone';

export interface CountedInterval {
  from: string;
  to: string;
  ms: number;
  /** Local date in the organization's zone; null on the 24×7 schedule. */
  localDate: string | null;
  dayKind: 'workday' | 'short_day' | 'working_weekend' | 'round_the_clock';
  /** After `now`: how the deadline follows if nothing else happens. */
  projected: boolean;
}

export type SkipReason = 'weekend' | 'holiday' | 'short_day' | 'paused' | 'resolved';

export interface SkippedPeriod {
  reason: SkipReason;
  from: string;
  to: string;
  /** First and last local date of skipped whole days. */
  fromDate?: string;
  toDate?: string;
  pauseReason?: PauseReason;
  note?: string;
  /** A pause still open at `now`. */
  ongoing?: boolean;
}

export interface ClockExplanation {
  state: ClockState;
  baseTargetMs: number;
  extensionMs: number;
  counted: CountedInterval[];
  skipped: SkippedPeriod[];
}

export interface SlaExplanation {
  priority: Priority;
  schedule: '24x7' | 'business';
  timeZone: string;
  calendar: string;
  businessHours: { start: string; end: string; shortDayEnd: string } | null;
  warnings: string[];
  /** The years in `warnings`, for a UI that words them itself (empty when none). */
  assumedYears: number[];
  reaction: ClockExplanation;
  resolution: ClockExplanation;
}

/** The data behind "explain this deadline": what each clock counted and what it skipped, and why. */
export function explainSla(
  ticket: SlaTicket,
  now: string | Date,
  config?: SlaConfig,
): SlaExplanation {
  const context = buildContext(ticket, now, config);
  const { timeline, resolvedPolicy } = context;
  const reaction = explainClock(context, context.reaction, 0);
  const resolution = explainClock(context, context.resolution, timeline.extensionMs);
  const horizon = Math.max(
    Date.parse(reaction.state.dueAt ?? '') || 0,
    Date.parse(resolution.state.dueAt ?? '') || 0,
  );
  const business = context.schedule.kind === 'business';
  const hours = resolvedPolicy.businessHours;
  return {
    priority: timeline.priority,
    schedule: context.schedule.kind,
    timeZone: timeline.timeZone,
    calendar: timeline.calendar.id,
    businessHours: business
      ? {
          start: hours.start,
          end: hours.end,
          shortDayEnd: minutesToText(resolvedPolicy.shortEndMinute),
        }
      : null,
    warnings: business ? calendarWarnings(context, horizon) : [],
    assumedYears: business ? assumedYears(context, horizon) : [],
    reaction,
    resolution,
  };
}

function explainClock(
  context: SlaContext,
  model: ClockModel,
  extensionMs: number,
): ClockExplanation {
  const { timeline, schedule } = context;
  const nowMs = timeline.nowMs;
  const result = evaluateClock(model, schedule, nowMs);
  const horizon = model.stopMs ?? (model.paused ? nowMs : Math.max(nowMs, result.dueMs ?? nowMs));
  const pieces: Array<[number, number]> = [...model.spans];
  if (model.tailFrom !== null && horizon > model.tailFrom) pieces.push([model.tailFrom, horizon]);

  const counted: CountedInterval[] = [];
  const skipped: SkippedPeriod[] = [];
  if (schedule instanceof BusinessSchedule) {
    const days = schedule.daysBetween(timeline.createdMs, horizon);
    for (const [from, to] of pieces) {
      for (const day of days) {
        const start = Math.max(from, day.start);
        const end = Math.min(to, day.end);
        if (end > start)
          pushSplitAtNow(
            counted,
            start,
            end,
            nowMs,
            formatDayNumber(day.dayNumber),
            dayKindOf(day),
          );
      }
    }
    skipped.push(...skippedDays(context, days, horizon));
  } else {
    for (const [from, to] of pieces)
      pushSplitAtNow(counted, from, to, nowMs, null, 'round_the_clock');
  }
  if (model === context.resolution) skipped.push(...skippedByEvents(context));
  skipped.sort((a, b) => a.from.localeCompare(b.from));
  return {
    state: toClockState(result),
    baseTargetMs: model.targetMs - extensionMs,
    extensionMs,
    counted,
    skipped,
  };
}

function pushSplitAtNow(
  out: CountedInterval[],
  from: number,
  to: number,
  nowMs: number,
  localDate: string | null,
  dayKind: CountedInterval['dayKind'],
): void {
  const add = (a: number, b: number, projected: boolean) =>
    out.push({
      from: formatInstant(a),
      to: formatInstant(b),
      ms: b - a,
      localDate,
      dayKind,
      projected,
    });
  if (to <= nowMs) add(from, to, false);
  else if (from >= nowMs) add(from, to, true);
  else {
    add(from, nowMs, false);
    add(nowMs, to, true);
  }
}

function dayKindOf(day: DayWindow): CountedInterval['dayKind'] {
  if (day.kind === 'short_day') return 'short_day';
  return day.transferred ? 'working_weekend' : 'workday';
}

/** Weekends and holidays (consecutive days of one kind grouped) and the lost hour of short days. */
function skippedDays(context: SlaContext, days: DayWindow[], horizon: number): SkippedPeriod[] {
  const { timeline, resolvedPolicy } = context;
  const zone = timeline.timeZone;
  const out: SkippedPeriod[] = [];
  let group: { reason: SkipReason; first: number; last: number } | null = null;
  const flush = () => {
    if (!group) return;
    out.push({
      reason: group.reason,
      from: formatInstant(localWallTime(zone, group.first, 0)),
      to: formatInstant(localWallTime(zone, group.last + 1, 0)),
      fromDate: formatDayNumber(group.first),
      toDate: formatDayNumber(group.last),
    });
    group = null;
  };
  for (const day of days) {
    const dayStart = localWallTime(zone, day.dayNumber, 0);
    const dayEnd = localWallTime(zone, day.dayNumber + 1, 0);
    if (dayEnd <= timeline.createdMs || dayStart >= horizon) continue;
    if (day.kind === 'weekend' || day.kind === 'holiday') {
      if (group && group.reason === day.kind && group.last === day.dayNumber - 1)
        group.last = day.dayNumber;
      else {
        flush();
        group = { reason: day.kind, first: day.dayNumber, last: day.dayNumber };
      }
      continue;
    }
    flush();
    if (day.kind === 'short_day') {
      const lostTo = localWallTime(zone, day.dayNumber, resolvedPolicy.endMinute);
      if (lostTo > timeline.createdMs && day.end < horizon) {
        out.push({
          reason: 'short_day',
          from: formatInstant(day.end),
          to: formatInstant(lostTo),
          fromDate: formatDayNumber(day.dayNumber),
          toDate: formatDayNumber(day.dayNumber),
        });
      }
    }
  }
  flush();
  return out;
}

function skippedByEvents(context: SlaContext): SkippedPeriod[] {
  const { timeline } = context;
  const out: SkippedPeriod[] = timeline.excluded.map((span) => ({
    reason: span.kind === 'pause' ? 'paused' : 'resolved',
    from: formatInstant(span.from),
    to: formatInstant(span.to),
    ...(span.reason ? { pauseReason: span.reason } : {}),
    ...(span.note !== undefined ? { note: span.note } : {}),
  }));
  const open = timeline.openPause;
  if (open) {
    out.push({
      reason: 'paused',
      from: formatInstant(open.from),
      to: formatInstant(timeline.nowMs),
      pauseReason: open.reason,
      ...(open.note !== undefined ? { note: open.note } : {}),
      ongoing: true,
    });
  }
  return out;
}

function minutesToText(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
