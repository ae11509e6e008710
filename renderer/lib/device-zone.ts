import { useSyncExternalStore } from 'react';
import { resolvedTimeZone } from '@shared/clock/device-zone';

/*
 * This computer's IANA zone: the engineer's own reading beside the customer's times. A
 * travelling engineer's laptop changes zone (Moscow → Novosibirsk) while the app runs, and
 * neither Chromium nor Electron raises an event for it, so the zone is a value that is checked
 * (once a minute and when the window comes back, see features/clock) rather than read once.
 */
export interface DeviceZone {
  current: () => string;
  /** Reads the zone again; true (and listeners told) when it changed. */
  check: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

export function createDeviceZone(readZone: () => string): DeviceZone {
  let zone = readZone();
  const listeners = new Set<() => void>();
  return {
    current: () => zone,
    check() {
      const next = readZone();
      if (next === zone) return false;
      zone = next;
      for (const listener of listeners) listener();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

let windowZone: DeviceZone | null = null;

/** The window's zone source; tests install one with a fake reader. */
export function getDeviceZone(): DeviceZone {
  windowZone ??= createDeviceZone(resolvedTimeZone);
  return windowZone;
}

export function installDeviceZone(zone: DeviceZone): void {
  windowZone = zone;
}

/** The engineer's zone, re-rendering the caller when it changes. */
export function useDeviceZone(): string {
  const zone = getDeviceZone();
  return useSyncExternalStore(zone.subscribe, zone.current);
}
