import { correctedNow } from '../clock/corrected-clock';
import { watchWallClock } from './clock-watch';
import { createFeedMirror, type AlertFeedUpdate, type FeedApplyOutcome } from './feed-update';
import {
  createMemoryWriter,
  decodeStoredMemory,
  type MemoryWrite,
  type StoredMemory,
} from './memory-journal';
import { createAlertScheduler, type AlertPolicy } from './scheduler';
import type { QuietHours } from './quiet-hours';
import type { AlertFeed, AlertNotice, AlertStatus } from './schemas';

export interface AlertSettingsView {
  enabled: boolean;
  levels: number[];
  quietHours: QuietHours;
}

/** The clock a status was computed on: what the tray needs to word it. */
export interface AlertClockView {
  /** ERP time (the device clock corrected by the feed's offset), epoch ms. */
  nowMs: number;
  /** The device's zone at that moment. */
  timeZone: string;
}

/** What a host (main or the browser) provides; everything else is the same in both. */
// Ports are plain functions (property signatures, not methods): they are handed on detached from
// this object, so none may depend on `this`.
export interface DeskAlertsPorts {
  /** The device's wall clock (Date.now). */
  now: () => number;
  monotonicNow: () => number;
  setTimeout: (callback: () => void, ms: number) => () => void;
  setInterval: (callback: () => void, ms: number) => () => void;
  /**
   * The viewer's IANA zone now (Intl's resolved zone), used until a feed names the window's.
   * Read again once a minute and on resume: a travelling engineer's computer changes zone while
   * the app runs, and nothing reports it.
   */
  timeZone: () => string;
  /** The fired set as stored last time (NOTHING_STORED: nothing). */
  storedMemory: StoredMemory;
  /** Stores a burst's changes: a journal record to append, or a snapshot replacing everything. */
  writeMemory: (write: MemoryWrite) => void;
  show: (notice: AlertNotice) => void;
  onStatus: (status: AlertStatus, clock: AlertClockView) => void;
  /** Something is wrong but alerts go on (an unreadable stored memory). */
  onProblem: (message: string) => void;
}

export interface DeskAlerts {
  /** Replaces the whole feed and re-plans (what an applied update ends in). */
  update(feed: AlertFeed): { scheduled: number };
  /**
   * A full feed or a delta from the window (`alerts:update`): applied and re-planned, or a
   * version mismatch (the window then sends the full feed), or refused (it would exceed the limit).
   */
  receive(
    update: AlertFeedUpdate,
  ):
    | Exclude<FeedApplyOutcome, { kind: 'applied' }>
    | { kind: 'applied'; version: number; scheduled: number };
  /** Mutes P2–P4 for `minutes` (0 ends a mute); returns the new status. */
  mute(minutes: number): AlertStatus;
  applySettings(settings: AlertSettingsView): void;
  /** The system woke up: what was reached meanwhile is summarized now. */
  resume(): void;
  status(): AlertStatus;
  /** Writes what is pending and stops every timer. */
  dispose(): void;
}

// A burst of announcements (a sync page's worth) is stored as one write.
const WRITE_DELAY_MS = 1_000;

/**
 * The alert scheduler with its persistence, its settings and the clock watch wired up. The feed's
 * instants are ERP time, so the scheduler runs on the device clock corrected by the offset the
 * feed carries: with a device clock two hours behind, the 75 % alert still fires at the real 75 %.
 */
export function createDeskAlerts(ports: DeskAlertsPorts, settings: AlertSettingsView): DeskAlerts {
  const { memory, seq, problems } = decodeStoredMemory(ports.storedMemory);
  for (const problem of problems) ports.onProblem(`stored alert memory ignored: ${problem}`);
  const writer = createMemoryWriter(memory, {
    seq,
    snapshotChars: ports.storedMemory.snapshot?.length ?? 0,
  });

  let offsetMs = 0;
  /** The zone the window last reported; the window's Chromium follows the system's. */
  let windowZone: string | null = null;
  const currentZone = () => windowZone ?? ports.timeZone();
  let zone = currentZone();
  let view = settings;
  const now = () => correctedNow(ports.now(), { offsetMs });

  let cancelWrite: (() => void) | null = null;
  const write = () => {
    cancelWrite = null;
    ports.writeMemory(writer.next());
  };
  const policyOf = (next: AlertSettingsView): AlertPolicy => ({
    enabled: next.enabled,
    levels: next.levels,
    quietHours: next.quietHours,
    timeZone: zone,
  });

  const scheduler = createAlertScheduler(
    {
      now,
      setTimer: ports.setTimeout,
      show: ports.show,
      saveMemory: () => {
        cancelWrite ??= ports.setTimeout(write, WRITE_DELAY_MS);
      },
      onStatus: (status) => ports.onStatus(status, { nowMs: now(), timeZone: zone }),
    },
    { policy: policyOf(settings), memory },
  );
  /** A new zone moves quiet hours and every time the tray and notices name: plan again. */
  const checkZone = (): boolean => {
    const next = currentZone();
    if (next === zone) return false;
    zone = next;
    scheduler.setPolicy(policyOf(view));
    return true;
  };
  // Watches the device clock itself, not the corrected one: a new offset is no jump (the feed
  // that brings it re-plans anyway), while a device clock set by hand is, until the renderer
  // has measured the offset again and sent it.
  const stopWatch = watchWallClock({
    wallNow: ports.now,
    monotonicNow: ports.monotonicNow,
    setInterval: ports.setInterval,
    onJump: () => scheduler.replan(),
    onCheck: () => void checkZone(),
  });

  const mirror = createFeedMirror();
  let scheduled = 0;
  const update = (feed: AlertFeed) => {
    offsetMs = feed.clockOffsetMs;
    windowZone = feed.timeZone ?? windowZone;
    checkZone();
    const result = scheduler.update(feed);
    scheduled = result.scheduled;
    return result;
  };

  return {
    update,
    receive(message) {
      const outcome = mirror.apply(message);
      if (outcome.kind !== 'applied') return outcome;
      if (!outcome.changed) return { kind: 'applied', version: message.version, scheduled };
      return { kind: 'applied', version: message.version, ...update(outcome.feed) };
    },
    mute(minutes) {
      scheduler.mute(minutes === 0 ? null : now() + minutes * 60_000);
      return scheduler.status();
    },
    applySettings(next) {
      view = next;
      scheduler.setPolicy(policyOf(next));
    },
    resume() {
      if (!checkZone()) scheduler.replan();
    },
    status: () => scheduler.status(),
    dispose() {
      stopWatch();
      scheduler.dispose();
      if (cancelWrite) {
        cancelWrite();
        write();
      }
    },
  };
}
