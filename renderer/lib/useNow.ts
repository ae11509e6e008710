import { useSyncExternalStore } from 'react';
import { correctedNowMs, subscribeClockOffset } from './window-clock';

/*
 * One clock for the whole window. Every live timer reads the same `now`, so a thousand visible
 * countdowns cost one interval, and they all agree to the second. It is ERP time (the device
 * clock corrected by the measured offset, see window-clock.ts): a new offset moves every timer
 * at once, not at the next tick.
 */
const listeners = new Set<() => void>();
let now = correctedNowMs();
let interval: number | null = null;
let offsetWatch: (() => void) | null = null;

function tick(): void {
  now = correctedNowMs();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  offsetWatch ??= subscribeClockOffset(tick);
  if (interval === null) {
    now = correctedNowMs();
    // Aligned to the corrected second, so "59 s left" turns over when the ERP's clock does.
    interval = -1;
    window.setTimeout(
      () => {
        tick();
        if (listeners.size > 0) interval = window.setInterval(tick, 1000);
        else interval = null;
      },
      1000 - (correctedNowMs() % 1000),
    );
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== null && interval !== -1) {
      window.clearInterval(interval);
      interval = null;
    }
  };
}

const snapshot = () => now;

/** ERP time in epoch ms, updated once a second for every component that asks. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * The shared clock rounded down to `stepMs`: a component that only needs coarse time (status
 * counts, filters) re-renders once per step, not every second.
 */
export function useNowEvery(stepMs: number): number {
  return useSyncExternalStore(subscribe, () => Math.floor(now / stepMs) * stepMs);
}
