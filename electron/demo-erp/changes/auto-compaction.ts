import type { SqlDatabase } from '../store/sql';
import { compactIfDue, logHead, readHorizon } from './change-log';

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
  /**
   * Called after rows were appended, inside the server's serial queue. Returns what a compaction
   * removed, or null when none was due.
   */
  afterAppend(): Promise<{ removed: number; generation: number } | null>;
}

export function createAutoCompaction(db: SqlDatabase, policy: CompactionPolicy): AutoCompaction {
  // The log's head when the superseded rows were last counted (or last removed); unknown until
  // the first append after a start, then the last compaction's head stands in.
  let countedAt: number | null = null;
  return {
    async afterAppend() {
      const head = await logHead(db);
      countedAt ??= (await readHorizon(db)).head;
      if (head - countedAt < policy.checkEveryRows) return null;
      countedAt = head;
      return compactIfDue(db, policy.minSupersededRows);
    },
  };
}
