/*
 * "Overdue" (просрочено), one definition for every screen that counts or filters by it: the
 * queue's filter and its count, the alert centre and the tray. A clock is overdue when it has not
 * stopped, its deadline is known and `now` is after it (DOMAIN rule 10). A clock that stopped,
 * even after its deadline, is history: a P4 answered late with the fix date (rule 6) is no longer
 * something to act on, so it is not overdue, however red its record stays on the ticket.
 */

export interface ClockInstants {
  /** When the clock stopped (epoch ms); null while it counts or is paused. */
  stoppedAtMs: number | null;
  /** When it breaches (epoch ms); null while a pause hides the deadline (rule 9). */
  dueAtMs: number | null;
}

export function isOverdue(clock: ClockInstants, nowMs: number): boolean {
  return clock.stoppedAtMs === null && clock.dueAtMs !== null && nowMs > clock.dueAtMs;
}

/** The first instant at which a clock due at `dueAtMs` is overdue: one millisecond after it. */
export function overdueFrom(dueAtMs: number): number {
  return dueAtMs + 1;
}
