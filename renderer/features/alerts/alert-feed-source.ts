import { buildFeedTicket, feedLevels } from '@shared/alerts/build-feed';
import type { AlertFeedInput, AlertFeedTicket, AlertLocale } from '@shared/alerts/schemas';
import type { AppDb } from '../../db/schema';

interface Cached {
  key: string;
  entry: AlertFeedTicket | null;
}

/**
 * Reads the open and paused tickets and builds the alert feed. An entry is recomputed only when
 * its ticket (or organization) changed: planned instants do not depend on when they were
 * computed, so a cached entry stays right as time passes.
 */
export function createAlertFeedSource(
  db: AppDb,
  onBadTicket: (id: string, error: unknown) => void,
) {
  let cache = new Map<string, Cached>();
  return async function readFeed(
    alertLevels: readonly number[],
    locale: AlertLocale,
    nowMs: number,
  ): Promise<AlertFeedInput> {
    const levels = feedLevels(alertLevels);
    const [rows, organizationRows] = await db.transaction('r', db.tickets, db.organizations, () =>
      Promise.all([
        db.tickets.where('state').anyOf('open', 'paused').toArray(),
        db.organizations.toArray(),
      ]),
    );
    const organizations = new Map(
      organizationRows.flatMap((row) => (row.data ? [[row.id, row.data] as const] : [])),
    );
    const next = new Map<string, Cached>();
    const tickets: AlertFeedTicket[] = [];
    for (const row of rows) {
      const view = row.view;
      if (!view) continue;
      const organization = organizations.get(view.organizationId);
      const key = [
        levels.join(','),
        view.version,
        view.updatedAt,
        row.pending,
        view.events.length,
        view.priority,
        view.state,
        view.number,
        organization?.version,
      ].join('|');
      let cached = cache.get(row.id);
      if (cached?.key !== key) {
        let entry: AlertFeedTicket | null = null;
        try {
          entry = buildFeedTicket(view, organization, nowMs, levels);
        } catch (error) {
          // One ticket the SLA engine refuses must not silence the alerts of all the others.
          onBadTicket(row.id, error);
        }
        cached = { key, entry };
      }
      next.set(row.id, cached);
      if (cached.entry) tickets.push(cached.entry);
    }
    cache = next;
    return { locale, tickets };
  };
}
