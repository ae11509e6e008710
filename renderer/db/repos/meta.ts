import type { UserRef } from '@shared/domain/user';
import type { ClockOffset } from '@shared/sync/ports';
import type { AppDb } from '../schema';

/** The meta table's keys and what each holds. */
export interface MetaValues {
  deviceId: string;
  /** The seq the next user action gets. */
  nextSeq: number;
  cursor: { cursor: string | null; previous: string[] };
  clockOffset: ClockOffset;
  resync: { epoch: number; active: boolean };
  lastSuccessAt: string;
  /** Who the ERP says the token belongs to, as of its last answer. */
  me: SignedInUser;
  /**
   * While a pull without a cursor is paged: the ERP's count of the snapshot's entities stored so
   * far, of how many (absent when the ERP sends no count, and once the snapshot is stored).
   * `blank`: the database held no ticket when the snapshot began, so its pages are written without
   * reading first (each entity of a snapshot comes once, see applyPulledPage).
   */
  snapshot: { sent: number; total: number; blank: boolean };
}

export interface SignedInUser extends UserRef {
  email?: string;
  /** Device clock, ISO: when the ERP last confirmed it. */
  checkedAt: string;
}
export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(
  db: AppDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(
  db: AppDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

export const DEFAULT_RESYNC: MetaValues['resync'] = { epoch: 0, active: false };
export const DEFAULT_CURSOR: MetaValues['cursor'] = { cursor: null, previous: [] };
/** How many superseded cursors are remembered to recognise a replayed page. */
export const CURSOR_HISTORY = 32;
