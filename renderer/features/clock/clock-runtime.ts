import { watchWallClock } from '@shared/alerts/clock-watch';
import type { ClockOffset } from '@shared/sync/ports';
import type { DeviceZone } from '../../lib/device-zone';

export interface ClockRuntimeDeps {
  /** Calls back with the stored offset now and on every change; returns a stop function. */
  watchOffset: (onChange: (offset: ClockOffset | null) => void) => () => void;
  setOffset: (offset: ClockOffset | null) => void;
  zone: DeviceZone;
  wallNow: () => number;
  monotonicNow: () => number;
  setInterval: (callback: () => void, ms: number) => () => void;
  /** Calls back when the window is shown again or gets the focus (a laptop opened elsewhere). */
  onWindowBack: (callback: () => void) => () => void;
  /** The device clock was set while the app ran: the offset must be measured again. */
  onClockSet: () => void;
}

/**
 * Keeps the window's clock right for as long as it runs: the offset follows every measurement
 * stored by the sync engine; a device clock set by hand (or by NTP after a long sleep) asks the
 * engine to measure again at once, since until then the corrected clock is off by the jump; and
 * the device zone is checked once a minute and whenever the window comes back, since no event
 * reports a change (a travelling engineer's Moscow → Novosibirsk).
 */
export function startClockRuntime(deps: ClockRuntimeDeps): () => void {
  const stopOffset = deps.watchOffset(deps.setOffset);
  const checkZone = () => void deps.zone.check();
  const stopWatch = watchWallClock({
    wallNow: deps.wallNow,
    monotonicNow: deps.monotonicNow,
    setInterval: deps.setInterval,
    onJump: deps.onClockSet,
    onCheck: checkZone,
  });
  const stopBack = deps.onWindowBack(checkZone);
  return () => {
    stopOffset();
    stopWatch();
    stopBack();
  };
}
