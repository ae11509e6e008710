import { watchWallClock } from './clock-watch';
import { decodeMemory, encodeMemory } from './memory';
import { createAlertScheduler, type AlertPolicy } from './scheduler';
import type { QuietHours } from './quiet-hours';
import type { AlertFeed, AlertNotice, AlertStatus } from './schemas';

export interface AlertSettingsView {
  enabled: boolean;
  levels: number[];
  quietHours: QuietHours;
}

/** What a host (main or the browser) provides; everything else is the same in both. */
// Ports are plain functions (property signatures, not methods): they are handed on detached from
// this object, so none may depend on `this`.
export interface DeskAlertsPorts {
  now: () => number;
  monotonicNow: () => number;
  setTimeout: (callback: () => void, ms: number) => () => void;
  setInterval: (callback: () => void, ms: number) => () => void;
  /** The viewer's IANA zone (Intl's resolved zone). */
  timeZone: string;
  /** The fired set as stored last time (null: nothing stored). */
  storedMemory: string | null;
  writeMemory: (text: string) => void;
  show: (notice: AlertNotice) => void;
  onStatus: (status: AlertStatus) => void;
  /** Something is wrong but alerts go on (an unreadable stored memory). */
  onProblem: (message: string) => void;
}

export interface DeskAlerts {
  update(feed: AlertFeed): { scheduled: number };
  /** Mutes P2–P4 for `minutes` (0 ends a mute); returns the new status. */
  mute(minutes: number): AlertStatus;
  applySettings(settings: AlertSettingsView): void;
  /** The system woke up: what was reached meanwhile is summarized now. */
  resume(): void;
  status(): AlertStatus;
  /** Writes what is pending and stops every timer. */
  dispose(): void;
}

// With 50,000 open tickets the fired set is a few MB of JSON: write it once per burst.
const WRITE_DELAY_MS = 1_000;

/** The alert scheduler with its persistence, its settings and the wall-clock watch wired up. */
export function createDeskAlerts(ports: DeskAlertsPorts, settings: AlertSettingsView): DeskAlerts {
  const { memory, problem } = decodeMemory(ports.storedMemory);
  if (problem) ports.onProblem(`stored alert memory ignored: ${problem}`);

  let cancelWrite: (() => void) | null = null;
  const write = () => {
    cancelWrite = null;
    ports.writeMemory(encodeMemory(memory));
  };
  const policyOf = (view: AlertSettingsView): AlertPolicy => ({
    enabled: view.enabled,
    levels: view.levels,
    quietHours: view.quietHours,
    timeZone: ports.timeZone,
  });

  const scheduler = createAlertScheduler(
    {
      now: ports.now,
      setTimer: ports.setTimeout,
      show: ports.show,
      saveMemory: () => {
        cancelWrite ??= ports.setTimeout(write, WRITE_DELAY_MS);
      },
      onStatus: ports.onStatus,
    },
    { policy: policyOf(settings), memory },
  );
  const stopWatch = watchWallClock({
    wallNow: ports.now,
    monotonicNow: ports.monotonicNow,
    setInterval: ports.setInterval,
    onJump: () => scheduler.replan(),
  });

  return {
    update: (feed) => scheduler.update(feed),
    mute(minutes) {
      scheduler.mute(minutes === 0 ? null : ports.now() + minutes * 60_000);
      return scheduler.status();
    },
    applySettings: (view) => scheduler.setPolicy(policyOf(view)),
    resume: () => scheduler.replan(),
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
