import { z } from 'zod';
import { MAX_CLOCK_OFFSET_MS } from '../clock/corrected-clock';
import { isKnownZone } from '../sla/zone';

/*
 * What crosses the host boundary for desk alerts. The renderer owns the tickets, so it sends the
 * host a compact feed: per open ticket, the instants at which each SLA clock reaches each level
 * (from shared/sla planAlerts) and which levels it had already reached. The host decides when
 * and how to tell the user; it never reads the database.
 */

export const ALERT_LOCALES = ['ru', 'en'] as const;
export type AlertLocale = (typeof ALERT_LOCALES)[number];

export const ALERT_CLOCKS = ['reaction', 'resolution'] as const;
export type AlertClock = (typeof ALERT_CLOCKS)[number];

/** The most open tickets a feed may hold (a desk's queue is well under it). */
export const MAX_FEED_TICKETS = 100_000;

const epochMs = z.number().int().min(0).max(8_000_000_000_000);

/** One level of one clock: `atMs` when it will be reached, null when it already was. */
export const alertMarkSchema = z.strictObject({
  level: z.number().gt(0).lte(1),
  atMs: epochMs.nullable(),
});

export const alertClockFeedSchema = z.strictObject({
  clock: z.enum(ALERT_CLOCKS),
  /** Counted budget of the clock; a change (priority, extension) makes its alerts new ones. */
  targetMs: z.number().int().positive(),
  /** Null while a pause hides the deadline (DOMAIN rule 9). */
  dueAtMs: epochMs.nullable(),
  /** True when only working hours count (P2–P4): "time left" is then working time. */
  workingHours: z.boolean(),
  marks: z.array(alertMarkSchema).max(8),
});

export const alertFeedTicketSchema = z.strictObject({
  ticketId: z.string().min(1).max(100),
  /** Null until the ERP registered an offline intake. */
  number: z.number().int().positive().nullable(),
  organization: z.string().max(300),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** The organization's zone: notifications name deadlines in it, as the window does. */
  timeZone: z
    .string()
    .max(64)
    .refine(isKnownZone, { message: 'must be an IANA time zone, e.g. Asia/Irkutsk' })
    .optional(),
  clocks: z.array(alertClockFeedSchema).max(2),
});

/** Replaces the whole feed: the renderer always sends every open ticket. */
export const alertFeedSchema = z.strictObject({
  /** Language of the notification texts (the window's interface language). */
  locale: z.enum(ALERT_LOCALES).default('ru'),
  /**
   * ERP time − device time, as the renderer's sync engine measured it (0: not measured). The
   * instants below are ERP time; the host fires them by its own clock corrected by this.
   */
  clockOffsetMs: z.number().int().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS).default(0),
  /**
   * The computer's zone as the window resolves it now. Chromium follows a change of the system
   * zone in its windows, while Electron's main process may keep the zone it started with
   * (electron/electron#33723), so the host prefers this to its own reading.
   */
  timeZone: z
    .string()
    .max(64)
    .refine(isKnownZone, { message: 'must be an IANA time zone, e.g. Europe/Moscow' })
    .optional(),
  tickets: z.array(alertFeedTicketSchema).max(MAX_FEED_TICKETS),
});

export type AlertMark = z.output<typeof alertMarkSchema>;
export type AlertClockFeed = z.output<typeof alertClockFeedSchema>;
export type AlertFeedTicket = z.output<typeof alertFeedTicketSchema>;
export type AlertFeed = z.output<typeof alertFeedSchema>;
export type AlertFeedInput = z.input<typeof alertFeedSchema>;

export const alertMuteSchema = z.strictObject({
  /** 0 ends a mute. */
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
export type AlertMute = z.input<typeof alertMuteSchema>;

/** One notification as shown: by the OS (Electron, Web Notifications) and in the window's list. */
export interface AlertNotice {
  /** Unique per showing. */
  id: string;
  kind: 'ticket' | 'summary';
  /** The ticket a click opens; null for a summary of several. */
  ticketId: string | null;
  /** Notices with the same tag replace each other (a 90 % notice replaces the 75 % one). */
  tag: string;
  /** For a ticket notice: which clock reached which level. */
  clock: AlertClock | null;
  level: number | null;
  severity: 'warning' | 'breach';
  title: string;
  body: string;
  /** ISO instant it was shown. */
  shownAt: string;
}

/** What the tray (and the window's alert list) shows: the worst current condition and counts. */
export interface AlertStatus {
  /** Open (and paused) tickets in the feed. */
  open: number;
  /** Tickets with a clock at 90 % or more of its budget but not breached. */
  warning: number;
  /** Tickets with a breached clock. */
  breached: number;
  /** ISO instant a mute ends; null when not muted. */
  mutedUntil: string | null;
  /** ISO instant the current quiet hours end; null outside them. */
  quietUntil: string | null;
  locale: AlertLocale;
}
