import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * A report period as people name it. Its bounds are civil dates read in each organization's own
 * zone: "November" for a customer in Vladivostok is Vladivostok's November, as the regulation
 * counts its hours "in the user's time zone".
 */
export type ReportPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  /** `from` inclusive, `to` exclusive, both `YYYY-MM-DD`. */
  | { kind: 'custom'; from: string; to: string };

/** The longest custom period: a year and a bit, so "the last 12 months" always fits. */
export const MAX_CUSTOM_PERIOD_DAYS = 400;

/** Stable codes the UI words in its own language; the message is English for logs. */
export type PeriodErrorCode =
  | 'invalid_year'
  | 'invalid_month'
  | 'invalid_quarter'
  | 'invalid_from'
  | 'invalid_to'
  | 'to_not_after_from'
  | 'period_too_long';

export class ReportPeriodError extends Error {
  override name = 'ReportPeriodError';
  readonly code: PeriodErrorCode;

  constructor(code: PeriodErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const year = z.number().int().min(2000).max(2100);
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year, month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('quarter'), year, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('custom'), from: civilDate, to: civilDate }),
]);

function isCivilDate(text: string): boolean {
  return civilDate.safeParse(text).success && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** Checks a period a person typed; throws a ReportPeriodError naming the first thing wrong. */
export function validatePeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind !== 'custom') {
    if (!year.safeParse(period.year).success) {
      throw new ReportPeriodError('invalid_year', `year ${String(period.year)} is not 2000–2100`);
    }
    if (period.kind === 'month' && !reportPeriodSchema.safeParse(period).success) {
      throw new ReportPeriodError('invalid_month', `month ${String(period.month)} is not 1–12`);
    }
    if (period.kind === 'quarter' && !reportPeriodSchema.safeParse(period).success) {
      throw new ReportPeriodError(
        'invalid_quarter',
        `quarter ${String(period.quarter)} is not 1–4`,
      );
    }
    return period;
  }
  if (!isCivilDate(period.from)) {
    throw new ReportPeriodError('invalid_from', `from "${period.from}" is not a YYYY-MM-DD date`);
  }
  if (!isCivilDate(period.to)) {
    throw new ReportPeriodError('invalid_to', `to "${period.to}" is not a YYYY-MM-DD date`);
  }
  const days = DateTime.fromISO(period.to, { zone: 'UTC' })
    .diff(DateTime.fromISO(period.from, { zone: 'UTC' }), 'days')
    .as('days');
  if (days <= 0) {
    throw new ReportPeriodError(
      'to_not_after_from',
      `to ${period.to} must be after from ${period.from}`,
    );
  }
  if (days > MAX_CUSTOM_PERIOD_DAYS) {
    throw new ReportPeriodError(
      'period_too_long',
      `the period is ${days} days; at most ${MAX_CUSTOM_PERIOD_DAYS}`,
    );
  }
  return period;
}

/** The period's first day and the day after its last, as civil dates. */
export function periodDates(period: ReportPeriod): { from: string; to: string } {
  validatePeriod(period);
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  const firstMonth = period.kind === 'month' ? period.month : (period.quarter - 1) * 3 + 1;
  const months = period.kind === 'month' ? 1 : 3;
  const start = DateTime.fromObject(
    { year: period.year, month: firstMonth, day: 1 },
    { zone: 'UTC' },
  );
  return { from: start.toISODate() ?? '', to: start.plus({ months }).toISODate() ?? '' };
}

/** [startMs, endMs) of the period in one zone. */
export function periodBounds(
  period: ReportPeriod,
  timeZone: string,
): { startMs: number; endMs: number } {
  const { from, to } = periodDates(period);
  return {
    startMs: DateTime.fromISO(from, { zone: timeZone }).toMillis(),
    endMs: DateTime.fromISO(to, { zone: timeZone }).toMillis(),
  };
}
