import { DEFAULT_SLA_POLICY, evaluateSla, planAlerts, type Priority, type SlaTicket } from '../sla';
import { parseInstant } from '../sla/instants';
import type { AlertClockFeed, AlertFeedTicket, AlertMark } from './schemas';

/**
 * Levels the tray needs whatever the notification levels are: "within 90 %" and "breached".
 * They are planned too, so the host can update the tray at those instants without polling.
 */
export const TRAY_LEVELS: readonly number[] = [0.9, 1];

export function feedLevels(alertLevels: readonly number[]): number[] {
  return [...new Set([...alertLevels, ...TRAY_LEVELS])].sort((a, b) => a - b);
}

export interface FeedTicketFacts {
  ticketId: string;
  number: number | null;
  organization: string;
  /** The organization's zone (notifications name deadlines in it). */
  timeZone?: string;
}

/**
 * One open ticket's entry of the alert feed, as of `nowMs`. Instants come from planAlerts, so the
 * host fires exactly when the regulation says a level is reached. A level already reached is
 * sent with `atMs: null`; a paused clock's future levels are left out (its deadline is unknown).
 * A ticket whose clocks have all stopped still has an entry (no clocks): the tray counts it as
 * open. Throws SlaInputError for a ticket the engine refuses.
 */
export function buildFeedEntry(
  sla: SlaTicket,
  facts: FeedTicketFacts,
  nowMs: number,
  levels: readonly number[],
): AlertFeedTicket {
  const now = new Date(nowMs);
  const evaluation = evaluateSla(sla, now);
  const planned = planAlerts(sla, now, [...levels]);
  const priority = currentPriority(sla);
  const clocks: AlertClockFeed[] = [];
  for (const clock of ['reaction', 'resolution'] as const) {
    const state = evaluation[clock];
    if (state.stoppedAt !== null) continue;
    const marks: AlertMark[] = [];
    for (const level of levels) {
      const upcoming = planned.find((alert) => alert.clock === clock && alert.level === level);
      if (upcoming) {
        marks.push({ level, atMs: parseInstant(upcoming.at)! });
      } else if (state.status !== 'paused' || state.elapsedMs >= level * state.targetMs) {
        // A running clock with no future instant for a level has reached it already.
        marks.push({ level, atMs: null });
      }
    }
    if (marks.length === 0) continue;
    clocks.push({
      clock,
      targetMs: Math.round(state.targetMs),
      dueAtMs: state.dueAt === null ? null : parseInstant(state.dueAt),
      workingHours: DEFAULT_SLA_POLICY.priorities[priority].schedule === 'business',
      marks,
    });
  }
  return { ...facts, priority, clocks };
}

/** Rule 8: the ticket is evaluated with its latest priority. */
function currentPriority(sla: SlaTicket): Priority {
  let priority = sla.priority;
  for (const event of sla.events) {
    if (event.type === 'priority_changed' && event.to !== undefined) priority = event.to;
  }
  return priority;
}
