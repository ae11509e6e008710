// The compliance report (issue 16 §1): plain data an export can reuse as it is.
export { buildComplianceReport } from './build-report';
export type { ReportRequest } from './build-report';
export {
  MAX_CUSTOM_PERIOD_DAYS,
  ReportPeriodError,
  periodBounds,
  periodDates,
  reportPeriodSchema,
  validatePeriod,
} from './period';
export type { PeriodErrorCode, ReportPeriod } from './period';
export { DISTRIBUTION_EDGES } from './aggregate';
export type { ReportTicket } from './ticket-line';
export type * from './types';
