import { formatInstant } from '../sla/instants';
import { localDateOf } from '../sla/zone';

/*
 * Time rules of single commands that the payload schemas cannot check alone, because they depend
 * on the ticket or on when the engineer acted. `applyCommand` enforces them (so the ERP and the
 * device's optimistic view refuse the same commands); the forms use them to say so before.
 */

const DAY_MS = 86_400_000;

/**
 * A request reported longer ago than this is registered late: allowed (an old e-mail found in
 * the mailbox), but only with the reason recorded, because its clocks are long spent. Counted in
 * whole 24-hour days before the moment of registration.
 */
export const LATE_REGISTRATION_DAYS = 30;

export function isLateRegistration(createdAtMs: number, registeredAtMs: number): boolean {
  return createdAtMs < registeredAtMs - LATE_REGISTRATION_DAYS * DAY_MS;
}

/**
 * A visit is logged once it is over, so it ends no later than the moment it is recorded. Device
 * and server clocks differ by a few minutes even after the offset correction, and the engineer
 * reads the end off a wall clock at minute precision: this much later is still accepted.
 */
export const VISIT_CLOCK_SKEW_MS = 5 * 60_000;

export type VisitProblem =
  | { field: 'startedAt'; code: 'visit_before_ticket'; limit: string }
  | { field: 'endedAt'; code: 'visit_in_future'; limit: string };

/** What is wrong with a visit's times, given the ticket's creation and the moment of recording. */
export function visitProblems(
  visit: { startedMs: number; endedMs: number },
  ticket: { createdAtMs: number },
  recordedAtMs: number,
): VisitProblem[] {
  const problems: VisitProblem[] = [];
  // Visit times are typed to the minute: one may start in the minute the ticket was created.
  if (visit.startedMs < Math.floor(ticket.createdAtMs / 60_000) * 60_000)
    problems.push({
      field: 'startedAt',
      code: 'visit_before_ticket',
      limit: formatInstant(ticket.createdAtMs),
    });
  if (visit.endedMs > recordedAtMs + VISIT_CLOCK_SKEW_MS)
    problems.push({
      field: 'endedAt',
      code: 'visit_in_future',
      limit: formatInstant(recordedAtMs),
    });
  return problems;
}

/**
 * The earliest release date a P4 answer may name: the day of the answer on the customer's
 * calendar (and never before the day the ticket was created there). A date already past would
 * stop the resolution clock with an answer that promises nothing.
 */
export function earliestReleaseDate(
  createdAtMs: number,
  answeredAtMs: number,
  zone: string,
): string {
  const created = localDateOf(createdAtMs, zone);
  const answered = localDateOf(answeredAtMs, zone);
  // ISO dates compare as strings.
  return answered > created ? answered : created;
}
