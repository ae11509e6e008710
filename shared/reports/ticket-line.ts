import { toSlaTicket, type Organization, type Ticket } from '../domain/ticket';
import { evaluateSla } from '../sla/evaluate';
import type { ClockState, PauseReason, Priority, SlaConfig } from '../sla';
import type { ClockLine, ClockVerdict, TicketLine } from './types';

/** The part of a Ticket a report reads. */
export type ReportTicket = Pick<
  Ticket,
  'id' | 'number' | 'title' | 'organizationId' | 'initialPriority' | 'createdAt' | 'events'
>;

export interface PeriodWindow {
  startMs: number;
  endMs: number;
  /** The instant the replay runs "as of": the period end, or now for a period not over yet. */
  asOfMs: number;
}

/**
 * A verdict is decided once: a met clock when it stopped, a breached one when its deadline passed
 * (stopped or not). Counting a clock in the period holding that instant counts it in exactly one
 * period, so monthly reports add up to the quarter's.
 */
function decidedAtMs(clock: ClockState): number | null {
  if (clock.status === 'met') return clock.stoppedAt === null ? null : Date.parse(clock.stoppedAt);
  if (clock.status === 'breached') return clock.dueAt === null ? null : Date.parse(clock.dueAt);
  return null;
}

/**
 * `reopenedLater`: the ticket was reopened after the replay instant. A resolution met by a stop
 * the customer later rejected is not its verdict: the clock runs on, and its verdict is decided
 * (and counted) when it stops again or its deadline passes. A breach stays a breach: reopening
 * only adds counted time.
 */
function verdictOf(clock: ClockState, window: PeriodWindow, reopenedLater: boolean): ClockVerdict {
  const decided = decidedAtMs(clock);
  if (decided === null) return 'open';
  if (decided < window.startMs || decided >= window.endMs) return 'outside';
  if (clock.status === 'met' && reopenedLater) return 'outside';
  return clock.status === 'met' ? 'met' : 'breached';
}

function clockLine(clock: ClockState, window: PeriodWindow, reopenedLater = false): ClockLine {
  return {
    verdict: verdictOf(clock, window, reopenedLater),
    elapsedMs: clock.elapsedMs,
    targetMs: clock.targetMs,
    dueAt: clock.dueAt,
    stoppedAt: clock.stoppedAt,
  };
}

interface EventFacts {
  priority: Priority;
  pausedMs: Partial<Record<PauseReason, number>>;
  extensionHours: number;
  fixDate: string | null;
}

/** What the events up to `asOfMs` say beyond the clocks: latest priority, pauses, extensions, fix date. */
function eventFacts(ticket: ReportTicket, asOfMs: number): EventFacts {
  let priority = ticket.initialPriority;
  const pausedMs: Partial<Record<PauseReason, number>> = {};
  let extensionHours = 0;
  let fixDate: string | null = null;
  let openPause: { reason: PauseReason; fromMs: number } | null = null;
  const closePause = (atMs: number) => {
    if (openPause === null) return;
    pausedMs[openPause.reason] = (pausedMs[openPause.reason] ?? 0) + (atMs - openPause.fromMs);
    openPause = null;
  };
  for (const event of ticket.events) {
    const atMs = Date.parse(event.at);
    if (atMs > asOfMs) break;
    if (event.type === 'priority_changed' && event.to !== undefined) priority = event.to;
    else if (event.type === 'paused' && event.reason !== undefined) {
      openPause = { reason: event.reason, fromMs: atMs };
    } else if (event.type === 'resumed' || event.type === 'resolved') closePause(atMs);
    else if (event.type === 'extended') extensionHours += event.hours ?? 0;
    else if (event.type === 'fix_scheduled' && fixDate === null)
      fixDate = event.releaseDate ?? null;
  }
  closePause(asOfMs);
  // Rule 7: an extension stops applying when the ticket is no longer P3.
  return { priority, pausedMs, extensionHours: priority === 3 ? extensionHours : 0, fixDate };
}

/**
 * The ticket replayed with the queue's own engine as of the period end; null when the ticket did
 * not exist yet. Throws the engine's SlaInputError for bad stored data.
 */
export function ticketLine(
  ticket: ReportTicket,
  organization: Pick<Organization, 'timeZone' | 'calendar'>,
  window: PeriodWindow,
  config?: SlaConfig,
): TicketLine | null {
  if (Date.parse(ticket.createdAt) > window.asOfMs) return null;
  const evaluation = evaluateSla(
    toSlaTicket(ticket, organization),
    new Date(window.asOfMs),
    config,
  );
  const facts = eventFacts(ticket, window.asOfMs);
  const reopenedLater = ticket.events.some(
    (event) => event.type === 'reopened' && Date.parse(event.at) > window.asOfMs,
  );
  return {
    ticketId: ticket.id,
    number: ticket.number,
    title: ticket.title,
    organizationId: ticket.organizationId,
    priority: facts.priority,
    createdAt: ticket.createdAt,
    reaction: clockLine(evaluation.reaction, window),
    resolution: clockLine(evaluation.resolution, window, reopenedLater),
    pausedMs: facts.pausedMs,
    extensionHours: facts.extensionHours,
    fixDate: facts.priority === 4 ? facts.fixDate : null,
  };
}
