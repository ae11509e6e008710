import type { PlannedNotification } from './schemas';

/** The clock and timers come in as ports so the scheduler runs unchanged in main and browser. */
export interface AlertSchedulerPorts {
  now(): number;
  /** Calls back after `delayMs`; returns a cancel function. */
  setTimer(callback: () => void, delayMs: number): () => void;
  notify(alert: PlannedNotification): void;
}

export interface AlertScheduler {
  /** Replaces everything pending with `alerts`; returns how many are armed. */
  replace(alerts: readonly PlannedNotification[]): number;
  dispose(): void;
}

// setTimeout overflows above 2^31−1 ms (≈24.8 days) and would fire at once; longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Fires each planned desk notification once. The renderer re-plans after every ticket change and
 * sends the full list; ids already fired are remembered so a re-plan never repeats a notification.
 */
export function createAlertScheduler(ports: AlertSchedulerPorts): AlertScheduler {
  const pending = new Map<string, () => void>();
  let fired = new Set<string>();

  function arm(alert: PlannedNotification): void {
    const remaining = Date.parse(alert.at) - ports.now();
    if (remaining > MAX_TIMER_MS) {
      pending.set(
        alert.id,
        ports.setTimer(() => arm(alert), MAX_TIMER_MS),
      );
      return;
    }
    pending.set(
      alert.id,
      ports.setTimer(
        () => {
          pending.delete(alert.id);
          fired.add(alert.id);
          ports.notify(alert);
        },
        Math.max(0, remaining),
      ),
    );
  }

  function cancelAll(): void {
    for (const cancel of pending.values()) cancel();
    pending.clear();
  }

  return {
    replace(alerts) {
      cancelAll();
      const now = ports.now();
      const ids = new Set(alerts.map((alert) => alert.id));
      // Forget fired ids the renderer no longer plans, so the set cannot grow without bound.
      fired = new Set([...fired].filter((id) => ids.has(id)));
      for (const alert of alerts) {
        // A past instant is not announced late: after sleep, the queue itself shows the breach.
        if (fired.has(alert.id) || pending.has(alert.id) || Date.parse(alert.at) <= now) continue;
        arm(alert);
      }
      return pending.size;
    },
    dispose: cancelAll,
  };
}
