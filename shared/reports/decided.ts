import type { ClockLine } from './types';

/** When a counted clock's verdict was decided: a met one at its stop, a breached one at its deadline. */
export function decidedInstant(clock: ClockLine): number | null {
  if (clock.verdict === 'met') return clock.stoppedAt === null ? null : Date.parse(clock.stoppedAt);
  if (clock.verdict === 'breached') return clock.dueAt === null ? null : Date.parse(clock.dueAt);
  return null;
}
