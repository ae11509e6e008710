// The practical limit: deadlines by a plain epoch-millisecond loop over a per-day table of working
// windows, precomputed once per zone (start/end of each local day's 09:00–18:00 window in UTC ms,
// 09:00–17:00 on short days, empty on days off). Models the full RU production calendar: public
// holidays, transferred days off, working Saturdays and pre-holiday short days. The 'holidays-only'
// mode models exactly what moment-business-time can express (Mon–Fri minus holidays).
import type { Priority, SlaTicket } from '@shared/sla';
import type { RuCalendar } from './calendar';
import { civilDateOf } from './calendar';
import { TARGETS } from './targets';
import { offsetMinutesAt } from './zones';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type CalendarMode = 'ru' | 'holidays-only';

export interface DayTable {
  zone: string;
  /** Local civil day number (days since 1970-01-01) of index 0. */
  baseDay: number;
  /** Per local day: window start/end in UTC ms; start === end on a day off. */
  starts: Float64Array;
  ends: Float64Array;
  /** Per local day: UTC offset in ms. */
  offsets: Float64Array;
}

export function buildDayTable(
  zone: string,
  cal: RuCalendar,
  mode: CalendarMode,
  fromYear: number,
  toYear: number,
): DayTable {
  const baseDay = Date.UTC(fromYear, 0, 1) / DAY;
  const n = Date.UTC(toYear + 1, 0, 1) / DAY - baseDay;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const offsets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = baseDay + i;
    const date = civilDateOf(day);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const off = offsetMinutesAt(zone, day * DAY + 9 * HOUR) * 60_000;
    let working = weekday >= 1 && weekday <= 5 && !cal.holidays.has(date);
    let closeHour = 18;
    if (mode === 'ru') {
      if (cal.workingWeekends.has(date)) working = true;
      if (cal.shortDays.has(date)) closeHour = 17;
    }
    const start = day * DAY + 9 * HOUR - off;
    offsets[i] = off;
    starts[i] = start;
    ends[i] = working ? day * DAY + closeHour * HOUR - off : start;
  }
  return { zone, baseDay, starts, ends, offsets };
}

function dayIndex(tbl: DayTable, t: number): number {
  const u = Math.floor(t / DAY) - tbl.baseDay;
  const off = tbl.offsets[u < 0 ? 0 : u >= tbl.offsets.length ? tbl.offsets.length - 1 : u] ?? 0;
  const i = Math.floor((t + off) / DAY) - tbl.baseDay;
  if (i < 0 || i >= tbl.starts.length)
    throw new RangeError(`${tbl.zone}: ${t} is outside the table`);
  return i;
}

/** Earliest instant ≥ t at which `budget` ms of working time have been counted from t. */
export function addWorking(tbl: DayTable | null, t: number, budget: number): number {
  if (tbl === null) return t + budget;
  const { starts, ends } = tbl;
  const n = starts.length;
  for (let i = dayIndex(tbl, t); i < n; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const from = t > s ? t : s;
    if (from >= e) continue;
    const avail = e - from;
    if (budget <= avail) return from + budget;
    budget -= avail;
  }
  throw new RangeError(`${tbl.zone}: deadline beyond the table`);
}

/** Working time in [a, b). */
export function workingBetween(tbl: DayTable | null, a: number, b: number): number {
  if (b <= a) return 0;
  if (tbl === null) return b - a;
  const { starts, ends } = tbl;
  const n = starts.length;
  let sum = 0;
  for (let i = dayIndex(tbl, a); i < n; i++) {
    const s = starts[i] as number;
    if (s >= b) return sum;
    const e = ends[i] as number;
    const lo = a > s ? a : s;
    const hi = b < e ? b : e;
    if (hi > lo) sum += hi - lo;
  }
  throw new RangeError(`${tbl.zone}: interval beyond the table`);
}

/**
 * Resolution deadline: `target` of counted time from `created`, not counting the closed pauses
 * `pauses` = [p0, r0, p1, r1, …] (ascending).
 */
export function resolutionDue(
  tbl: DayTable | null,
  created: number,
  target: number,
  pauses: ArrayLike<number>,
): number {
  let t = created;
  let budget = target;
  for (let k = 0; k + 1 < pauses.length; k += 2) {
    const p = pauses[k] as number;
    const due = addWorking(tbl, t, budget);
    if (due <= p) return due;
    budget -= workingBetween(tbl, t, p);
    t = pauses[k + 1] as number;
  }
  return addWorking(tbl, t, budget);
}

/** Both contenders below compute these two deadlines of a ticket. */
export interface Deadlines {
  reactionDueAt: string;
  resolutionDueAt: string;
}

/** Pauses of a generated ticket as [paused, resumed, …] epoch ms (parse once, reuse). */
export function closedPauses(ticket: SlaTicket, parse: (s: string) => number): number[] {
  const out: number[] = [];
  for (const ev of ticket.events) {
    switch (ev.type) {
      case 'paused':
        out.push(parse(ev.at));
        break;
      case 'resumed':
        out.push(parse(ev.at));
        break;
      case 'reacted':
      case 'resolved':
      case 'fix_scheduled':
        break; // stops a clock; does not move a deadline
      default:
        throw new Error(`bench contenders do not model '${ev.type}' events`);
    }
  }
  if (out.length % 2) throw new Error('bench contenders model closed pauses only');
  return out;
}

/**
 * Contender (b), same input and output as the engine: ISO strings in, ISO strings out, the zone
 * looked up by name. `tables` maps an IANA zone to its precomputed day table.
 */
export class EpochLoop {
  constructor(private readonly tables: Map<string, DayTable>) {}

  deadlines(ticket: SlaTicket): Deadlines {
    const target = TARGETS[ticket.priority];
    const tbl = target.allHours ? null : this.table(ticket.timeZone);
    const created = Date.parse(ticket.createdAt);
    const pauses = closedPauses(ticket, Date.parse);
    return {
      reactionDueAt: new Date(addWorking(tbl, created, target.reactionMs)).toISOString(),
      resolutionDueAt: new Date(
        resolutionDue(tbl, created, target.resolutionMs, pauses),
      ).toISOString(),
    };
  }

  table(zone: string): DayTable {
    const tbl = this.tables.get(zone);
    if (!tbl) throw new Error(`no day table for ${zone}`);
    return tbl;
  }
}

/** A ticket parsed ahead of time, for the arithmetic-only variant of the epoch loop. */
export interface PreparedTicket {
  tbl: DayTable | null;
  priority: Priority;
  created: number;
  pauses: Float64Array;
}

export function prepare(loop: EpochLoop, ticket: SlaTicket): PreparedTicket {
  const allHours = TARGETS[ticket.priority].allHours;
  return {
    tbl: allHours ? null : loop.table(ticket.timeZone),
    priority: ticket.priority,
    created: Date.parse(ticket.createdAt),
    pauses: Float64Array.from(closedPauses(ticket, Date.parse)),
  };
}

/** Arithmetic only: both deadlines as epoch ms, no parsing or formatting. Returns their sum. */
export function preparedDeadlinesSum(p: PreparedTicket): number {
  const target = TARGETS[p.priority];
  return (
    addWorking(p.tbl, p.created, target.reactionMs) +
    resolutionDue(p.tbl, p.created, target.resolutionMs, p.pauses)
  );
}
