// Deterministic ticket generator: same seed, same 100,000 tickets on every machine.
import type { PauseReason, Priority, SlaEvent, SlaTicket } from '@shared/sla';
import { RU_ZONES, fixedOffsetMinutes, offsetSuffix } from './zones';

export interface BenchCase {
  ticket: SlaTicket;
  /** Evaluation instant; every event is at or before it. */
  now: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PAUSE_REASONS: PauseReason[] = [
  'user_side_fault',
  'third_party_fault',
  'awaiting_user_action',
  'awaiting_user_info',
  'awaiting_third_party_info',
  'user_unreachable',
  'equipment_delivery',
  'other',
];

/** mulberry32: small, fast, good enough for a bench. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratorOptions {
  count: number;
  seed: number;
  /** createdAt is spread over [from, to) (UTC ms). */
  fromMs: number;
  toMs: number;
}

export interface GeneratedSet {
  cases: BenchCase[];
  /** Fixed UTC offset (minutes) of every zone used, checked over the whole period. */
  offsets: Map<string, number>;
}

export function generateCases(opts: GeneratorOptions): GeneratedSet {
  const rnd = mulberry32(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  const offsets = new Map<string, number>();
  for (const zone of RU_ZONES) {
    offsets.set(zone, fixedOffsetMinutes(zone, opts.fromMs - 30 * DAY, opts.toMs + 60 * DAY));
  }

  const cases: BenchCase[] = [];
  for (let n = 0; n < opts.count; n++) {
    const timeZone = pick(RU_ZONES);
    const offMin = offsets.get(timeZone) ?? 0;
    const off = offMin * MINUTE;
    const r = rnd();
    const priority: Priority = r < 0.1 ? 1 : r < 0.35 ? 2 : r < 0.7 ? 3 : 4;

    // Local civil day (as days since 1970-01-01 of the local calendar) and a time on it.
    const localDay = Math.floor((int(opts.fromMs, opts.toMs) + off) / DAY);
    const shape = rnd();
    let created: number;
    if (shape < 0.04) {
      // Exactly on a boundary of the working day (incl. a short day's 17:00) or midnight.
      const hm = pick([0, 8 * 60 + 59, 9 * 60, 17 * 60, 18 * 60]);
      created = localDay * DAY + hm * MINUTE - off;
    } else if (shape < 0.55) {
      // Office-ish hours, whole seconds.
      created = localDay * DAY + 8 * HOUR + int(0, 11 * 3600) * 1000 - off;
    } else {
      // Around the clock (requests are registered 24×7), with milliseconds.
      created = localDay * DAY + int(0, DAY) - off;
    }

    // Half the tickets carry UTC `Z` instants with ms, half local-offset instants (whole seconds).
    const localStyle = rnd() < 0.5;
    const suffix = offsetSuffix(offMin);
    const iso = (ms: number): string => {
      if (!localStyle) return new Date(ms).toISOString();
      return `${new Date(ms + off).toISOString().slice(0, 19)}${suffix}`;
    };
    if (localStyle) created -= created % 1000;

    const events: SlaEvent[] = [];
    let t = created;
    const at = (ms: number): number => (localStyle ? ms - (ms % 1000) : ms);
    const step = (min: number, max: number): number => {
      t = at(t + min + Math.floor(rnd() * rnd() * (max - min)));
      return t;
    };

    if (rnd() < 0.85) events.push({ type: 'reacted', at: iso(step(MINUTE, 2 * DAY)) });
    if (rnd() < 1 / 3) {
      const reason = pick(PAUSE_REASONS);
      const paused: SlaEvent = { type: 'paused', at: iso(step(10 * MINUTE, 3 * DAY)), reason };
      if (reason === 'other') paused.note = 'bench: customer closed for inventory';
      events.push(paused);
      events.push({ type: 'resumed', at: iso(step(5 * MINUTE, 5 * DAY)) });
    }
    if (rnd() < 0.5) {
      const when = iso(step(10 * MINUTE, 10 * DAY));
      if (priority === 4 && rnd() < 0.3) {
        const release = new Date(t + 30 * DAY).toISOString().slice(0, 10);
        events.push({ type: 'fix_scheduled', at: when, releaseDate: release });
      } else {
        events.push({ type: 'resolved', at: when });
      }
    }
    const nowMs = at(t + 1000 + Math.floor(rnd() * 3 * DAY));

    const ticket: SlaTicket = { priority, createdAt: iso(created), timeZone, events };
    if (rnd() < 0.5) ticket.calendar = 'RU';
    cases.push({ ticket, now: iso(nowMs) });
  }
  return { cases, offsets };
}
