// Contract 1 of DESIGN.md: one SLA module for main and renderer alike.
export { evaluateSla } from './evaluate';
export { planAlerts } from './plan-alerts';
export { explainSla } from './explain';
export { workResumesAt } from './resume';
export type {
  SlaExplanation,
  ClockExplanation,
  CountedInterval,
  SkippedPeriod,
  SkipReason,
} from './explain';
export { DEFAULT_SLA_POLICY, slaConfigSchema } from './policy';
export type { SlaConfig, SlaPolicy, PriorityPolicy } from './policy';
export { registerCalendar, listCalendarIds } from '../calendars/registry';
export { CalendarFormatError } from '../calendars/calendar-format';
export type { CalendarFile } from '../calendars/calendar-format';
export {
  SlaInputError,
  SLA_ERROR_CODES,
  PAUSE_REASONS,
  PAUSE_REASONS_WITH_EMAIL,
  SLA_EVENT_TYPES,
} from './types';
export type {
  Priority,
  PauseReason,
  SlaEventType,
  SlaErrorCode,
  SlaEvent,
  SlaTicket,
  ClockStatus,
  ClockState,
  ClockName,
  SlaEvaluation,
  PlannedAlert,
} from './types';
