import type { SlaConfig } from './policy';
import { buildContext } from './evaluate';
import { formatInstant } from './instants';
import type { SlaTicket } from './types';

/**
 * When the customer's working time next counts for this ticket's current priority: `now` itself
 * inside working hours, else the start of the next working interval (a `waiting` clock resumes
 * then). An addition beside contract 1, so a queue can say "waiting until Mon 09:00".
 */
export function workResumesAt(ticket: SlaTicket, now: string | Date, config?: SlaConfig): string {
  const { schedule, timeline } = buildContext(ticket, now, config);
  const nowMs = timeline.nowMs;
  if (schedule.isWorking(nowMs)) return formatInstant(nowMs);
  // counted() is flat outside working time; the first millisecond beyond it starts the next interval.
  return formatInstant(schedule.reach(schedule.counted(nowMs) + 1) - 1);
}
