import type { PauseReason, SlaEvent } from '../sla/types';

/** The pause a ticket is in: since when, why, and the engineer's note (required for `other`). */
export interface CurrentPause {
  since: string;
  reason: PauseReason | null;
  note: string | null;
}

/**
 * The open pause of an event list (in time order, as stored), or null when the last `paused` was
 * followed by `resumed` or `resolved` (a resolve during a pause ends it, §5).
 */
export function currentPause(events: readonly SlaEvent[]): CurrentPause | null {
  let pause: CurrentPause | null = null;
  for (const event of events) {
    if (event.type === 'paused') {
      pause = { since: event.at, reason: event.reason ?? null, note: event.note ?? null };
    } else if (event.type === 'resumed' || event.type === 'resolved') {
      pause = null;
    }
  }
  return pause;
}
