import { parseIsoDate } from '../calendars/civil-date';
import { findCalendar } from '../calendars/registry';
import type { ProductionCalendar } from '../calendars/calendar-format';
import { describe, parseInstant, requireInstant } from './instants';
import type { ResolvedPolicy } from './policy';
import {
  PAUSE_REASONS,
  SLA_EVENT_TYPES,
  SlaInputError,
  type PauseReason,
  type Priority,
  type SlaErrorCode,
} from './types';
import { isKnownZone } from './zone';

/** A span the resolution clock does not count: an ended pause, or resolved → reopened. */
export interface ExcludedSpan {
  from: number;
  to: number;
  kind: 'pause' | 'resolved';
  reason?: PauseReason;
  note?: string;
}

export interface OpenPause {
  from: number;
  reason: PauseReason;
  note?: string;
}

/** The validated ticket as of `now`, reduced to what the clocks need. */
export interface Timeline {
  createdMs: number;
  nowMs: number;
  /** Latest priority as of now (rule 8). */
  priority: Priority;
  timeZone: string;
  calendar: ProductionCalendar;
  reactionStopMs: number | null;
  excluded: ExcludedSpan[];
  openPause: OpenPause | null;
  resolutionStopMs: number | null;
  extensionMs: number;
}

type Lifecycle = 'open' | 'paused' | 'resolved';

const PRIORITIES = new Set<unknown>([1, 2, 3, 4]);
const EVENT_TYPES = new Set<string>(SLA_EVENT_TYPES);
const REASONS = new Set<string>(PAUSE_REASONS);
const REACTION_STOPS = new Set<string>(['reacted', 'paused', 'resolved', 'fix_scheduled']);
const HOUR_MS = 3_600_000;

// Events are validated in place: one array of their instants instead of an object per event
// (collecting what an evaluation allocates was a sixth of its time), the event read from the ticket.
type RawEvent = Record<string, unknown>;

function fail(event: RawEvent, index: number, code: SlaErrorCode, problem: string): never {
  const label = `${String(event.type)} at ${String(event.at)}`;
  throw new SlaInputError(code, `events[${index}] (${label}): ${problem}`);
}

/** Each event's instant, in order, after rule 11's checks of every event's shape and order. */
function parseEvents(events: unknown, createdMs: number): number[] {
  if (!Array.isArray(events))
    throw new SlaInputError(
      'invalid_ticket',
      `ticket.events must be an array, got ${describe(events)}`,
    );
  const instants: number[] = [];
  let previousMs = createdMs;
  for (let index = 0; index < events.length; index++) {
    const raw: unknown = events[index];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new SlaInputError(
        'invalid_event',
        `events[${index}] must be an object, got ${describe(raw)}`,
      );
    }
    const record = raw as RawEvent;
    const type = record.type;
    if (typeof type !== 'string' || !EVENT_TYPES.has(type)) {
      throw new SlaInputError(
        'invalid_event',
        `events[${index}].type ${describe(type)} is not one of ${SLA_EVENT_TYPES.join(', ')}`,
      );
    }
    // The label is built only when it is needed: a template per event costs as much as the parse.
    const at = record.at;
    const atMs =
      (typeof at === 'string' ? parseInstant(at) : null) ??
      requireInstant(at, `events[${index}].at (${type})`, 'invalid_event');
    if (atMs < createdMs)
      fail(record, index, 'event_before_created', 'is before the ticket was created');
    if (atMs < previousMs)
      fail(
        record,
        index,
        'events_out_of_order',
        `is earlier than events[${index - 1}]; events must be in time order`,
      );
    checkFields(record, index, type);
    instants.push(atMs);
    previousMs = atMs;
  }
  return instants;
}

function checkFields(raw: RawEvent, index: number, type: string): void {
  if (raw.note !== undefined && typeof raw.note !== 'string')
    fail(raw, index, 'invalid_event', 'note must be a string');
  if (type === 'paused') {
    if (typeof raw.reason !== 'string' || !REASONS.has(raw.reason)) {
      fail(
        raw,
        index,
        'invalid_event',
        `reason ${describe(raw.reason)} is not one of ${PAUSE_REASONS.join(', ')}`,
      );
    }
    if (raw.reason === 'other' && (typeof raw.note !== 'string' || raw.note.trim() === '')) {
      fail(
        raw,
        index,
        'invalid_event',
        'a pause for reason "other" needs a note saying what the circumstances are',
      );
    }
  } else if (type === 'extended') {
    if (typeof raw.hours !== 'number' || !Number.isFinite(raw.hours) || raw.hours <= 0) {
      fail(raw, index, 'invalid_event', `hours must be a number > 0, got ${describe(raw.hours)}`);
    }
  } else if (type === 'priority_changed') {
    if (!PRIORITIES.has(raw.to))
      fail(raw, index, 'invalid_event', `to must be a priority 1–4, got ${describe(raw.to)}`);
  } else if (type === 'fix_scheduled' && raw.releaseDate !== undefined) {
    if (typeof raw.releaseDate !== 'string' || parseIsoDate(raw.releaseDate) === null) {
      fail(
        raw,
        index,
        'invalid_event',
        `releaseDate must be a YYYY-MM-DD date, got ${describe(raw.releaseDate)}`,
      );
    }
  }
}

/** Validates the ticket (rule 11) and replays its events up to `now`. */
export function readTimeline(ticket: unknown, now: unknown, policy: ResolvedPolicy): Timeline {
  if (typeof ticket !== 'object' || ticket === null)
    throw new SlaInputError('invalid_ticket', `ticket must be an object, got ${describe(ticket)}`);
  const t = ticket as Record<string, unknown>;
  if (!PRIORITIES.has(t.priority))
    throw new SlaInputError(
      'invalid_ticket',
      `ticket.priority must be 1, 2, 3 or 4, got ${describe(t.priority)}`,
    );
  const createdMs = requireInstant(t.createdAt, 'ticket.createdAt', 'invalid_ticket');
  if (typeof t.timeZone !== 'string' || !isKnownZone(t.timeZone)) {
    throw new SlaInputError(
      'unknown_zone',
      `ticket.timeZone ${describe(t.timeZone)} is not a known IANA time zone`,
    );
  }
  const calendarId = t.calendar ?? policy.defaultCalendar;
  const calendar = typeof calendarId === 'string' ? findCalendar(calendarId) : undefined;
  if (!calendar)
    throw new SlaInputError(
      'unknown_calendar',
      `ticket.calendar ${describe(calendarId)} is not a registered calendar`,
    );
  const nowMs = requireInstant(now, 'now', 'invalid_now');
  if (nowMs < createdMs)
    throw new SlaInputError('now_before_created', 'now is before ticket.createdAt');

  const instants = parseEvents(t.events, createdMs);
  const events = t.events as RawEvent[];
  let finalPriority = t.priority as Priority;
  for (let i = 0; i < instants.length && instants[i]! <= nowMs; i++) {
    const e = events[i]!;
    if (e.type === 'priority_changed') finalPriority = e.to as Priority;
  }

  const timeline: Timeline = {
    createdMs,
    nowMs,
    priority: finalPriority,
    timeZone: t.timeZone,
    calendar,
    reactionStopMs: null,
    excluded: NO_EXCLUDED,
    openPause: null,
    resolutionStopMs: null,
    extensionMs: 0,
  };
  let priority = t.priority as Priority;
  // The ticket's lifecycle (what rule 11 validates) is open, paused or resolved. A P4 answer with
  // a release date stops the resolution clock without changing it (rules 5, 6 read literally).
  let state: Lifecycle = 'open';
  for (let i = 0; i < instants.length; i++) {
    const atMs = instants[i]!;
    if (atMs > nowMs) break;
    const e = events[i]!;
    const type = e.type as string;
    if (timeline.reactionStopMs === null && REACTION_STOPS.has(type))
      timeline.reactionStopMs = atMs;
    switch (type) {
      case 'paused':
        if (state !== 'open')
          fail(e, i, 'event_not_allowed', `cannot pause a ticket that is already ${state}`);
        state = 'paused';
        // A pause after the clock stopped changes no count.
        if (timeline.resolutionStopMs === null) {
          const pause: OpenPause = { from: atMs, reason: e.reason as PauseReason };
          if (typeof e.note === 'string') pause.note = e.note;
          timeline.openPause = pause;
        }
        break;
      case 'resumed':
        if (state !== 'paused')
          fail(e, i, 'event_not_allowed', `resume without a pause: the ticket is ${state}`);
        state = 'open';
        closePause(timeline, atMs);
        break;
      case 'resolved':
        if (state === 'resolved') fail(e, i, 'event_not_allowed', 'the ticket is already resolved');
        state = 'resolved';
        stopResolution(timeline, atMs);
        break;
      case 'fix_scheduled':
        if (priority !== 4)
          fail(
            e,
            i,
            'event_not_allowed',
            `a fix date answers only a P4 ticket; the ticket is P${priority} at that moment`,
          );
        // Rule 6: the answer stops the clock only of a ticket that is evaluated as P4 (rule 8).
        if (finalPriority === 4) stopResolution(timeline, atMs);
        break;
      case 'reopened':
        if (state !== 'resolved')
          fail(e, i, 'event_not_allowed', `cannot reopen a ticket that is ${state}, not resolved`);
        state = 'open';
        if (timeline.resolutionStopMs !== null) {
          exclude(timeline, { from: timeline.resolutionStopMs, to: atMs, kind: 'resolved' });
          timeline.resolutionStopMs = null;
        }
        break;
      case 'extended':
        if (priority !== 3)
          fail(
            e,
            i,
            'event_not_allowed',
            `an extension applies only to a P3 ticket; the ticket is P${priority} at that moment`,
          );
        if (finalPriority === 3) timeline.extensionMs += (e.hours as number) * HOUR_MS;
        break;
      case 'priority_changed':
        priority = e.to as Priority;
        break;
    }
  }
  return timeline;
}

// Most tickets skip nothing: they share one empty list (frozen, so a push would fail loudly)
// instead of each growing an array of its own.
const NO_EXCLUDED: ExcludedSpan[] = Object.freeze([]) as unknown as ExcludedSpan[];

function exclude(timeline: Timeline, span: ExcludedSpan): void {
  if (timeline.excluded === NO_EXCLUDED) timeline.excluded = [span];
  else timeline.excluded.push(span);
}

function closePause(timeline: Timeline, at: number): void {
  const pause = timeline.openPause;
  if (!pause) return;
  // Built field by field: an object spread per pause cost more than the rest of the replay.
  const span: ExcludedSpan = { from: pause.from, to: at, kind: 'pause', reason: pause.reason };
  if (pause.note !== undefined) span.note = pause.note;
  exclude(timeline, span);
  timeline.openPause = null;
}
/** The first stop since the last reopen ends an open pause there: the clock cannot be paused and stopped. */
function stopResolution(timeline: Timeline, at: number): void {
  if (timeline.resolutionStopMs !== null) return;
  closePause(timeline, at);
  timeline.resolutionStopMs = at;
}
