import { useEffect } from 'react';
import { getAppDb } from '../../db/app-db';
import { watchClockOffset } from '../../db/repos/clock-offset';
import { getDeviceZone } from '../../lib/device-zone';
import { setClockOffset } from '../../lib/window-clock';
import { getSyncEngine } from '../sync/sync-runtime';
import { startClockRuntime } from './clock-runtime';

/** Runs the window's clock (offset, jumps, zone) while the app is mounted. */
export function useWindowClock(): void {
  useEffect(
    () =>
      startClockRuntime({
        watchOffset: (onChange) =>
          watchClockOffset(getAppDb(), onChange, (error) =>
            console.warn('[clock] the stored clock offset could not be read', error),
          ),
        setOffset: setClockOffset,
        zone: getDeviceZone(),
        wallNow: () => Date.now(),
        monotonicNow: () => performance.now(),
        setInterval: (callback, ms) => {
          const timer = window.setInterval(callback, ms);
          return () => window.clearInterval(timer);
        },
        onWindowBack: (callback) => {
          const onVisible = () => {
            if (document.visibilityState === 'visible') callback();
          };
          document.addEventListener('visibilitychange', onVisible);
          window.addEventListener('focus', callback);
          return () => {
            document.removeEventListener('visibilitychange', onVisible);
            window.removeEventListener('focus', callback);
          };
        },
        onClockSet: () => getSyncEngine().hint('clock'),
      }),
    [],
  );
}
