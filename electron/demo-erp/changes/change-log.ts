import { MAX_PULL_LIMIT } from '../../../shared/erp';
import { HttpError } from '../http/http-error';
import { getMeta, lockWrites, setMeta, type Sql, type SqlDatabase } from '../store/database';
import { tombstoneTicket } from '../store/records';
import { readPage, startSnapshot } from './changes-page';
import { decodeCursor, isSnapshotCursor } from './cursor';

export const DEFAULT_PULL_LIMIT = 500;

/** `limit` from the query string: absent → default; anything but an integer in range → 400. */
export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_PULL_LIMIT;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_PULL_LIMIT) {
    throw new HttpError(
      400,
      'invalid_request',
      `limit: must be an integer from 1 to ${MAX_PULL_LIMIT} (got "${raw.slice(0, 40)}")`,
    );
  }
  return value;
}

/** Set by the latest compaction: its generation and the head of the log at that moment. */
export interface Horizon {
  generation: number;
  head: number;
}

export async function readHorizon(sql: Sql): Promise<Horizon> {
  return (await getMeta<Horizon>(sql, 'horizon')) ?? { generation: 0, head: 0 };
}

export async function logHead(sql: Sql): Promise<number> {
  const head = await sql.query<{ head: number }>(
    'select coalesce(max(pos), 0)::float8 as head from changes',
  );
  return head.rows[0]?.head ?? 0;
}

/** Rows a compaction would remove: every row of an entity but its newest. */
export async function countSupersededRows(sql: Sql): Promise<number> {
  const result = await sql.query<{ superseded: number }>(
    `select (count(*) - (select count(*) from (select distinct entity, id from changes) live))::float8
       as superseded from changes`,
  );
  return result.rows[0]?.superseded ?? 0;
}

/**
 * One page of the changes feed, as the JSON text of the response body (see changes-page.ts for
 * the order: an initial snapshot, open tickets first, then the change log).
 *
 * 410 for a cursor from another database (epoch), ahead of the log, or issued before the latest
 * compaction and older than the log's head at that moment ("older than the horizon"), or inside
 * a snapshot that a compaction interrupted. A cursor
 * issued after the compaction is always good, so a full pull that starts after a compaction is
 * never sent back to the beginning.
 */
export async function readChangesJson(
  db: SqlDatabase,
  epoch: string,
  rawCursor: string | null,
  limit: number,
): Promise<string> {
  // One snapshot for every statement: the horizon, the head and the rows as of one moment,
  // whatever another server process commits meanwhile.
  return db.transaction(
    async (tx) => {
      const horizon = await readHorizon(tx);
      const head = await logHead(tx);
      if (rawCursor === null || rawCursor === '') {
        return readPage(tx, await startSnapshot(tx, epoch, horizon.generation, head), limit);
      }
      const cursor = decodeCursor(rawCursor);
      // A compaction during a snapshot expires it: the snapshot is a view of the log as it was.
      const snapshot = isSnapshotCursor(cursor);
      const from = snapshot ? cursor.h : cursor.p;
      const stale = cursor.g !== horizon.generation && (snapshot || from < horizon.head);
      if (cursor.e !== epoch || cursor.g > horizon.generation || stale || from > head) {
        throw new HttpError(
          410,
          'cursor_expired',
          'cursor: expired (the change log was compacted or the database replaced); pull again without a cursor',
        );
      }
      return readPage(tx, cursor, limit);
    },
    { snapshot: true },
  );
}

/**
 * Keeps only the latest row per entity (tombstones included) and starts a new generation whose
 * horizon is the log's head: older cursors that are behind it get 410, and their clients pull
 * everything again.
 */
export function compactChangeLog(db: SqlDatabase): Promise<Compaction> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    return compactInTransaction(tx);
  });
}

export interface Compaction {
  removed: number;
  generation: number;
}

/** The compaction itself, in the caller's transaction (which holds the write lock). */
export async function compactInTransaction(tx: Sql): Promise<Compaction> {
  const removed = await tx.query(
    `delete from changes c using changes newer
     where newer.entity = c.entity and newer.id = c.id and newer.pos > c.pos`,
  );
  const generation = (await readHorizon(tx)).generation + 1;
  await setMeta(tx, 'horizon', { generation, head: await logHead(tx) });
  return { removed: removed.affectedRows ?? 0, generation };
}

export function deleteTicket(db: SqlDatabase, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    return tombstoneTicket(tx, id);
  });
}
