import { getMeta, lockWrites, setMeta, type Sql, type SqlDatabase } from '../store/database';
import {
  compactInTransaction,
  countSupersededRows,
  logHead,
  readHorizon,
  type Compaction,
} from './change-log';

/**
 * When the server compacts its change log by itself. A compaction sends every client whose cursor
 * is behind the log's head back to a full pull (410), so it waits until it removes a lot: rows of
 * an entity older than its newest row ("superseded"), the only rows it removes. New tickets alone
 * never trigger one. Every row appended after a compaction supersedes at most one row, so the count
 * can only have reached the threshold once that many rows were appended: until then it is not
 * even counted.
 */
export interface CompactionPolicy {
  /** Compact once at least this many rows are superseded. */
  minSupersededRows: number;
  /** Count superseded rows again only after this many rows were appended since the last count. */
  checkEveryRows: number;
}

export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = {
  minSupersededRows: 10_000,
  checkEveryRows: 1_000,
};

/** The policy from the server's options: defaults filled in, anything but positive integers refused. */
export function compactionPolicyFrom(
  option: Partial<CompactionPolicy> | false | undefined,
): CompactionPolicy | null {
  if (option === false) return null;
  const policy = { ...DEFAULT_COMPACTION_POLICY, ...option };
  for (const key of ['minSupersededRows', 'checkEveryRows'] as const) {
    const value = policy[key];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(
        `startDemoErp: compaction.${key} must be a positive integer (got ${String(value)})`,
      );
    }
  }
  return policy;
}

export interface AutoCompaction {
  /** Called after rows were appended. Returns what a compaction removed, or null when none was due. */
  afterAppend(): Promise<Compaction | null>;
}

/** Where the log's head was when superseded rows were last counted (or removed). */
const COUNTED_AT = 'superseded_counted_at';

async function countedAt(sql: Sql): Promise<number> {
  return (await getMeta<number>(sql, COUNTED_AT)) ?? (await readHorizon(sql)).head;
}

/**
 * The count's position lives in the database, so servers sharing it follow one policy, as one
 * server would: whichever appends the row that makes a count due counts, under the write lock.
 */
export function createAutoCompaction(db: SqlDatabase, policy: CompactionPolicy): AutoCompaction {
  return {
    async afterAppend() {
      // A look without the lock first: on almost every push nothing is due.
      if ((await logHead(db)) - (await countedAt(db)) < policy.checkEveryRows) return null;
      return db.transaction(async (tx) => {
        await lockWrites(tx);
        const head = await logHead(tx);
        if (head - (await countedAt(tx)) < policy.checkEveryRows) return null;
        await setMeta(tx, COUNTED_AT, head);
        if ((await countSupersededRows(tx)) < policy.minSupersededRows) return null;
        return compactInTransaction(tx);
      });
    },
  };
}
