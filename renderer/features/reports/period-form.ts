import {
  ReportPeriodError,
  validatePeriod,
  type PeriodErrorCode,
  type ReportPeriod,
} from '@shared/reports';

/** The period picker's fields as typed: text, so a half-typed year is kept, not lost. */
export interface PeriodForm {
  kind: ReportPeriod['kind'];
  year: string;
  month: string;
  quarter: string;
  from: string;
  to: string;
}

/** The form a page opens with: last month, the one a monthly report is usually about. */
export function lastMonthForm(today: Date): PeriodForm {
  const year = today.getMonth() === 0 ? today.getFullYear() - 1 : today.getFullYear();
  const month = today.getMonth() === 0 ? 12 : today.getMonth();
  return {
    kind: 'month',
    year: String(year),
    month: String(month),
    quarter: '1',
    from: '',
    to: '',
  };
}

/**
 * A date as people here type it: ISO `2027-01-31` or Russian `31.01.2027`; anything else is
 * passed on as typed, for the period check to name.
 */
export function isoDateOf(text: string): string {
  const trimmed = text.trim();
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (!russian) return trimmed;
  const [, day = '', month = '', year = ''] = russian;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The period the form names, or the code of the first thing wrong with it. */
export function periodOfForm(
  form: PeriodForm,
): { ok: true; period: ReportPeriod } | { ok: false; code: PeriodErrorCode } {
  const period: ReportPeriod =
    form.kind === 'custom'
      ? { kind: 'custom', from: isoDateOf(form.from), to: isoDateOf(form.to) }
      : form.kind === 'quarter'
        ? { kind: 'quarter', year: wholeNumber(form.year), quarter: wholeNumber(form.quarter) }
        : { kind: 'month', year: wholeNumber(form.year), month: wholeNumber(form.month) };
  try {
    return { ok: true, period: validatePeriod(period) };
  } catch (error) {
    if (error instanceof ReportPeriodError) return { ok: false, code: error.code };
    throw error;
  }
}
