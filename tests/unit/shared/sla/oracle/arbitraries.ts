// Random ticket generators for the engine-vs-oracle cross-check (see cross-check.test.ts).
// Valid tickets are built by simulating the event state machine and only choosing events that
// DOMAIN.md rule 11 allows; invalid ones insert exactly one forbidden input into a valid ticket.
// Every walk stays inside the years the RU calendar data covers (2024–2027).
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { OracleEvent, OracleTicket, PauseReason, Priority } from './naive-sla';

const MIN = 60_000;

const RU_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Asia/Vladivostok',
  'Asia/Kamchatka',
] as const;

const REASONS: PauseReason[] = [
  'user_side_fault',
  'third_party_fault',
  'awaiting_user_action',
  'awaiting_user_info',
  'awaiting_third_party_info',
  'user_unreachable',
  'equipment_delivery',
  'other',
];

const utc = (s: string): number => Date.parse(s);

// Windows (UTC) for createdAt; the last one keeps every walk inside the calendar data (≤ 2027).
const WINDOWS: [number, number][] = [
  [utc('2024-01-01T00:00:00Z'), utc('2027-11-01T00:00:00Z')], // anywhere
  [utc('2024-01-01T00:00:00Z'), utc('2024-01-10T00:00:00Z')], // New Year 2024
  [utc('2024-12-24T00:00:00Z'), utc('2025-01-10T00:00:00Z')], // New Year 2025, working Sat 12-28
  [utc('2025-12-24T00:00:00Z'), utc('2026-01-12T00:00:00Z')], // New Year 2026
  [utc('2026-12-24T00:00:00Z'), utc('2027-01-11T00:00:00Z')], // New Year 2027
  [utc('2024-04-24T00:00:00Z'), utc('2024-05-12T00:00:00Z')], // May 2024, working Sat 04-27
  [utc('2025-04-28T00:00:00Z'), utc('2025-05-12T00:00:00Z')], // May 2025
  [utc('2026-04-28T00:00:00Z'), utc('2026-05-12T00:00:00Z')], // May 2026
  [utc('2027-04-28T00:00:00Z'), utc('2027-05-11T00:00:00Z')], // May 2027
  [utc('2025-10-29T00:00:00Z'), utc('2025-11-06T00:00:00Z')], // working short Sat 2025-11-01
  [utc('2024-10-30T00:00:00Z'), utc('2024-11-05T00:00:00Z')], // working short Sat 2024-11-02
  [utc('2027-02-17T00:00:00Z'), utc('2027-02-25T00:00:00Z')], // working short Sat 2027-02-20
  [utc('2025-03-24T00:00:00Z'), utc('2025-04-01T00:00:00Z')], // EU DST start (Berlin)
  [utc('2026-10-21T00:00:00Z'), utc('2026-10-28T00:00:00Z')], // EU DST end (Berlin)
];

const createdAtArb = fc
  .record({
    window: fc.integer({ min: 0, max: WINDOWS.length - 1 }),
    frac: fc.integer({ min: 0, max: 1_000_000 }),
    onTheHour: fc.boolean(),
  })
  .map(({ window, frac, onTheHour }) => {
    const [a, b] = WINDOWS[window] ?? [0, 0];
    const ms = a + Math.floor(((b - a) / MIN) * (frac / 1_000_000)) * MIN;
    return onTheHour ? ms - (ms % (60 * MIN)) : ms;
  });

const zoneArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      zone: fc.constantFrom(...RU_ZONES),
      calendar: fc.constantFrom<string | undefined>(undefined, 'RU', 'RU', 'none'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ zone: 'Europe/Berlin', calendar: 'none' }) },
);

// Gap in minutes between consecutive events: sometimes 0 (same instant), often whole hours.
const gapArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 180 }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 72 }).map((h) => h * 60) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 * 24 * 60 }) },
);

interface Step {
  gap: number;
  pick: number;
  reason: number;
  withNote: boolean;
  hours: number;
  to: Priority;
}
const stepArb: fc.Arbitrary<Step> = fc.record({
  gap: gapArb,
  pick: fc.integer({ min: 0, max: 7 }),
  reason: fc.integer({ min: 0, max: 7 }),
  withNote: fc.boolean(),
  hours: fc.integer({ min: 1, max: 16 }),
  to: fc.constantFrom<Priority>(1, 2, 3, 4),
});

interface State {
  paused: boolean;
  resolved: boolean;
  priority: Priority;
}

function allowedTypes(s: State): OracleEvent['type'][] {
  const types: OracleEvent['type'][] = ['reacted'];
  if (!s.paused && !s.resolved) types.push('paused');
  if (s.paused) types.push('resumed');
  if (!s.resolved) types.push('resolved');
  if (s.resolved) types.push('reopened');
  if (s.priority === 3) types.push('extended');
  if (s.priority === 4) types.push('fix_scheduled');
  types.push('priority_changed');
  return types;
}

function apply(s: State, e: OracleEvent): State {
  switch (e.type) {
    case 'paused':
      return { ...s, paused: true };
    case 'resumed':
      return { ...s, paused: false };
    case 'resolved':
      return { ...s, paused: false, resolved: true };
    case 'reopened':
      return { ...s, resolved: false };
    case 'priority_changed':
      return { ...s, priority: e.to ?? s.priority };
    default:
      return s;
  }
}

/** Instants as strings: mostly UTC `Z`, sometimes with the ticket zone's offset. */
function fmt(ms: number, zone: string, withOffset: boolean): string {
  if (!withOffset) return new Date(ms).toISOString();
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

function buildEvent(type: OracleEvent['type'], at: string, step: Step): OracleEvent {
  switch (type) {
    case 'paused': {
      const reason = REASONS[step.reason] ?? 'other';
      return reason === 'other' || step.withNote
        ? { type, at, reason, note: 'agreed with the customer' }
        : { type, at, reason };
    }
    case 'extended':
      return { type, at, hours: step.hours };
    case 'fix_scheduled':
      return { type, at, releaseDate: '2027-12-01' };
    case 'priority_changed':
      return { type, at, to: step.to };
    default:
      return { type, at };
  }
}

interface Built {
  ticket: OracleTicket;
  times: number[]; // event instants (ms), parallel to ticket.events
  states: State[]; // state before each event, plus the final one
}

function buildValid(
  priority: Priority,
  createdMs: number,
  zone: string,
  calendar: string | undefined,
  steps: Step[],
  offsets: boolean,
): Built {
  let state: State = { paused: false, resolved: false, priority };
  let t = createdMs;
  const events: OracleEvent[] = [];
  const times: number[] = [];
  const states: State[] = [];
  steps.forEach((step, i) => {
    t += step.gap * MIN;
    const types = allowedTypes(state);
    const type = types[step.pick % types.length] ?? 'reacted';
    const e = buildEvent(type, fmt(t, zone, offsets && i % 2 === 1), step);
    states.push(state);
    events.push(e);
    times.push(t);
    state = apply(state, e);
  });
  states.push(state);
  const ticket: OracleTicket = {
    priority,
    createdAt: fmt(createdMs, zone, offsets),
    timeZone: zone,
    events,
  };
  if (calendar !== undefined) ticket.calendar = calendar;
  return { ticket, times, states };
}

const LEVELS: (number[] | undefined)[] = [undefined, [0.5, 1], [0.25, 0.5, 0.75, 1, 1.5], [1]];

export const validCaseArb = fc
  .record({
    priority: fc.constantFrom<Priority>(1, 2, 3, 4),
    createdMs: createdAtArb,
    where: zoneArb,
    steps: fc.array(stepArb, { maxLength: 8 }),
    offsets: fc.boolean(),
    nowMode: fc.constantFrom('after', 'within', 'atEvent'),
    nowFrac: fc.integer({ min: 0, max: 1000 }),
    nowAfter: fc.oneof(
      fc.integer({ min: 0, max: 4 * 24 * 60 }),
      fc.integer({ min: 0, max: 96 }).map((h) => h * 60), // often exactly on a 09:00/18:00 edge
    ),
    nowAsDate: fc.boolean(),
    levels: fc.integer({ min: 0, max: LEVELS.length - 1 }),
  })
  .map((r) => {
    const b = buildValid(
      r.priority,
      r.createdMs,
      r.where.zone,
      r.where.calendar,
      r.steps,
      r.offsets,
    );
    const last = b.times[b.times.length - 1] ?? r.createdMs;
    let nowMs: number;
    if (r.nowMode === 'after' || b.times.length === 0) nowMs = last + r.nowAfter * MIN;
    else if (r.nowMode === 'within') {
      nowMs = r.createdMs + Math.floor(((last - r.createdMs) / MIN) * (r.nowFrac / 1000)) * MIN;
    } else nowMs = b.times[r.nowFrac % b.times.length] ?? last;
    return {
      ticket: b.ticket,
      now: r.nowAsDate ? new Date(nowMs) : new Date(nowMs).toISOString(),
      levels: LEVELS[r.levels],
    };
  });

type Mutation =
  | { kind: 'state'; pos: number; pick: number }
  | { kind: 'badReason'; pos: number }
  | { kind: 'otherNoNote'; pos: number }
  | { kind: 'badHours'; pos: number; hours: number }
  | { kind: 'beforeCreated'; minutes: number }
  | { kind: 'outOfOrder'; pos: number; minutes: number }
  | { kind: 'badZone'; zone: string }
  | { kind: 'nowBeforeCreated'; minutes: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('state' as const),
      pos: fc.nat(20),
      pick: fc.nat(10),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('badReason' as const), pos: fc.nat(20) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('otherNoNote' as const), pos: fc.nat(20) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('badHours' as const),
      pos: fc.nat(20),
      hours: fc.constantFrom(0, -4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('beforeCreated' as const),
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('outOfOrder' as const),
      pos: fc.nat(20),
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('badZone' as const),
      zone: fc.constantFrom('Europe/Atlantis', 'Mars/Olympus_Mons', 'Moscow'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nowBeforeCreated' as const),
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
  },
);

/** An event that is invalid in state `s` whatever else happens (DOMAIN.md rule 11). */
function invalidEventFor(s: State, at: string, pick: number): OracleEvent {
  const options: OracleEvent[] = [];
  if (s.paused) options.push({ type: 'paused', at, reason: 'user_side_fault' });
  else options.push({ type: 'resumed', at });
  if (s.resolved) {
    options.push({ type: 'resolved', at });
    options.push({ type: 'paused', at, reason: 'awaiting_user_info' });
  } else options.push({ type: 'reopened', at });
  if (s.priority !== 3) options.push({ type: 'extended', at, hours: 8 });
  if (s.priority !== 4) options.push({ type: 'fix_scheduled', at, releaseDate: '2027-12-01' });
  return options[pick % options.length] ?? { type: 'resumed', at };
}

export const invalidCaseArb = fc
  .record({
    priority: fc.constantFrom<Priority>(1, 2, 3, 4),
    createdMs: createdAtArb,
    where: zoneArb,
    steps: fc.array(stepArb, { maxLength: 6 }),
    mutation: mutationArb,
    nowAfter: fc.integer({ min: 0, max: 2 * 24 * 60 }),
  })
  .map((r) => {
    const b = buildValid(r.priority, r.createdMs, r.where.zone, r.where.calendar, r.steps, false);
    const events = [...b.ticket.events];
    const times = [...b.times];
    const m = r.mutation;
    const insertAt = (pos: number, make: (s: State, at: string) => OracleEvent): void => {
      const p = pos % (events.length + 1);
      const prev = p === 0 ? r.createdMs : (times[p - 1] ?? r.createdMs);
      const next = times[p] ?? prev + 2 * 60 * MIN;
      const at = prev + Math.floor((next - prev) / 2 / MIN) * MIN;
      const state = b.states[p] ?? b.states[b.states.length - 1];
      if (state === undefined) return;
      events.splice(p, 0, make(state, new Date(at).toISOString()));
      times.splice(p, 0, at);
    };
    const ticket: OracleTicket = { ...b.ticket, events };
    switch (m.kind) {
      case 'state':
        insertAt(m.pos, (s, at) => invalidEventFor(s, at, m.pick));
        break;
      case 'badReason':
        insertAt(m.pos, (_s, at) => ({
          type: 'paused',
          at,
          reason: 'coffee_break' as PauseReason,
        }));
        break;
      case 'otherNoNote':
        insertAt(m.pos, (_s, at) => ({ type: 'paused', at, reason: 'other' }));
        break;
      case 'badHours':
        insertAt(m.pos, (_s, at) => ({ type: 'extended', at, hours: m.hours }));
        break;
      case 'beforeCreated':
        events.unshift({
          type: 'reacted',
          at: new Date(r.createdMs - m.minutes * MIN).toISOString(),
        });
        break;
      case 'outOfOrder': {
        if (events.length === 0) {
          events.push({ type: 'reacted', at: new Date(r.createdMs + 600 * MIN).toISOString() });
          times.push(r.createdMs + 600 * MIN);
        }
        const p = 1 + (m.pos % events.length);
        const prev = times[p - 1] ?? r.createdMs;
        const at = Math.max(r.createdMs, prev - m.minutes * MIN);
        // If the previous event is at createdAt, go before createdAt (also invalid).
        const atMs = at === prev ? prev - m.minutes * MIN : at;
        events.splice(p, 0, { type: 'reacted', at: new Date(atMs).toISOString() });
        times.splice(p, 0, atMs);
        break;
      }
      case 'badZone':
        ticket.timeZone = m.zone;
        break;
      case 'nowBeforeCreated':
        break;
    }
    const last = Math.max(r.createdMs, ...times);
    const nowMs =
      m.kind === 'nowBeforeCreated' ? r.createdMs - m.minutes * MIN : last + r.nowAfter * MIN;
    return { ticket, now: new Date(nowMs).toISOString(), mutation: m.kind };
  });
