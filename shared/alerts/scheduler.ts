import {
  coveredLevel,
  emptyMemory,
  isCovered,
  pruneMemory,
  recordFired,
  type AlertMemory,
} from './memory';
import {
  isSummaryGrowing,
  ON_TIME_MS,
  summaryNotice,
  ticketNotice,
  type ReachedLevel,
  type SummaryItem,
  type SummaryState,
} from './notices';
import { quietHoursEnd, type QuietHours } from './quiet-hours';
import { isOverdue, overdueFrom } from '../sla/overdue';
import type {
  AlertClockFeed,
  AlertFeed,
  AlertFeedTicket,
  AlertLocale,
  AlertNotice,
  AlertStatus,
} from './schemas';

export interface AlertPolicy {
  enabled: boolean;
  /** Levels that notify; the feed may carry more (the tray's 90 % and 100 %). */
  levels: readonly number[];
  quietHours: QuietHours;
  /** The viewer's zone: quiet hours default to it, deadlines are shown in it. */
  timeZone: string;
}

/** Clock, timer and outputs come in as ports, so the scheduler runs unchanged in both hosts. */
export interface AlertSchedulerPorts {
  now(): number;
  /** Calls back after `delayMs`; returns a cancel function. The scheduler holds at most one. */
  setTimer(callback: () => void, delayMs: number): () => void;
  show(notice: AlertNotice): void;
  /** The fired set or the mute changed: persist it (the host may batch writes). */
  saveMemory(memory: AlertMemory): void;
  onStatus(status: AlertStatus): void;
}

export interface AlertScheduler {
  /** Replaces the feed and re-plans; returns how many announcements are pending. */
  update(feed: AlertFeed): { scheduled: number };
  setPolicy(policy: AlertPolicy): void;
  /** Holds back P2–P4 notifications until `untilMs`; null ends a mute. */
  mute(untilMs: number | null): void;
  /** Re-plans from the clock: after resume from sleep or when the wall clock jumped. */
  replan(): void;
  status(): AlertStatus;
  dispose(): void;
}

/** At most this many ticket notifications at one instant; more become one summary. */
export const MAX_SINGLE_NOTICES = 3;
const PRUNE_EVERY_MS = 3_600_000;
// setTimeout overflows above 2^31−1 ms (≈24.8 days) and would fire at once; longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface DueAlert {
  slot: number;
  level: number;
  atMs: number;
}

/**
 * Fires each planned alert once, with ONE timer armed for the next instant anything changes
 * (an alert, a tray state, the end of quiet hours). Alerts reached while the computer slept or
 * the app was closed are announced together in one summary, never as a burst.
 */
export function createAlertScheduler(
  ports: AlertSchedulerPorts,
  initial: { policy: AlertPolicy; memory?: AlertMemory },
): AlertScheduler {
  let policy = initial.policy;
  const memory = initial.memory ?? emptyMemory();
  let locale: AlertLocale = 'ru';
  // One slot per ticket clock, one mark per level of a slot, in parallel arrays: a re-plan of
  // 50,000 tickets then allocates a handful of arrays, not hundreds of thousands of objects.
  let slotTicket: AlertFeedTicket[] = [];
  let slotClock: AlertClockFeed[] = [];
  let slotTicketIndex = new Int32Array(0);
  /** Highest level already announced for the slot's budget. */
  let slotCovered = new Float64Array(0);
  let markSlot = new Int32Array(0);
  let markLevel = new Float64Array(0);
  // Epoch ms; −Infinity for a level reached before the feed was computed.
  let markAt = new Float64Array(0);
  let markNotifies = new Uint8Array(0);
  let ticketCount = 0;
  let cancelTimer: (() => void) | null = null;
  let lastPruneMs = -Infinity;
  let disposed = false;
  let lastSummary: SummaryState | null = null;
  let status: AlertStatus = emptyStatus();

  function emptyStatus(): AlertStatus {
    return { open: 0, warning: 0, breached: 0, mutedUntil: null, quietUntil: null, locale };
  }

  function classifyLevels(): void {
    const levels = policy.levels;
    for (let i = 0; i < markLevel.length; i++) {
      const level = markLevel[i]!;
      let notifies = 0;
      for (const wanted of levels) if (Math.abs(wanted - level) < 1e-9) notifies = 1;
      markNotifies[i] = notifies;
    }
  }

  function load(feed: AlertFeed): void {
    locale = feed.locale;
    let slotCount = 0;
    let markCount = 0;
    for (const ticket of feed.tickets) {
      slotCount += ticket.clocks.length;
      for (const clock of ticket.clocks) markCount += clock.marks.length;
    }
    ticketCount = feed.tickets.length;
    slotTicket = new Array<AlertFeedTicket>(slotCount);
    slotClock = new Array<AlertClockFeed>(slotCount);
    slotTicketIndex = new Int32Array(slotCount);
    slotCovered = new Float64Array(slotCount);
    markSlot = new Int32Array(markCount);
    markLevel = new Float64Array(markCount);
    markAt = new Float64Array(markCount);
    markNotifies = new Uint8Array(markCount);
    let slot = 0;
    let m = 0;
    for (let t = 0; t < feed.tickets.length; t++) {
      const ticket = feed.tickets[t]!;
      const fired = memory.fired.get(ticket.ticketId);
      for (const clock of ticket.clocks) {
        slotTicket[slot] = ticket;
        slotClock[slot] = clock;
        slotTicketIndex[slot] = t;
        slotCovered[slot] = coveredLevel(fired, clock.clock, clock.targetMs);
        for (const mark of clock.marks) {
          markSlot[m] = slot;
          markLevel[m] = mark.level;
          markAt[m] = mark.atMs ?? -Infinity;
          m++;
        }
        slot++;
      }
    }
    classifyLevels();
  }

  /** When notifications are held back (mute, quiet hours) at `nowMs`, until when; else null. */
  function quietUntil(nowMs: number): number | null {
    let t = nowMs;
    // Mute and quiet hours may abut (a mute ending at 20:00 when quiet hours begin): chain them.
    for (let step = 0; step < 4; step++) {
      const muted =
        memory.mutedUntilMs !== null && memory.mutedUntilMs > t ? memory.mutedUntilMs : null;
      const quiet = quietHoursEnd(policy.quietHours, policy.timeZone, t);
      if (muted === null && quiet === null) break;
      t = Math.max(muted ?? t, quiet ?? t);
    }
    return t > nowMs ? t : null;
  }

  function run(): void {
    if (disposed) return;
    cancelTimer?.();
    cancelTimer = null;
    const now = ports.now();
    const heldUntil = quietUntil(now);
    const worst = new Float64Array(ticketCount);
    const due: DueAlert[] = [];
    let next = Infinity;
    let held = false;
    // Marks of one slot are contiguous, so the highest due level per slot needs no map.
    let dueSlot = -1;
    for (let i = 0; i < markAt.length; i++) {
      const at = markAt[i]!;
      if (at > now) {
        if (at < next) next = at;
        continue;
      }
      const slot = markSlot[i]!;
      const level = markLevel[i]!;
      const t = slotTicketIndex[slot]!;
      if (level > worst[t]!) worst[t] = level;
      if (markNotifies[i] === 0 || isCovered(level, slotCovered[slot]!)) continue;
      if (heldUntil !== null && slotTicket[slot]!.priority !== 1) {
        held = true;
        continue;
      }
      if (slot !== dueSlot) {
        due.push({ slot, level, atMs: at });
        dueSlot = slot;
      } else if (level > due[due.length - 1]!.level) {
        due[due.length - 1] = { slot, level, atMs: at };
      }
    }
    if (due.length > 0) announce(due, now);
    // The count changes when a clock becomes overdue, a millisecond after its 100 % mark.
    for (const clock of slotClock) {
      if (clock.dueAtMs === null) continue;
      const from = overdueFrom(clock.dueAtMs);
      if (from > now && from < next) next = from;
    }
    status = computeStatus(worst, heldUntil, now);
    ports.onStatus(status);
    if (heldUntil !== null && (held || heldUntil < next)) next = heldUntil;
    if (memory.mutedUntilMs !== null && memory.mutedUntilMs > now && memory.mutedUntilMs < next) {
      next = memory.mutedUntilMs;
    }
    if (next !== Infinity) {
      cancelTimer = ports.setTimer(run, Math.min(Math.max(0, next - now), MAX_TIMER_MS));
    }
  }

  function announce(due: DueAlert[], now: number): void {
    if (policy.enabled) {
      const context = { nowMs: now, zone: policy.timeZone, locale };
      const reached = (alert: DueAlert): ReachedLevel => ({
        ticket: slotTicket[alert.slot]!,
        clock: slotClock[alert.slot]!,
        level: alert.level,
        atMs: alert.atMs,
      });
      const onTime: DueAlert[] = [];
      const late: DueAlert[] = [];
      for (const alert of due) (now - alert.atMs <= ON_TIME_MS ? onTime : late).push(alert);
      onTime.sort(bySeverity);
      const single = onTime.slice(0, MAX_SINGLE_NOTICES);
      const summarized =
        onTime.length > MAX_SINGLE_NOTICES ? [...onTime.slice(MAX_SINGLE_NOTICES), ...late] : late;
      // A "summary" of one is just that ticket's notification, unless a summary is still growing.
      if (
        summarized.length === 1 &&
        single.length < MAX_SINGLE_NOTICES &&
        !isSummaryGrowing(lastSummary, now)
      ) {
        single.push(summarized.pop()!);
      }
      for (const alert of single) ports.show(ticketNotice(reached(alert), context));
      if (summarized.length > 0) {
        const summary = summaryNotice(lastSummary, summaryItems(summarized), context);
        lastSummary = summary.state;
        ports.show(summary.notice);
      }
    }
    // Disabled alerts are recorded too, so turning them back on does not replay the past.
    for (const alert of due) {
      const clock = slotClock[alert.slot]!;
      slotCovered[alert.slot] = alert.level;
      recordFired(memory, slotTicket[alert.slot]!.ticketId, clock.clock, {
        targetMs: clock.targetMs,
        level: alert.level,
        atMs: now,
      });
    }
    ports.saveMemory(memory);
  }

  function* summaryItems(alerts: readonly DueAlert[]): Generator<SummaryItem> {
    const item: SummaryItem = { ticketId: '', number: null, level: 0 };
    for (const alert of alerts) {
      const ticket = slotTicket[alert.slot]!;
      item.ticketId = ticket.ticketId;
      item.number = ticket.number;
      item.level = alert.level;
      yield item;
    }
  }

  function bySeverity(a: DueAlert, b: DueAlert): number {
    const ta = slotTicket[a.slot]!;
    const tb = slotTicket[b.slot]!;
    return b.level - a.level || ta.priority - tb.priority || a.atMs - b.atMs;
  }

  function computeStatus(worst: Float64Array, heldUntil: number | null, now: number): AlertStatus {
    // Overdue as every screen counts it (shared/sla/overdue): the feed carries running clocks only.
    const overdue = new Uint8Array(ticketCount);
    for (let slot = 0; slot < slotClock.length; slot++) {
      const clock = slotClock[slot]!;
      if (isOverdue({ stoppedAtMs: null, dueAtMs: clock.dueAtMs }, now)) {
        overdue[slotTicketIndex[slot]!] = 1;
      }
    }
    let warning = 0;
    let breached = 0;
    for (let t = 0; t < worst.length; t++) {
      if (overdue[t] === 1) breached++;
      else if (worst[t]! >= 0.9) warning++;
    }
    const muted = memory.mutedUntilMs !== null && memory.mutedUntilMs > now;
    return {
      open: ticketCount,
      warning,
      breached,
      mutedUntil: muted ? new Date(memory.mutedUntilMs!).toISOString() : null,
      quietUntil: heldUntil === null ? null : new Date(heldUntil).toISOString(),
      locale,
    };
  }

  function pendingCount(now: number): number {
    let count = 0;
    for (let i = 0; i < markAt.length; i++) {
      if (
        markAt[i]! > now &&
        markNotifies[i] === 1 &&
        !isCovered(markLevel[i]!, slotCovered[markSlot[i]!]!)
      ) {
        count++;
      }
    }
    return count;
  }

  return {
    update(feed) {
      load(feed);
      // Housekeeping, not urgent: forgetting closed tickets hourly keeps re-plans cheap.
      const now = ports.now();
      // Nothing remembered (a first start): nothing to forget, and no set of 50,000 ids to build.
      if (memory.fired.size > 0 && (now - lastPruneMs >= PRUNE_EVERY_MS || now < lastPruneMs)) {
        lastPruneMs = now;
        const open = new Set(feed.tickets.map((ticket) => ticket.ticketId));
        if (pruneMemory(memory, open, now)) ports.saveMemory(memory);
      }
      run();
      return { scheduled: pendingCount(ports.now()) };
    },
    setPolicy(next) {
      policy = next;
      classifyLevels();
      run();
    },
    mute(untilMs) {
      memory.mutedUntilMs = untilMs;
      ports.saveMemory(memory);
      run();
    },
    replan: run,
    status: () => status,
    dispose() {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
