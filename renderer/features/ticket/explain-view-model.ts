import type {
  ClockExplanation,
  ClockName,
  ClockState,
  CountedInterval,
  PauseReason,
  SkipReason,
  SlaExplanation,
} from '@shared/sla';
import { civilDaysInclusive } from './sla-format';

/**
 * "Explain this deadline" as a ledger per clock: counted working intervals with a running total,
 * the days and pauses that were skipped, and markers for the deadline, the stop and "now", in
 * time order. Pure: built from `explainSla`'s answer.
 */
export type LedgerRow =
  | {
      kind: 'counted';
      from: string;
      to: string;
      ms: number;
      localDate: string | null;
      dayKind: CountedInterval['dayKind'];
      /** After `now`: how the deadline follows if nothing else happens. */
      projected: boolean;
      /** Counted after the target was already reached (the clock is overdue). */
      overTarget: boolean;
      /** Counted time up to the end of this interval. */
      totalMs: number;
    }
  | {
      kind: 'skipped';
      reason: SkipReason;
      from: string;
      to: string;
      fromDate: string | null;
      toDate: string | null;
      /** Whole calendar days (weekends, holidays); null for pauses and short days. */
      days: number | null;
      /** Wall-clock length of the skipped span. */
      ms: number;
      pauseReason: PauseReason | null;
      note: string | null;
      ongoing: boolean;
    }
  | { kind: 'marker'; marker: 'due' | 'stopped' | 'now'; at: string };

export interface SkippedTotals {
  holidayDays: number;
  weekendDays: number;
  shortDayMs: number;
  pausedMs: number;
  resolvedMs: number;
}

export interface ClockLedger {
  clock: ClockName;
  state: ClockState;
  targetMs: number;
  baseTargetMs: number;
  extensionMs: number;
  rows: LedgerRow[];
  countedMs: number;
  projectedMs: number;
  skipped: SkippedTotals;
}

export interface ExplanationView {
  schedule: SlaExplanation['schedule'];
  timeZone: string;
  calendar: string;
  businessHours: SlaExplanation['businessHours'];
  /** Years counted without calendar data (Mon–Fri minus fixed holidays): said in the UI. */
  assumedYears: number[];
  clocks: [ClockLedger, ClockLedger];
}

export function buildExplanationView(explanation: SlaExplanation, now: string): ExplanationView {
  return {
    schedule: explanation.schedule,
    timeZone: explanation.timeZone,
    calendar: explanation.calendar,
    businessHours: explanation.businessHours,
    assumedYears: explanation.assumedYears,
    clocks: [
      buildLedger('reaction', explanation.reaction, now),
      buildLedger('resolution', explanation.resolution, now),
    ],
  };
}

const ms = (iso: string) => Date.parse(iso);

function buildLedger(clock: ClockName, explained: ClockExplanation, now: string): ClockLedger {
  const { state } = explained;
  const rows: Array<{ at: number; order: number; row: LedgerRow }> = [];
  const add = (at: string, order: number, row: LedgerRow) => rows.push({ at: ms(at), order, row });

  let total = 0;
  let countedMs = 0;
  let projectedMs = 0;
  const dueMs = state.dueAt === null ? null : ms(state.dueAt);
  for (const interval of explained.counted) {
    // Split at the deadline, so the "due" marker sits exactly where the target was reached.
    const pieces =
      dueMs !== null && dueMs > ms(interval.from) && dueMs < ms(interval.to)
        ? [
            [ms(interval.from), dueMs],
            [dueMs, ms(interval.to)],
          ]
        : [[ms(interval.from), ms(interval.to)]];
    for (const [from, to] of pieces as Array<[number, number]>) {
      const length = to - from;
      const overTarget = total >= state.targetMs;
      total += length;
      if (interval.projected) projectedMs += length;
      else countedMs += length;
      add(new Date(from).toISOString(), 1, {
        kind: 'counted',
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ms: length,
        localDate: interval.localDate,
        dayKind: interval.dayKind,
        projected: interval.projected,
        overTarget,
        totalMs: total,
      });
    }
  }

  const skipped: SkippedTotals = {
    holidayDays: 0,
    weekendDays: 0,
    shortDayMs: 0,
    pausedMs: 0,
    resolvedMs: 0,
  };
  for (const period of explained.skipped) {
    const length = ms(period.to) - ms(period.from);
    const wholeDays = period.reason === 'holiday' || period.reason === 'weekend';
    const days =
      wholeDays && period.fromDate && period.toDate
        ? civilDaysInclusive(period.fromDate, period.toDate)
        : null;
    if (period.reason === 'holiday') skipped.holidayDays += days ?? 0;
    else if (period.reason === 'weekend') skipped.weekendDays += days ?? 0;
    else if (period.reason === 'short_day') skipped.shortDayMs += length;
    else if (period.reason === 'paused') skipped.pausedMs += length;
    else skipped.resolvedMs += length;
    add(period.from, 2, {
      kind: 'skipped',
      reason: period.reason,
      from: period.from,
      to: period.to,
      fromDate: period.fromDate ?? null,
      toDate: period.toDate ?? null,
      days,
      ms: length,
      pauseReason: period.pauseReason ?? null,
      note: period.note ?? null,
      ongoing: period.ongoing ?? false,
    });
  }

  // Markers sort before an interval that starts at the same instant.
  if (state.dueAt !== null) add(state.dueAt, 0, { kind: 'marker', marker: 'due', at: state.dueAt });
  if (state.stoppedAt !== null)
    add(state.stoppedAt, 0, { kind: 'marker', marker: 'stopped', at: state.stoppedAt });
  else add(now, 0, { kind: 'marker', marker: 'now', at: now });

  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  return {
    clock,
    state,
    targetMs: state.targetMs,
    baseTargetMs: explained.baseTargetMs,
    extensionMs: explained.extensionMs,
    rows: rows.map((r) => r.row),
    countedMs,
    projectedMs,
    skipped,
  };
}
