import type { HeapUse } from '../protocol';

interface ChromiumPerformance {
  memory?: { usedJSHeapSize: number };
}
declare global {
  interface Window {
    /** Present with `--js-flags=--expose-gc`. */
    gc?: () => void;
  }
}

// Reading the precise heap size costs ≈0.7 ms here: often enough to catch peaks, rarely enough not
// to slow the work it watches.
const SAMPLE_EVERY_MS = 50;
// A forced GC at a step boundary shows what the work really holds; at most once a second it
// costs about 1 % of the run (a GC of a few tens of MiB takes 5–15 ms here).
const CHECKPOINT_EVERY_MS = 1_000;

function usedHeap(): number {
  const memory = (performance as ChromiumPerformance).memory;
  if (!memory) throw new Error('performance.memory is missing: run Chromium with it enabled');
  return memory.usedJSHeapSize;
}

function collect(): void {
  if (!window.gc) throw new Error('window.gc is missing: run Chromium with --js-flags=--expose-gc');
  window.gc();
}

export interface HeapSampler {
  /** Call at each step boundary (a stored page, a stored batch): samples, maybe checkpoints. */
  step(): void;
  stop(): HeapUse;
}

/**
 * Samples the JS heap on a timer and at every step (the timer only fires between tasks), and at
 * most once a second forces a GC at a step boundary to read the live heap.
 */
export function startHeapSampler(): HeapSampler {
  collect();
  const baseline = usedHeap();
  let peak = baseline;
  let live = baseline;
  let samples = 0;
  let checkpoints = 0;
  let lastCheckpoint = performance.now();
  const sample = () => {
    const used = usedHeap();
    samples++;
    if (used > peak) peak = used;
  };
  const timer = window.setInterval(sample, SAMPLE_EVERY_MS);
  return {
    step() {
      sample();
      if (performance.now() - lastCheckpoint < CHECKPOINT_EVERY_MS) return;
      collect();
      live = Math.max(live, usedHeap());
      checkpoints++;
      lastCheckpoint = performance.now();
    },
    stop() {
      window.clearInterval(timer);
      sample();
      collect();
      const retained = usedHeap();
      return { baseline, peak, live: Math.max(live, retained), retained, samples, checkpoints };
    },
  };
}
