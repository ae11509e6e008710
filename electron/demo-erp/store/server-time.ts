import { getMeta, setMeta, type Sql } from './database';

/**
 * The time of a push, taken under the write lock: the wall clock, but never before the last time
 * handed out for this database, by this process or another one. A clock stepped back (NTP, a
 * second machine a little behind) cannot put a later push before an earlier one.
 */
export async function nextServerTime(tx: Sql, clockMs: number): Promise<number> {
  const last = (await getMeta<number>(tx, 'server_time_ms')) ?? 0;
  if (clockMs <= last) return last;
  await setMeta(tx, 'server_time_ms', clockMs);
  return clockMs;
}
