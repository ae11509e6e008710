import { summaryNoticeText, ticketNoticeText } from './notice-text';
import type { AlertClockFeed, AlertFeedTicket, AlertLocale, AlertNotice } from './schemas';

/** A level reached at most this long ago is announced on its own; older ones are summarized. */
export const ON_TIME_MS = 2 * 60_000;
/** A new summary within this time replaces the previous one instead of adding another. */
export const SUMMARY_MERGE_MS = 10 * 60_000;

/** One ticket clock that reached a level. */
export interface ReachedLevel {
  ticket: AlertFeedTicket;
  clock: AlertClockFeed;
  level: number;
  /** When it was reached; −Infinity when before the feed was computed. */
  atMs: number;
}

export interface NoticeContext {
  nowMs: number;
  zone: string;
  locale: AlertLocale;
}

export function ticketNotice(reached: ReachedLevel, context: NoticeContext): AlertNotice {
  const { ticket, clock, level } = reached;
  const text = ticketNoticeText(
    {
      number: ticket.number,
      organization: ticket.organization,
      priority: ticket.priority,
      clock: clock.clock,
      level,
      targetMs: clock.targetMs,
      dueAtMs: clock.dueAtMs,
      customerZone: ticket.timeZone,
      workingHours: clock.workingHours,
      onTime: context.nowMs - reached.atMs <= ON_TIME_MS,
    },
    context.nowMs,
    context.zone,
    context.locale,
  );
  const tag = `alert:${ticket.ticketId}:${clock.clock}`;
  return {
    id: `${tag}:${level}:${context.nowMs}`,
    kind: 'ticket',
    ticketId: ticket.ticketId,
    tag,
    clock: clock.clock,
    level,
    severity: level >= 1 ? 'breach' : 'warning',
    ...text,
    shownAt: new Date(context.nowMs).toISOString(),
  };
}

/**
 * One ticket clock in a summary. The scheduler hands the same object over again with new values
 * (a first start summarizes 50,000 of them): read it, never keep it.
 */
export interface SummaryItem {
  ticketId: string;
  number: number | null;
  level: number;
}

/** The tickets of the summary on screen, by id → number: breached ones and the rest. */
export interface SummaryState {
  atMs: number;
  breached: Map<string, number | null>;
  warning: Map<string, number | null>;
}

export function isSummaryGrowing(previous: SummaryState | null, nowMs: number): boolean {
  return previous !== null && nowMs - previous.atMs <= SUMMARY_MERGE_MS;
}

/**
 * One notification for many reached levels. Within SUMMARY_MERGE_MS the previous summary grows
 * in place (same tag), e.g. while a first sync brings the queue in page by page.
 */
export function summaryNotice(
  previous: SummaryState | null,
  reached: Iterable<SummaryItem>,
  context: NoticeContext,
): { notice: AlertNotice; state: SummaryState } {
  const state: SummaryState = isSummaryGrowing(previous, context.nowMs)
    ? { ...previous!, atMs: context.nowMs }
    : { atMs: context.nowMs, breached: new Map(), warning: new Map() };
  for (const { ticketId, number, level } of reached) {
    if (level >= 1) {
      state.warning.delete(ticketId);
      state.breached.set(ticketId, number);
    } else if (!state.breached.has(ticketId)) {
      state.warning.set(ticketId, number);
    }
  }
  const text = summaryNoticeText(
    { breached: [...state.breached.values()], warning: [...state.warning.values()] },
    context.locale,
  );
  const ids = [...state.breached.keys(), ...state.warning.keys()];
  const notice: AlertNotice = {
    id: `summary:${context.nowMs}`,
    kind: 'summary',
    ticketId: ids.length === 1 ? ids[0]! : null,
    tag: 'alerts-summary',
    clock: null,
    level: null,
    severity: state.breached.size > 0 ? 'breach' : 'warning',
    ...text,
    shownAt: new Date(context.nowMs).toISOString(),
  };
  return { notice, state };
}
