import { liveQuery } from 'dexie';
import { measureOffset } from '@shared/sync/stamp';
import type { ClockOffset } from '@shared/sync/ports';
import type { AppDb } from '../schema';
import { getMeta, setMeta } from './meta';

/**
 * Calls back with the stored clock offset now and whenever the sync engine stores a new one (in
 * this window or another), so the window's corrected clock follows every measurement.
 */
export function watchClockOffset(
  db: AppDb,
  onChange: (offset: ClockOffset | null) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => getMeta(db, 'clockOffset')).subscribe({
    next: (offset) => onChange(offset ?? null),
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/**
 * Stores the offset measured by any exchange that answered with the ERP's time (the session
 * check at connect time gives `serverTime` too): `sentAt` and `receivedAt` are this computer's
 * clock around the request. False when the sample says too little (a slow or odd exchange).
 */
export async function recordServerTime(
  db: AppDb,
  sentAt: number,
  receivedAt: number,
  serverTime: string,
): Promise<boolean> {
  const offset = measureOffset(sentAt, receivedAt, serverTime);
  if (offset === null) return false;
  await setMeta(db, 'clockOffset', offset);
  return true;
}
