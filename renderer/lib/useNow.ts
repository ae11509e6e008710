import { useSyncExternalStore } from 'react';

/*
 * One clock for the whole window. Every live timer reads the same `now`, so a thousand visible
 * countdowns cost one interval, and they all agree to the second.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let interval: number | null = null;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (interval === null) {
    now = Date.now();
    // Aligned to the wall-clock second, so "59 s left" turns over when the system clock does.
    interval = -1;
    window.setTimeout(
      () => {
        tick();
        if (listeners.size > 0) interval = window.setInterval(tick, 1000);
        else interval = null;
      },
      1000 - (Date.now() % 1000),
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

/** Epoch ms, updated once a second for every component that asks. */
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
