import { useSyncExternalStore } from 'react';
import type { ClockOffset } from '@shared/sync/ports';
import { currentClockOffset, subscribeClockOffset } from '../../lib/window-clock';

/** The offset to the ERP the window's clock is corrected by (null until one was measured). */
export function useClockOffset(): ClockOffset | null {
  return useSyncExternalStore(subscribeClockOffset, currentClockOffset);
}
