import { correctedNow } from '@shared/clock/corrected-clock';
import type { ClockOffset } from '@shared/sync/ports';

/*
 * The window's one notion of "now": this computer's clock corrected by the offset to the ERP that
 * the sync engine measured (features/clock keeps it in step with the database). Deadlines,
 * statuses, alerts and the intake's default time read it; a device clock hours off then changes
 * nothing the engineer sees. Until an offset is known it is the device clock.
 */
let offset: ClockOffset | null = null;
const listeners = new Set<() => void>();

/** ERP time now, epoch ms. */
export function correctedNowMs(): number {
  return correctedNow(Date.now(), offset);
}

export function currentClockOffset(): ClockOffset | null {
  return offset;
}

export function setClockOffset(next: ClockOffset | null): void {
  if (
    next?.offsetMs === offset?.offsetMs &&
    next?.measuredAt === offset?.measuredAt &&
    next?.rttMs === offset?.rttMs
  ) {
    return;
  }
  offset = next;
  for (const listener of listeners) listener();
}

export function subscribeClockOffset(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
