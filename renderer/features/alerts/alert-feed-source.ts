import { buildFeedEntry, feedLevels } from '@shared/alerts/build-feed';
import type { AlertFeedInput, AlertFeedTicket, AlertLocale } from '@shared/alerts/schemas';
import type { QueueEntry } from '@shared/queue/queue-entry';

interface Cached {
  key: string;
  /** The (ERP) time it was planned at: levels reached by then are marked as reached. */
  atMs: number;
  entry: AlertFeedTicket | null;
}

/**
 * Builds the alert feed from the queue lines (the compact copy of every open and paused ticket,
 * see shared/queue) the queue already holds in memory, not a second read of them, planned on ERP time (`nowMs`, the corrected clock) and carrying the
 * offset the host corrects its own clock by. An entry is recomputed only when its ticket (or
 * organization) changed: planned instants do not depend on when they were computed, so a cached
 * entry stays right as time passes — forwards. If a new offset takes the corrected clock back
 * before an entry was planned, levels it marked as reached may not be, so it is planned again.
 */
export function createAlertFeedSource(onBadTicket: (id: string, error: unknown) => void) {
  let cache = new Map<string, Cached>();
  return function buildFeed(
    lines: readonly QueueEntry[],
    alertLevels: readonly number[],
    locale: AlertLocale,
    nowMs: number,
    clockOffsetMs: number,
    timeZone: string,
  ): AlertFeedInput {
    const levels = feedLevels(alertLevels);
    const next = new Map<string, Cached>();
    const tickets: AlertFeedTicket[] = [];
    for (const line of lines) {
      const sla = line.sla;
      const last = sla?.events[sla.events.length - 1];
      const key = [
        levels.join(','),
        line.number,
        line.priority,
        line.state,
        line.organizationName,
        sla?.timeZone,
        sla?.calendar,
        sla?.events.length,
        last?.type,
        last?.at,
      ].join('|');
      let cached = cache.get(line.id);
      if (cached?.key !== key || cached.atMs > nowMs) {
        let entry: AlertFeedTicket | null = null;
        try {
          if (!sla) throw new Error(line.invalid ?? 'no SLA data');
          entry = buildFeedEntry(
            sla,
            {
              ticketId: line.id,
              number: line.number,
              organization: line.organizationName,
              timeZone: line.timeZone,
            },
            nowMs,
            levels,
          );
        } catch (error) {
          // One ticket the SLA engine refuses must not silence the alerts of all the others.
          onBadTicket(line.id, error);
        }
        cached = { key, atMs: nowMs, entry };
      }
      next.set(line.id, cached);
      if (cached.entry) tickets.push(cached.entry);
    }
    cache = next;
    return { locale, clockOffsetMs, timeZone, tickets };
  };
}
