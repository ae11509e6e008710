import { resolvedTimeZone } from '@shared/clock/device-zone';
import type { MainClock } from '../main-ports';

/** Node's clocks and timers, and this computer's time zone. */
export function systemClock(): MainClock {
  return {
    now: () => Date.now(),
    monotonicNow: () => performance.now(),
    setTimeout: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    setInterval: (callback, ms) => {
      const timer = setInterval(callback, ms);
      return () => clearInterval(timer);
    },
    // Read at each use: a traveller's laptop changes zone without the app restarting.
    timeZone: resolvedTimeZone,
  };
}
