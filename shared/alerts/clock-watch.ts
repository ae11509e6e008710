export interface ClockWatchPorts {
  /** Wall clock, epoch ms (Date.now). */
  wallNow(): number;
  /** Monotonic clock, ms (performance.now): unaffected by someone setting the system time. */
  monotonicNow(): number;
  setInterval(callback: () => void, ms: number): () => void;
  onJump(deltaMs: number): void;
  /** Called on every check, jump or not: other once-a-minute checks (the time zone) ride along. */
  onCheck?(): void;
}

export const CLOCK_CHECK_MS = 60_000;
export const CLOCK_TOLERANCE_MS = 5_000;

/**
 * Neither Electron nor the browser reports a change of the system time, and timers run on the
 * monotonic clock, so an alert timer armed before the change would fire at the wrong wall time.
 * Once a minute this compares how far each clock moved; a difference beyond the tolerance is a
 * jump (the time was set, or on some platforms the monotonic clock stood still during sleep).
 * It only checks the clock: the alerts themselves stay on one timer.
 */
export function watchWallClock(ports: ClockWatchPorts): () => void {
  let wall = ports.wallNow();
  let mono = ports.monotonicNow();
  return ports.setInterval(() => {
    const nextWall = ports.wallNow();
    const nextMono = ports.monotonicNow();
    const delta = nextWall - wall - (nextMono - mono);
    wall = nextWall;
    mono = nextMono;
    if (Math.abs(delta) > CLOCK_TOLERANCE_MS) ports.onJump(delta);
    ports.onCheck?.();
  }, CLOCK_CHECK_MS);
}
