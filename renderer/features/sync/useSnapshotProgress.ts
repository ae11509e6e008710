import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import { readSnapshotProgress } from '../../db/repos/pulled-changes';

/**
 * While a full pull is paged and the ERP counts it: how many of its entities are stored, of how
 * many; null otherwise (and with an ERP that sends no count).
 */
export function useSnapshotProgress(): { sent: number; total: number } | null {
  return useLiveQuery(() => readSnapshotProgress(getAppDb()), []) ?? null;
}
