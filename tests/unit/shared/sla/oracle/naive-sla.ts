/**
 * A deliberately naive, independent reference implementation of the SLA clock
 * (DOMAIN.md "How the SLA clock runs", rules 1–11; DESIGN.md "Contract 1").
 *
 * It exists only to cross-check the optimised engine in shared/sla. It was written without
 * reading shared/sla or shared/calendars. Clarity over speed: every evaluation walks local
 * calendar days one by one with luxon, there is no caching, and all counting is done on plain
 * lists of [start, end) intervals in epoch milliseconds.
 *
 * CHOICES MADE WHERE THE SPEC IS AMBIGUOUS (the most literal reading was taken each time):
 *  1. Working time is the half-open local interval [09:00, 18:00) ([09:00, 17:00) on a short
 *     day). So `now` exactly at 18:00 is outside working time ("waiting"), exactly at 09:00 inside.
 *  2. "Events after now are ignored" is applied FIRST: events with `at` > now are dropped before
 *     any other check (order, state machine, priority-at-that-moment). An event exactly at `now`
 *     counts. An event whose `at` cannot be parsed always throws (we cannot tell it is in the future).
 *  3. Events with equal timestamps are not "out of time order"; they are applied in list order.
 *     An event exactly at `createdAt` is allowed.
 *  4. Instants (`createdAt`, event `at`, `now` given as a string) must be ISO 8601 with an explicit
 *     `Z` or offset; a string without one is rejected rather than read in some default zone.
 *  5. "Open" (for "reopen of an open one") means "not resolved". `fix_scheduled` does not resolve
 *     the ticket: after it, pausing is still allowed, and reopening (without a `resolved`) throws.
 *  6. `fix_scheduled` stops the resolution clock only when the ticket's LATEST priority is P4
 *     (rule 8: the whole ticket is evaluated on the latest priority). It is validated against the
 *     priority at its own moment (must be P4 then), and it always stops the reaction clock (rule 4).
 *  7. `fix_scheduled` does not close an open pause (rule 5 says only `resolved` does). A later
 *     `resolved` after `fix_scheduled` does not move `stoppedAt`: the clock already stopped.
 *     `reopened` after fix_scheduled+resolved restarts counting at the reopen instant.
 *  8. Extensions: each must be made while the ticket is P3 (else throw) with finite hours > 0
 *     (fractional allowed). All of them are added to the resolution target iff the LATEST priority
 *     is P3 (so P3→P2→P3 keeps them), and dropped otherwise. Extensions after resolve are allowed.
 *  9. `priority_changed` needs `to` ∈ {1,2,3,4}; a change to the same priority is allowed (no-op).
 *     `reacted` may repeat and may come at any time (only the first response stops reaction).
 * 10. "A stopped clock keeps the deadline that applied to it": `dueAt` of a stopped clock is the
 *     earliest instant at which counted time reaches the target if the clock had kept running from
 *     its stop instant with no further pauses (whatever came after the stop is ignored for this
 *     projection) — also when the stop happened inside an open pause (resolved during a pause, or
 *     P4 fix_scheduled during a pause). If the target was already reached before the stop, `dueAt`
 *     is that past instant.
 * 11. `dueAt` is the earliest instant at which the counted time reaches the target, so reaching it
 *     exactly at the end of a working period gives that end (Mon 18:00, not Tue 09:00), and if the
 *     target was reached in the past (also while now is paused) `dueAt` is that past instant.
 *     A paused clock whose target was not yet reached (elapsed < target) has `dueAt: null`.
 * 12. Breach is strict: breached when stoppedAt > dueAt, or not stopped and now > dueAt. Stopping
 *     or `now` exactly at dueAt is met / not yet breached.
 * 13. `waiting` applies to P1 never (every instant counts). It is checked after `paused`.
 * 14. planAlerts: for a clock that has not stopped and is not paused, for each level the earliest
 *     instant at which counted time reaches level × target (same projection as dueAt), kept if
 *     strictly after `now`. A paused clock gets no alerts (nothing advances without events).
 *     Ties in time are ordered reaction before resolution, then by level ascending. Levels are
 *     used as given (no validation, no de-duplication).
 * 15. The RU calendar has data for 2024–2027 only; a day in a year without data throws.
 *     An unknown calendar id (anything but 'RU' / undefined / 'none') throws.
 * 16. A `paused` event with reason 'other' needs a note that is a non-empty string after trimming.
 *     Other reasons need no note. An unknown event type throws.
 * 17. `releaseDate` on fix_scheduled is not required or checked.
 */
import { readFileSync } from 'node:fs';
import { DateTime, IANAZone } from 'luxon';

// ---------- types (mirroring DESIGN.md contract 1) ----------

export type Priority = 1 | 2 | 3 | 4;
export type PauseReason =
  | 'user_side_fault'
  | 'third_party_fault'
  | 'awaiting_user_action'
  | 'awaiting_user_info'
  | 'awaiting_third_party_info'
  | 'user_unreachable'
  | 'equipment_delivery'
  | 'other';
export type SlaEventType =
  | 'reacted'
  | 'paused'
  | 'resumed'
  | 'resolved'
  | 'fix_scheduled'
  | 'reopened'
  | 'extended'
  | 'priority_changed';

export interface OracleEvent {
  type: SlaEventType;
  at: string;
  reason?: PauseReason;
  note?: string;
  hours?: number;
  to?: Priority;
  releaseDate?: string;
}

export interface OracleTicket {
  priority: Priority;
  createdAt: string;
  timeZone: string;
  calendar?: string;
  events: OracleEvent[];
}

export interface OracleClock {
  status: 'running' | 'waiting' | 'paused' | 'met' | 'breached';
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  dueAt: string | null;
  stoppedAt: string | null;
}

export interface OracleAlert {
  clock: 'reaction' | 'resolution';
  level: number;
  at: string;
}

export class OracleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OracleInputError';
  }
}

const HOUR = 3_600_000;

/** Table 1 of DOMAIN.md, in hours. */
const TARGET_HOURS: Record<Priority, { reaction: number; resolution: number }> = {
  1: { reaction: 1, resolution: 8 },
  2: { reaction: 4, resolution: 24 },
  3: { reaction: 8, resolution: 40 },
  4: { reaction: 8, resolution: 40 },
};

const PAUSE_REASONS: readonly string[] = [
  'user_side_fault',
  'third_party_fault',
  'awaiting_user_action',
  'awaiting_user_info',
  'awaiting_third_party_info',
  'user_unreachable',
  'equipment_delivery',
  'other',
];

const EVENT_TYPES: readonly string[] = [
  'reacted',
  'paused',
  'resumed',
  'resolved',
  'fix_scheduled',
  'reopened',
  'extended',
  'priority_changed',
];

// ---------- the RU production calendar, read straight from the shared data file ----------

interface CalendarYear {
  holidays: string[];
  workingWeekends: string[];
  shortDays: string[];
}

// tests/unit/shared/sla/oracle/ -> repo root is 5 levels up; shared/ is the repo's sibling.
const CALENDAR_URL = new URL('../../../../fixtures/ru-production-calendar.json', import.meta.url);
const RU_YEARS = (
  JSON.parse(readFileSync(CALENDAR_URL, 'utf8')) as { years: Record<string, CalendarYear> }
).years;

/** Working hours of one local calendar day, or null when the day is not a working day. */
function workingHoursOfDay(
  calendar: 'RU' | 'none',
  isoDate: string,
  weekday: number, // 1 = Monday … 7 = Sunday
): { startHour: number; endHour: number } | null {
  const isWeekday = weekday <= 5;
  if (calendar === 'none') {
    return isWeekday ? { startHour: 9, endHour: 18 } : null;
  }
  const year = RU_YEARS[isoDate.slice(0, 4)];
  if (year === undefined) {
    throw new OracleInputError(`RU calendar has no data for ${isoDate}`);
  }
  let working = isWeekday;
  if (year.holidays.includes(isoDate)) working = false;
  if (year.workingWeekends.includes(isoDate)) working = true;
  if (!working) return null;
  return { startHour: 9, endHour: year.shortDays.includes(isoDate) ? 17 : 18 };
}

// ---------- schedule: which instants count ----------

interface Schedule {
  priority: Priority;
  zone: string;
  calendar: 'RU' | 'none';
}

type Interval = [start: number, end: number]; // [start, end) in epoch ms; end may be Infinity

/**
 * The working periods of the schedule that overlap [from, to), clipped to it, in time order,
 * produced lazily one local day at a time (so an open-ended walk, to = Infinity, stops as soon as
 * the caller has what it needs).
 */
function* countedPieces(s: Schedule, from: number, to: number): Generator<Interval> {
  if (to <= from) return;
  if (s.priority === 1) {
    yield [from, to]; // 24×7: every instant counts
    return;
  }
  let day = DateTime.fromMillis(from, { zone: s.zone }).startOf('day');
  for (let i = 0; i < 1000 && day.toMillis() < to; i++) {
    const hours = workingHoursOfDay(s.calendar, day.toISODate() ?? '', day.weekday);
    if (hours !== null) {
      const at = (hour: number): number =>
        DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour },
          { zone: s.zone },
        ).toMillis();
      const a = Math.max(at(hours.startHour), from);
      const b = Math.min(at(hours.endHour), to);
      if (b > a) yield [a, b];
    }
    day = day.plus({ days: 1 });
  }
}

/** Counted time inside the given intervals. */
function countedTime(s: Schedule, intervals: Interval[]): number {
  let total = 0;
  for (const [a, b] of intervals) {
    for (const [x, y] of countedPieces(s, a, b)) total += y - x;
  }
  return total;
}

/**
 * The earliest instant at which the counted time inside `intervals` (in order, disjoint) reaches
 * `amount`, or null if it never does.
 */
function instantReaching(s: Schedule, intervals: Interval[], amount: number): number | null {
  if (amount <= 0) return intervals[0]?.[0] ?? null;
  let acc = 0;
  for (const [a, b] of intervals) {
    for (const [x, y] of countedPieces(s, a, b)) {
      if (acc + (y - x) >= amount) return x + (amount - acc);
      acc += y - x;
    }
  }
  return null;
}

function isWorkingInstant(s: Schedule, t: number): boolean {
  return !countedPieces(s, t, t + 1).next().done;
}

// ---------- input parsing ----------

const OFFSET_SUFFIX = /T\d{2}.*(Z|[+-]\d{2}(:?\d{2})?)$/i;

function parseInstant(value: unknown, what: string): number {
  if (typeof value !== 'string' || !OFFSET_SUFFIX.test(value.trim())) {
    throw new OracleInputError(
      `${what}: not an ISO 8601 instant with Z or offset: ${String(value)}`,
    );
  }
  const dt = DateTime.fromISO(value.trim(), { setZone: true });
  if (!dt.isValid) throw new OracleInputError(`${what}: invalid instant ${value}`);
  return dt.toMillis();
}

function parseNow(now: string | Date): number {
  if (now instanceof Date) {
    const ms = now.getTime();
    if (Number.isNaN(ms)) throw new OracleInputError('now: invalid Date');
    return ms;
  }
  return parseInstant(now, 'now');
}

function isPriority(p: unknown): p is Priority {
  return p === 1 || p === 2 || p === 3 || p === 4;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// ---------- replaying the event log ----------

interface Replay {
  schedule: Schedule;
  nowMs: number;
  createdMs: number;
  reaction: { targetMs: number; stopMs: number | null };
  resolution: {
    targetMs: number;
    closed: Interval[]; // counting periods that ended (by pause, resolve or P4 fix)
    runningSince: number | null; // start of the period still counting at `now`
    paused: boolean; // a pause is open at `now`
    stopMs: number | null; // stop instant if stopped at `now`
  };
}

function replay(ticket: OracleTicket, now: string | Date): Replay {
  if (!isPriority(ticket.priority)) {
    throw new OracleInputError(`ticket.priority: ${String(ticket.priority)}`);
  }
  if (typeof ticket.timeZone !== 'string' || !IANAZone.isValidZone(ticket.timeZone)) {
    throw new OracleInputError(`unknown time zone ${String(ticket.timeZone)}`);
  }
  const calendarId = ticket.calendar ?? 'RU';
  if (calendarId !== 'RU' && calendarId !== 'none') {
    throw new OracleInputError(`unknown calendar ${calendarId}`);
  }
  const createdMs = parseInstant(ticket.createdAt, 'createdAt');
  const nowMs = parseNow(now);
  if (nowMs < createdMs) throw new OracleInputError('now is before createdAt');

  // Rule 11: events after now are ignored (choice 2: before any other check).
  const parsed = ticket.events.map((e, i) => ({ e, i, at: parseInstant(e.at, `event #${i}`) }));
  const kept = parsed.filter((p) => p.at <= nowMs);

  // Pass 1: validate in order and find the latest priority.
  let priority: Priority = ticket.priority;
  let previousAt = createdMs;
  let paused = false;
  let resolved = false;
  for (const { e, i, at } of kept) {
    const name = `event #${i} (${String(e.type)} at ${e.at})`;
    if (!EVENT_TYPES.includes(e.type)) throw new OracleInputError(`${name}: unknown type`);
    if (at < createdMs) throw new OracleInputError(`${name}: before createdAt`);
    if (at < previousAt) throw new OracleInputError(`${name}: out of time order`);
    previousAt = at;
    switch (e.type) {
      case 'paused':
        if (paused) throw new OracleInputError(`${name}: pause while paused`);
        if (resolved) throw new OracleInputError(`${name}: pause of a resolved ticket`);
        if (typeof e.reason !== 'string' || !PAUSE_REASONS.includes(e.reason)) {
          throw new OracleInputError(`${name}: unknown pause reason ${String(e.reason)}`);
        }
        if (e.reason === 'other' && (typeof e.note !== 'string' || e.note.trim() === '')) {
          throw new OracleInputError(`${name}: reason 'other' needs a note`);
        }
        paused = true;
        break;
      case 'resumed':
        if (!paused) throw new OracleInputError(`${name}: resume without a pause`);
        paused = false;
        break;
      case 'resolved':
        if (resolved) throw new OracleInputError(`${name}: resolve of a resolved ticket`);
        resolved = true;
        paused = false;
        break;
      case 'reopened':
        if (!resolved) throw new OracleInputError(`${name}: reopen of an open ticket`);
        resolved = false;
        break;
      case 'extended':
        if (priority !== 3) throw new OracleInputError(`${name}: extension on a P${priority}`);
        if (typeof e.hours !== 'number' || !Number.isFinite(e.hours) || e.hours <= 0) {
          throw new OracleInputError(`${name}: hours must be > 0`);
        }
        break;
      case 'fix_scheduled':
        if (priority !== 4) throw new OracleInputError(`${name}: fix_scheduled on a P${priority}`);
        break;
      case 'priority_changed':
        if (!isPriority(e.to)) throw new OracleInputError(`${name}: bad priority ${String(e.to)}`);
        priority = e.to;
        break;
      case 'reacted':
        break;
    }
  }
  const finalPriority = priority;
  const schedule: Schedule = {
    priority: finalPriority,
    zone: ticket.timeZone,
    calendar: calendarId,
  };

  // Reaction (rule 4): stops at the first reacted / paused / resolved / fix_scheduled.
  const firstResponse = kept.find((p) =>
    ['reacted', 'paused', 'resolved', 'fix_scheduled'].includes(p.e.type),
  );

  // Resolution (rules 5–7), on the latest priority.
  let extensionMs = 0;
  const closed: Interval[] = [];
  let runningSince: number | null = createdMs;
  let isPaused = false;
  let stopMs: number | null = null;
  for (const { e, at } of kept) {
    switch (e.type) {
      case 'paused':
        isPaused = true;
        if (runningSince !== null) closed.push([runningSince, at]);
        runningSince = null;
        break;
      case 'resumed':
        isPaused = false;
        if (stopMs === null) runningSince = at;
        break;
      case 'resolved':
        isPaused = false;
        if (runningSince !== null) closed.push([runningSince, at]);
        runningSince = null;
        if (stopMs === null) stopMs = at;
        break;
      case 'fix_scheduled':
        if (finalPriority === 4 && stopMs === null) {
          if (runningSince !== null) closed.push([runningSince, at]);
          runningSince = null;
          stopMs = at;
        }
        break;
      case 'reopened':
        stopMs = null;
        runningSince = isPaused ? null : at;
        break;
      case 'extended':
        extensionMs += (e.hours ?? 0) * HOUR;
        break;
      default:
        break;
    }
  }

  return {
    schedule,
    nowMs,
    createdMs,
    reaction: {
      targetMs: TARGET_HOURS[finalPriority].reaction * HOUR,
      stopMs: firstResponse?.at ?? null,
    },
    resolution: {
      targetMs:
        TARGET_HOURS[finalPriority].resolution * HOUR + (finalPriority === 3 ? extensionMs : 0),
      closed: closed.filter(([a, b]) => b > a),
      runningSince,
      paused: isPaused,
      stopMs,
    },
  };
}

// ---------- building clock states ----------

interface ClockModel {
  targetMs: number;
  /** counting periods up to `now` (the live one clipped at `now`) */
  pastIntervals: Interval[];
  /** the periods used to project dueAt/alerts; null-terminated projection when paused */
  projection: Interval[];
  stopMs: number | null;
  paused: boolean;
}

function reactionModel(r: Replay): ClockModel {
  const end = r.reaction.stopMs ?? r.nowMs;
  return {
    targetMs: r.reaction.targetMs,
    pastIntervals: [[r.createdMs, end]],
    projection: [[r.createdMs, Infinity]], // never paused: the stop changes nothing before it
    stopMs: r.reaction.stopMs,
    paused: false,
  };
}

function resolutionModel(r: Replay): ClockModel {
  const res = r.resolution;
  const past: Interval[] = [...res.closed];
  if (res.runningSince !== null) past.push([res.runningSince, r.nowMs]);
  const projection: Interval[] = [...res.closed];
  if (res.runningSince !== null) projection.push([res.runningSince, Infinity]);
  else if (res.stopMs !== null) projection.push([res.stopMs, Infinity]); // choice 10
  // else: paused, nothing further counts
  return {
    targetMs: res.targetMs,
    pastIntervals: past,
    projection,
    stopMs: res.stopMs,
    paused: res.paused && res.stopMs === null,
  };
}

function clockState(r: Replay, m: ClockModel): OracleClock {
  const elapsedMs = countedTime(r.schedule, m.pastIntervals);
  const dueMs = instantReaching(r.schedule, m.projection, m.targetMs);
  let status: OracleClock['status'];
  if (m.stopMs !== null) {
    status = dueMs !== null && m.stopMs <= dueMs ? 'met' : 'breached';
  } else if (dueMs !== null && r.nowMs > dueMs) {
    status = 'breached';
  } else if (m.paused) {
    status = 'paused';
  } else if (!isWorkingInstant(r.schedule, r.nowMs)) {
    status = 'waiting';
  } else {
    status = 'running';
  }
  return {
    status,
    targetMs: m.targetMs,
    elapsedMs,
    remainingMs: m.targetMs - elapsedMs,
    dueAt: dueMs === null ? null : iso(dueMs),
    stoppedAt: m.stopMs === null ? null : iso(m.stopMs),
  };
}

// ---------- public API ----------

export function evaluateSla(
  ticket: OracleTicket,
  now: string | Date,
): { reaction: OracleClock; resolution: OracleClock } {
  const r = replay(ticket, now);
  return {
    reaction: clockState(r, reactionModel(r)),
    resolution: clockState(r, resolutionModel(r)),
  };
}

export function planAlerts(
  ticket: OracleTicket,
  now: string | Date,
  levels: number[] = [0.75, 0.9, 1],
): OracleAlert[] {
  const r = replay(ticket, now);
  const found: { clock: OracleAlert['clock']; level: number; ms: number }[] = [];
  const clocks: [OracleAlert['clock'], ClockModel][] = [
    ['reaction', reactionModel(r)],
    ['resolution', resolutionModel(r)],
  ];
  for (const [clock, m] of clocks) {
    if (m.stopMs !== null || m.paused) continue;
    for (const level of levels) {
      const ms = instantReaching(r.schedule, m.projection, level * m.targetMs);
      if (ms !== null && ms > r.nowMs) found.push({ clock, level, ms });
    }
  }
  found.sort(
    (a, b) =>
      a.ms - b.ms ||
      (a.clock === b.clock ? 0 : a.clock === 'reaction' ? -1 : 1) ||
      a.level - b.level,
  );
  return found.map(({ clock, level, ms }) => ({ clock, level, at: iso(ms) }));
}
