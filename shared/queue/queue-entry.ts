import { toSlaTicket, type Organization, type Ticket, type TicketState } from '../domain/ticket';
import { evaluateSla, planAlerts, SlaInputError } from '../sla';
import type { ClockName, ClockState, Priority, SlaErrorCode, SlaEvent, SlaTicket } from '../sla';
import { isOverdue } from '../sla/overdue';

/** The share of a target after which a ticket counts as "near its deadline" (the first alert level). */
export const NEAR_DEADLINE_LEVEL = 0.75;

/**
 * One queue line, derived once per ticket change and stored beside the ticket (the `queue` table),
 * so opening a queue of 50,000 reads small records and runs no SLA evaluation at all. Everything the list sorts and filters on is
 * here, with the SLA reduced to instants, so the status of every ticket at any `now` is a few
 * comparisons: the 50,000-row queue never re-runs the SLA engine for rows nobody sees.
 */
export interface QueueEntry {
  id: string;
  number: number | null;
  priority: Priority;
  state: TicketState;
  title: string;
  account: string;
  organizationId: string;
  organizationName: string;
  timeZone: string;
  assignee: string | null;
  pending: number;
  failing: number;
  /**
   * What the row's clocks are evaluated from when it is on screen: the ticket's SLA input with
   * each event cut to the fields the engine reads (no authors, command ids or notes but a
   * pause's), so 50,000
   * lines in memory hold no free text the queue never shows.
   */
  sla: SlaTicket | null;
  /** The clock that matters now: reaction until it stops, then resolution. */
  clock: ClockName;
  /** When the current clock stopped (met or breached for good); null while it counts. */
  stoppedAt: number | null;
  stoppedStatus: 'met' | 'breached' | null;
  /** When the current clock breaches if nothing happens; null while paused (unknown). */
  dueMs: number | null;
  /** When the current clock reaches the near-deadline level; -Infinity if it had by the last event. */
  nearMs: number;
  paused: boolean;
  /** The SLA engine refused the ticket's data (shown as such, never hidden): the engine's message, for diagnostics. */
  invalid: string | null;
  /**
   * Why, as a code the window words in its language: the engine's, or `organization_unknown`.
   * Absent on lines stored before codes existed (read as `unexpected`).
   */
  invalidCode?: QueueInvalidCode | null;
  /** Sort key of `compareUrgency`, also an IndexedDB key: the first screen is read by index. */
  urgency: UrgencyKey;
}

/** [group, due instant, priority, number, id]; absent values sort last. */
export type UrgencyKey = [number, number, number, number, string];

/** Why a line has no clocks: the engine refused the ticket, or its organization is not here yet. */
export type QueueInvalidCode = SlaErrorCode | 'organization_unknown' | 'unexpected';

export type QueueStatus = 'breached' | 'near' | 'running' | 'paused' | 'met';

/** The status of an entry at `nowMs`; `waiting` (outside working hours) is a display detail of running. */
export function statusAt(entry: QueueEntry, nowMs: number): QueueStatus {
  if (entry.stoppedStatus !== null) return entry.stoppedStatus;
  if (entry.dueMs !== null && nowMs > entry.dueMs) return 'breached';
  if (entry.paused) return 'paused';
  return nowMs >= entry.nearMs ? 'near' : 'running';
}

/**
 * Whether the line's ticket is overdue at `nowMs`, as the alert centre and the tray count it
 * (shared/sla/overdue): its current clock runs (or is paused) past a known deadline. A clock that
 * stopped late (a P4 answered after its deadline) shows as such, but is not overdue.
 */
export function isOverdueAt(entry: QueueEntry, nowMs: number): boolean {
  return isOverdue({ stoppedAtMs: entry.stoppedAt, dueAtMs: entry.dueMs }, nowMs);
}

/** The SLA input with only what the engine reads of each event (the line keeps this copy). */
export function compactSla(sla: SlaTicket): SlaTicket {
  return { ...sla, events: sla.events.map(compactEvent) };
}

function compactEvent(event: SlaEvent): SlaEvent {
  const compact: SlaEvent = { type: event.type, at: event.at };
  if (event.reason !== undefined) compact.reason = event.reason;
  // The engine checks a pause's note (reason «other» needs one); other notes it never reads.
  if (event.type === 'paused' && event.note !== undefined) compact.note = event.note;
  if (event.hours !== undefined) compact.hours = event.hours;
  if (event.to !== undefined) compact.to = event.to;
  if (event.releaseDate !== undefined) compact.releaseDate = event.releaseDate;
  return compact;
}

// Built when the search box is first used and kept only while the line is: a queue nobody
// searches holds no second copy of every title.
const searchTexts = new WeakMap<QueueEntry, string>();

/** Lower-cased number, title, organization and account: what the search box matches. */
export function searchTextOf(entry: QueueEntry): string {
  let text = searchTexts.get(entry);
  if (text === undefined) {
    text = [entry.number ?? '', entry.title, entry.organizationName, entry.account]
      .join('\n')
      .toLowerCase();
    searchTexts.set(entry, text);
  }
  return text;
}

function currentClock(reaction: ClockState): ClockName {
  return reaction.stoppedAt === null ? 'reaction' : 'resolution';
}

/**
 * The line of a ticket: a function of the ticket and its organization alone, never of the clock
 * that happened to be read when it was written, so a device clock off by hours (or a month) can
 * neither make the engine refuse the ticket nor shift a status. It is evaluated as of the ticket's
 * last known instant (its newest event, or its creation); the clock is continued from there by
 * instants, and `statusAt` compares them with the (ERP-corrected) now of whoever reads the line.
 */
export function toQueueEntry(
  ticket: Ticket,
  organization: Organization | undefined,
  pending: number,
  failing: number,
): QueueEntry {
  const base = {
    id: ticket.id,
    number: ticket.number,
    priority: ticket.priority,
    state: ticket.state,
    title: ticket.title,
    account: ticket.account,
    organizationId: ticket.organizationId,
    organizationName: organization?.name ?? '',
    timeZone: organization?.timeZone ?? 'UTC',
    assignee: ticket.assignee,
    pending,
    failing,
  };
  if (!organization) {
    return invalidEntry(base, 'organization_unknown', 'organization unknown on this device');
  }
  const sla = compactSla(toSlaTicket(ticket, organization));
  try {
    // With every event included, statuses and due instants are the same at any later now; the
    // near level is planned from here, so a level already passed comes back as a past instant.
    const lastEventMs =
      ticket.events.length > 0 ? Date.parse(ticket.events[ticket.events.length - 1]!.at) : 0;
    const now = new Date(Math.max(Date.parse(ticket.createdAt), lastEventMs));
    const evaluation = evaluateSla(sla, now);
    const clock = currentClock(evaluation.reaction);
    const state = evaluation[clock];
    const stopped = state.stoppedAt !== null;
    // Paused even when it breached before the pause: the filter "paused" must still find it.
    const paused = !stopped && clock === 'resolution' && ticket.state === 'paused';
    const near = stopped
      ? null
      : planAlerts(sla, now, [NEAR_DEADLINE_LEVEL]).find((alert) => alert.clock === clock);
    return withUrgency({
      ...base,
      sla,
      clock,
      stoppedAt: stopped ? Date.parse(state.stoppedAt!) : null,
      stoppedStatus: stopped ? (state.status === 'met' ? 'met' : 'breached') : null,
      dueMs: state.dueAt === null ? null : Date.parse(state.dueAt),
      nearMs: near ? Date.parse(near.at) : paused ? Infinity : -Infinity,
      paused,
      invalid: null,
      invalidCode: null,
    });
  } catch (error) {
    return error instanceof SlaInputError
      ? invalidEntry(base, error.code, error.message)
      : invalidEntry(base, 'unexpected', error instanceof Error ? error.message : String(error));
  }
}

function invalidEntry(
  base: Omit<
    QueueEntry,
    | 'sla'
    | 'clock'
    | 'stoppedAt'
    | 'stoppedStatus'
    | 'dueMs'
    | 'nearMs'
    | 'paused'
    | 'invalid'
    | 'invalidCode'
    | 'urgency'
  >,
  code: QueueInvalidCode,
  message: string,
): QueueEntry {
  return withUrgency({
    ...base,
    sla: null,
    clock: 'reaction',
    stoppedAt: null,
    stoppedStatus: null,
    dueMs: null,
    nearMs: Infinity,
    paused: false,
    invalid: message,
    invalidCode: code,
  });
}

const LAST = Number.MAX_SAFE_INTEGER;

/** Recomputes the sort key after a field it depends on changed (tests, derived copies). */
export function withUrgency(entry: Omit<QueueEntry, 'urgency'>): QueueEntry {
  return {
    ...entry,
    urgency: [rank(entry), entry.dueMs ?? LAST, entry.priority, entry.number ?? LAST, entry.id],
  };
}

/**
 * Urgency order: breached first, then by due instant, P1 up. Breached and counting tickets share
 * one key (the due instant), so the order stays right as time passes and a ticket breaches in
 * place: no re-sort is needed on the tick. Paused ones follow (their due instant is unknown),
 * then clocks already stopped (a P4 with its fix scheduled), then anything the engine refused.
 */
export function compareUrgency(a: QueueEntry, b: QueueEntry): number {
  for (let i = 0; i < 4; i += 1) {
    const difference = (a.urgency[i] as number) - (b.urgency[i] as number);
    if (difference !== 0) return difference;
  }
  // Code-unit order, as IndexedDB compares the same key.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function rank(entry: Omit<QueueEntry, 'urgency'>): number {
  if (entry.invalid !== null) return 3;
  if (entry.stoppedStatus !== null) return 2;
  // A paused clock with a due instant breached before the pause: it stays with the breached.
  return entry.dueMs !== null ? 0 : 1;
}
