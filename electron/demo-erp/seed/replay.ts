import { DateTime } from 'luxon';
import {
  applyCommand,
  toSlaTicket,
  type Organization,
  type Ticket,
  type UserLookup,
  type UserRef,
} from '../../../shared/domain';
import type { CommandType } from '../../../shared/erp';
import { evaluateSla } from '../../../shared/sla';
import type { Random } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Russian zones have had fixed offsets since 2014, so one luxon call per zone is enough and the
// seed can place 50,000 tickets' events in working hours with plain arithmetic.
const offsets = new Map<string, number>();
function offsetMs(zone: string): number {
  let offset = offsets.get(zone);
  if (offset === undefined) {
    offset = DateTime.now().setZone(zone).offset * MINUTE;
    offsets.set(zone, offset);
  }
  return offset;
}

/**
 * Replays commands through `applyCommand`, exactly as the server applies pushed ones, so every
 * seeded SLA history is one the engine accepts. A step dated after "now" ends the history: the
 * ticket stays in the state it had reached, which keeps the queue's newest tickets open.
 */
export class Replay {
  ticket: Ticket;
  /** Time of the last applied step. */
  lastMs: number;
  done = false;

  constructor(
    private readonly rng: Random,
    readonly org: Organization,
    private readonly nowMs: number,
    ticket: Ticket,
    private readonly users: UserLookup,
  ) {
    this.ticket = ticket;
    this.lastMs = Date.parse(ticket.createdAt);
  }

  /** Applies one command at `atMs` (at least a minute after the previous step); false if not. */
  step(
    type: CommandType,
    payload: Record<string, unknown>,
    atMs: number,
    author: UserRef,
  ): boolean {
    if (this.done) return false;
    // Whole seconds: an engineer's action time does not carry milliseconds of noise.
    const at = Math.floor(Math.max(atMs, this.lastMs + MINUTE) / 1000) * 1000;
    if (at > this.nowMs - MINUTE) {
      this.done = true;
      return false;
    }
    const iso = new Date(at).toISOString();
    const outcome = applyCommand(this.ticket, type, payload, {
      commandId: this.rng.uuid(),
      ticketId: this.ticket.id,
      author: author.name,
      authorId: author.id,
      at: iso,
      adjusted: false,
      baseVersion: this.ticket.version,
      organization: this.org,
      users: this.users,
      now: iso,
    });
    if (outcome.status !== 'applied') return false;
    this.ticket = outcome.ticket;
    this.lastMs = at;
    return true;
  }

  /** The clock's deadline as of the last step (null while paused or unknown). */
  dueMs(clock: 'reaction' | 'resolution'): number | null {
    const sla = evaluateSla(toSlaTicket(this.ticket, this.org), new Date(this.lastMs));
    const due = sla[clock].dueAt;
    return due === null ? null : Date.parse(due);
  }

  /** Moves a time into the customer's working hours (09:00–18:00, Mon–Fri), unless P1. */
  working(ms: number): number {
    if (this.ticket.priority === 1) return ms;
    return toWorkingTime(ms, this.org.timeZone, this.rng);
  }

  later(minMs: number, maxMs: number): number {
    return this.working(this.lastMs + this.rng.between(minMs, maxMs));
  }
}

export function toWorkingTime(ms: number, zone: string, rng: Random): number {
  const offset = offsetMs(zone);
  let local = ms + offset;
  for (let guard = 0; guard < 7; guard++) {
    const weekday = new Date(local).getUTCDay();
    const hour = new Date(local).getUTCHours();
    const dayStart = local - (local % DAY);
    if (weekday === 0 || weekday === 6) local = dayStart + DAY + 9 * HOUR;
    else if (hour < 9) local = dayStart + 9 * HOUR + rng.between(5, 80) * MINUTE;
    else if (hour >= 18) local = dayStart + DAY + 9 * HOUR + rng.between(5, 80) * MINUTE;
    else return local - offset;
  }
  return local - offset;
}

export const TIME = { MINUTE, HOUR, DAY };
