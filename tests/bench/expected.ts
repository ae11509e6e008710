// What the engine's two ClockStates should say for a generated ticket, computed with the epoch
// loop's day tables (DOMAIN.md rules 3, 4, 6, 9, 10). Used for the informational extra checks;
// only the dueAt comparison decides the exit code.
import type { ClockState, SlaTicket } from '@shared/sla';
import type { DayTable } from './epoch-loop';
import { addWorking, closedPauses, resolutionDue, workingBetween } from './epoch-loop';
import { TARGETS } from './targets';

export type ExpectedClock = Pick<
  ClockState,
  'status' | 'targetMs' | 'elapsedMs' | 'dueAt' | 'stoppedAt'
>;

function isWorkingInstant(tbl: DayTable | null, t: number): boolean {
  // Counted time in [t, t + 1 ms) is 1 ms exactly when t lies inside a working window.
  return workingBetween(tbl, t, t + 1) === 1;
}

function clock(
  tbl: DayTable | null,
  targetMs: number,
  dueMs: number,
  elapsedMs: number,
  stopMs: number | null,
  nowMs: number,
): ExpectedClock {
  let status: ClockState['status'];
  if (stopMs !== null) status = stopMs <= dueMs ? 'met' : 'breached';
  else if (nowMs > dueMs) status = 'breached';
  else if (!isWorkingInstant(tbl, nowMs)) status = 'waiting';
  else status = 'running';
  return {
    status,
    targetMs,
    elapsedMs,
    dueAt: new Date(dueMs).toISOString(),
    stoppedAt: stopMs === null ? null : new Date(stopMs).toISOString(),
  };
}

export function expectedClocks(
  tbl: DayTable | null,
  ticket: SlaTicket,
  now: string,
): { reaction: ExpectedClock; resolution: ExpectedClock } {
  const target = TARGETS[ticket.priority];
  const created = Date.parse(ticket.createdAt);
  const nowMs = Date.parse(now);
  let reactionStop: number | null = null;
  let resolutionStop: number | null = null;
  for (const ev of ticket.events) {
    const at = Date.parse(ev.at);
    if (at > nowMs) continue;
    if (reactionStop === null && ev.type !== 'resumed') reactionStop = at;
    if (ev.type === 'resolved' || (ev.type === 'fix_scheduled' && ticket.priority === 4)) {
      resolutionStop = at;
    }
  }
  const pauses = closedPauses(ticket, Date.parse);

  const reactionEnd = reactionStop ?? nowMs;
  const reaction = clock(
    tbl,
    target.reactionMs,
    addWorking(tbl, created, target.reactionMs),
    workingBetween(tbl, created, reactionEnd),
    reactionStop,
    nowMs,
  );

  const resolutionEnd = resolutionStop ?? nowMs;
  let elapsed = workingBetween(tbl, created, resolutionEnd);
  for (let k = 0; k + 1 < pauses.length; k += 2) {
    const p = pauses[k] as number;
    const r = pauses[k + 1] as number;
    elapsed -= workingBetween(tbl, p, Math.min(r, resolutionEnd));
  }
  const resolution = clock(
    tbl,
    target.resolutionMs,
    resolutionDue(tbl, created, target.resolutionMs, pauses),
    elapsed,
    resolutionStop,
    nowMs,
  );
  return { reaction, resolution };
}
