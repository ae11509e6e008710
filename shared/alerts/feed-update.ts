import { z } from 'zod';
import { alertFeedSchema, alertFeedTicketSchema, MAX_FEED_TICKETS } from './schemas';
import type { AlertFeed, AlertFeedInput, AlertFeedTicket } from './schemas';

/*
 * `alerts:update` sends the host what changed, not the whole feed: with 50,000 open tickets,
 * validating every entry again on each change cost the host ≈0.4 s. The renderer numbers its
 * updates; a delta names the version it builds on, and a host that holds another one (it was
 * restarted, the window reloaded, a message was lost) answers "mismatch" and gets the whole feed.
 */

/** Versions are the renderer's counter: positive safe integers. */
const feedVersionSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ticketIdSchema = alertFeedTicketSchema.shape.ticketId;

/** Every ticket id once: an entry both changed and removed (or sent twice) has no meaning. */
function refuseRepeatedIds(ids: Iterable<string>, context: z.RefinementCtx, what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      context.addIssue({ code: 'custom', message: `ticket ${id} appears twice in ${what}` });
      return;
    }
    seen.add(id);
  }
}

/** The whole feed: replaces whatever the host holds, whatever its version. */
export const alertFeedFullSchema = z
  .strictObject({
    ...alertFeedSchema.shape,
    kind: z.literal('full'),
    version: feedVersionSchema,
  })
  .superRefine((full, context) =>
    refuseRepeatedIds(
      full.tickets.map((ticket) => ticket.ticketId),
      context,
      'the feed',
    ),
  );

/** What changed since `baseVersion`: entries added or changed, and tickets no longer open. */
export const alertFeedDeltaSchema = z
  .strictObject({
    kind: z.literal('delta'),
    baseVersion: feedVersionSchema,
    version: feedVersionSchema,
    locale: alertFeedSchema.shape.locale,
    clockOffsetMs: alertFeedSchema.shape.clockOffsetMs,
    timeZone: alertFeedSchema.shape.timeZone,
    upsert: z.array(alertFeedTicketSchema).max(MAX_FEED_TICKETS),
    remove: z.array(ticketIdSchema).max(MAX_FEED_TICKETS),
  })
  .superRefine((delta, context) => {
    if (delta.version <= delta.baseVersion) {
      context.addIssue({
        code: 'custom',
        path: ['version'],
        message: `a delta must move the version forward (${delta.baseVersion} → ${delta.version})`,
      });
    }
    refuseRepeatedIds(
      [...delta.upsert.map((ticket) => ticket.ticketId), ...delta.remove],
      context,
      'the delta (upsert and remove together)',
    );
  });

export const alertFeedUpdateSchema = z.discriminatedUnion('kind', [
  alertFeedFullSchema,
  alertFeedDeltaSchema,
]);

export type AlertFeedUpdate = z.output<typeof alertFeedUpdateSchema>;
export type AlertFeedUpdateInput = z.input<typeof alertFeedUpdateSchema>;
export type AlertFeedDelta = z.output<typeof alertFeedDeltaSchema>;

/** The host's answer: applied (and how many alerts are pending), or "send me everything". */
export type AlertFeedUpdateResult =
  | { applied: true; version: number; scheduled: number }
  | { applied: false; reason: 'version_mismatch'; version: number | null };

export type FeedApplyOutcome =
  /** `changed` false: an empty delta, nothing to plan again. */
  | { kind: 'applied'; feed: AlertFeed; changed: boolean }
  | { kind: 'mismatch'; version: number | null }
  /** Valid on its own, but would make the feed larger than the limit: nothing was changed. */
  | { kind: 'refused'; message: string };

/** The host's copy of the renderer's feed, kept current by full feeds and deltas. */
export interface FeedMirror {
  apply(update: AlertFeedUpdate): FeedApplyOutcome;
  /** The version held, null before any full feed (a host just started). */
  version(): number | null;
  /** The feed held, null before any full feed. */
  feed(): AlertFeed | null;
}

export function createFeedMirror(): FeedMirror {
  let version: number | null = null;
  let tickets = new Map<string, AlertFeedTicket>();
  let header: Omit<AlertFeed, 'tickets'> = { locale: 'ru', clockOffsetMs: 0 };
  let current: AlertFeed | null = null;

  const feedOf = (update: AlertFeedUpdate): Omit<AlertFeed, 'tickets'> => ({
    locale: update.locale,
    clockOffsetMs: update.clockOffsetMs,
    ...(update.timeZone === undefined ? {} : { timeZone: update.timeZone }),
  });

  return {
    apply(update) {
      if (update.kind === 'full') {
        tickets = new Map(update.tickets.map((ticket) => [ticket.ticketId, ticket]));
        version = update.version;
        header = feedOf(update);
        current = { ...header, tickets: update.tickets };
        return { kind: 'applied', feed: current, changed: true };
      }
      if (update.baseVersion !== version) return { kind: 'mismatch', version };
      let size = tickets.size;
      for (const id of update.remove) if (tickets.has(id)) size -= 1;
      for (const ticket of update.upsert) if (!tickets.has(ticket.ticketId)) size += 1;
      if (size > MAX_FEED_TICKETS) {
        return {
          kind: 'refused',
          message: `the delta would make the feed ${size} tickets, more than ${MAX_FEED_TICKETS}`,
        };
      }
      version = update.version;
      const next = feedOf(update);
      const sameHeader =
        next.locale === header.locale &&
        next.clockOffsetMs === header.clockOffsetMs &&
        next.timeZone === header.timeZone;
      if (sameHeader && update.upsert.length === 0 && update.remove.length === 0 && current) {
        return { kind: 'applied', feed: current, changed: false };
      }
      for (const id of update.remove) tickets.delete(id);
      for (const ticket of update.upsert) tickets.set(ticket.ticketId, ticket);
      header = next;
      current = { ...header, tickets: [...tickets.values()] };
      return { kind: 'applied', feed: current, changed: true };
    },
    version: () => version,
    feed: () => current,
  };
}

/** The renderer's side: turns each new feed into the update to send, and learns from answers. */
export interface FeedSender {
  /**
   * The update that brings the host to `feed`. Sent even when nothing changed (an empty delta
   * costs the host nothing): a host restarted meanwhile then answers "mismatch" and is refilled.
   */
  prepare(feed: AlertFeedInput): AlertFeedUpdateInput;
  /**
   * What came of the last prepared update: the host's answer, or null when none came (an error,
   * a lost message: the host may or may not have applied it, so the next update is a full one).
   */
  settle(result: AlertFeedUpdateResult | null): void;
}

interface HostCopy {
  version: number;
  header: string;
  tickets: Map<string, AlertFeedTicket>;
}

/**
 * Entries are compared by identity: the feed source hands out the same object for a ticket
 * until it changes, so finding what changed costs one map lookup per open ticket.
 */
export function createFeedSender(): FeedSender {
  let confirmed: HostCopy | null = null;
  let pending: HostCopy | null = null;
  let lastVersion = 0;

  return {
    prepare(feed) {
      const header = JSON.stringify([feed.locale, feed.clockOffsetMs ?? 0, feed.timeZone]);
      const tickets = new Map(feed.tickets.map((ticket) => [ticket.ticketId, ticket]));
      const base = confirmed;
      const upsert: AlertFeedTicket[] = [];
      const remove: string[] = [];
      if (base) {
        for (const [id, ticket] of tickets)
          if (base.tickets.get(id) !== ticket) upsert.push(ticket);
        for (const id of base.tickets.keys()) if (!tickets.has(id)) remove.push(id);
      }
      lastVersion += 1;
      pending = { version: lastVersion, header, tickets };
      const common = {
        locale: feed.locale,
        clockOffsetMs: feed.clockOffsetMs,
        ...(feed.timeZone === undefined ? {} : { timeZone: feed.timeZone }),
        version: lastVersion,
      };
      return base
        ? { kind: 'delta', baseVersion: base.version, ...common, upsert, remove }
        : { kind: 'full', ...common, tickets: [...tickets.values()] };
    },
    settle(result) {
      confirmed =
        result?.applied === true && pending !== null && result.version === pending.version
          ? pending
          : null;
      pending = null;
    },
  };
}
