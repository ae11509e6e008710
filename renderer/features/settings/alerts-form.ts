import type { QuietHours } from '@shared/alerts/quiet-hours';
import { MAX_ALERT_LEVELS } from '@shared/host/schemas';
import type { FieldError } from './erp-form';

/**
 * The alerts form: levels typed as percents and quiet hours typed as times → the settings patch,
 * or an error per field that names what is wrong.
 */

export type LevelError = 'levelEmpty' | 'levelNotNumber' | 'levelRange' | 'levelOrder';
export type LevelsError = 'levelsCount';
export type TimeError = 'timeEmpty' | 'timeFormat' | 'timeRange' | 'quietSame';

export interface AlertsFormInput {
  enabled: boolean;
  /** Percent texts as typed, one per level ("75", "90 %"). */
  levels: readonly string[];
  quiet: { enabled: boolean; from: string; to: string; nonWorkingDays: boolean };
}

export interface AlertsFormErrors {
  /** Per level, by position. */
  levels: Array<FieldError<LevelError> | undefined>;
  levelsCount?: FieldError<LevelsError>;
  from?: FieldError<TimeError>;
  to?: FieldError<TimeError>;
}

export interface AlertsPatch {
  enabled: boolean;
  levels: number[];
  quietHours: QuietHours;
}

/** "75", "75%", "75 %" → 75; whole percents only, as the page shows them. */
function parsePercent(text: string): number | FieldError<LevelError> {
  const trimmed = text.trim();
  if (trimmed === '') return { code: 'levelEmpty' };
  const match = /^(\d{1,3})\s*%?$/.exec(trimmed);
  if (!match) return { code: 'levelNotNumber', values: { text: trimmed.slice(0, 20) } };
  const value = Number(match[1]);
  if (value < 1 || value > 100) return { code: 'levelRange', values: { value: String(value) } };
  return value;
}

/** "8:00" and "08:00" are the same time; "8.00", "800" or "24:00" are not times. */
function parseTime(text: string): string | FieldError<TimeError> {
  const trimmed = text.trim();
  if (trimmed === '') return { code: 'timeEmpty' };
  const match = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) return { code: 'timeFormat', values: { text: trimmed.slice(0, 20) } };
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return { code: 'timeRange', values: { text: trimmed } };
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const isError = <T>(value: T | FieldError<string>): value is FieldError<string> =>
  typeof value === 'object' && value !== null && 'code' in value;

export function parseAlertsForm(
  input: AlertsFormInput,
  base: QuietHours,
): { ok: true; patch: AlertsPatch } | { ok: false; errors: AlertsFormErrors } {
  const errors: AlertsFormErrors = { levels: input.levels.map(() => undefined) };
  let failed = false;
  if (input.levels.length < 1 || input.levels.length > MAX_ALERT_LEVELS) {
    errors.levelsCount = { code: 'levelsCount', values: { max: String(MAX_ALERT_LEVELS) } };
    failed = true;
  }
  const percents: number[] = [];
  input.levels.forEach((text, index) => {
    const parsed = parsePercent(text);
    if (isError(parsed)) {
      errors.levels[index] = parsed;
      failed = true;
      return;
    }
    const previous = percents.at(-1);
    if (previous !== undefined && parsed <= previous) {
      errors.levels[index] = {
        code: 'levelOrder',
        values: { value: String(parsed), previous: String(previous) },
      };
      failed = true;
    }
    percents.push(parsed);
  });

  // Quiet hours are checked only when on: a half-typed window that is off loses nothing.
  let from = base.from;
  let to = base.to;
  if (input.quiet.enabled) {
    const parsedFrom = parseTime(input.quiet.from);
    const parsedTo = parseTime(input.quiet.to);
    if (isError(parsedFrom)) errors.from = parsedFrom;
    else from = parsedFrom;
    if (isError(parsedTo)) errors.to = parsedTo;
    else to = parsedTo;
    if (!errors.from && !errors.to && from === to) errors.to = { code: 'quietSame' };
    if (errors.from || errors.to) failed = true;
  }
  if (failed) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      enabled: input.enabled,
      levels: percents.map((percent) => percent / 100),
      quietHours: {
        ...base,
        enabled: input.quiet.enabled,
        from,
        to,
        nonWorkingDays: input.quiet.nonWorkingDays,
      },
    },
  };
}

/** The form's starting texts for stored settings. */
export function alertsFormOf(alerts: {
  enabled: boolean;
  levels: readonly number[];
  quietHours: QuietHours;
}): AlertsFormInput {
  return {
    enabled: alerts.enabled,
    levels: alerts.levels.map((level) => String(Math.round(level * 100))),
    quiet: {
      enabled: alerts.quietHours.enabled,
      from: alerts.quietHours.from,
      to: alerts.quietHours.to,
      nonWorkingDays: alerts.quietHours.nonWorkingDays,
    },
  };
}
