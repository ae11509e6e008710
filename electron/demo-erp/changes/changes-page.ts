import type { Sql } from '../store/database';
import {
  encodeCursor,
  isSnapshotCursor,
  type Cursor,
  type LogCursor,
  type SnapshotCursor,
  type SnapshotStage,
} from './cursor';

/**
 * The feed a client pages through. Without a cursor it starts an initial snapshot: the newest
 * row of every entity at the log's head when the snapshot began (`h`), in three stages —
 * organizations and the team, then open and paused tickets, then every other ticket (resolved
 * ones and tombstones) —, each in log order. Then it goes on with the change log after `h`, so
 * whatever changed while the snapshot was paged (a ticket resolved, a ticket created) comes
 * after it with its newer version, and nothing is missed. Each entity appears once in a
 * snapshot: an entity's newest row at or before `h` falls in exactly one stage.
 */

interface FeedRow {
  pos: number;
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  /** The stored JSON as text: spliced into the response, never parsed here. */
  data: string | null;
}

const OPEN_STATES = `('open', 'paused')`;
const STAGE_FILTERS: Record<SnapshotStage, string> = {
  0: `c.entity <> 'ticket'`,
  1: `c.entity = 'ticket' and c.data->>'state' in ${OPEN_STATES}`,
  2: `c.entity = 'ticket' and coalesce(c.data->>'state', '') not in ${OPEN_STATES}`,
};
const COLUMNS = `c.pos::float8 as pos, c.entity, c.id, c.version, c.deleted, c.data`;
// The stored JSON comes back as the text PostgreSQL writes for it, unparsed: a \`::text\` cast
// in SQL measured slower than letting the driver skip its JSON.parse.
const RAW_JSON = { rawJson: true };

/** The cursor of a snapshot that starts now: its size is counted once, for the progress field. */
export async function startSnapshot(
  sql: Sql,
  epoch: string,
  generation: number,
  head: number,
): Promise<SnapshotCursor> {
  const counted = await sql.query<{ total: number; rows: number }>(
    `select (select count(*) from (select distinct entity, id from changes where pos <= $1) e)::float8
              as total,
            (select count(*) from changes where pos <= $1)::float8 as rows`,
    [head],
  );
  const { total, rows } = counted.rows[0] ?? { total: 0, rows: 0 };
  // No entity has two rows up to the head (a seeded or compacted log): nothing to skip.
  const d = rows > total ? 1 : 0;
  return { s: 0, p: 0, h: head, n: 0, t: total, d, e: epoch, g: generation };
}

/** Up to `limit` rows from the cursor on, as the response body's JSON text. */
export async function readPage(sql: Sql, cursor: Cursor, limit: number): Promise<string> {
  if (!isSnapshotCursor(cursor)) {
    const rows = await readLog(sql, cursor.p, limit + 1);
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const next: LogCursor = { p: page.at(-1)?.pos ?? cursor.p, e: cursor.e, g: cursor.g };
    return body(page, next, hasMore);
  }
  const page: FeedRow[] = [];
  let at: SnapshotCursor = cursor;
  for (;;) {
    const wanted = limit - page.length;
    const rows = await readStage(sql, at, wanted + 1);
    const taken = rows.slice(0, wanted);
    page.push(...taken);
    const last = taken.at(-1);
    at = { ...at, p: last ? last.pos : at.p, n: at.n + taken.length };
    if (rows.length > wanted) return body(page, at, true, at);
    if (at.s === 2) break;
    at = { ...at, s: (at.s + 1) as SnapshotStage, p: 0 };
  }
  // The snapshot is complete. A page never mixes it with the log that follows: a client may rely
  // on every snapshot page naming entities not sent before in that snapshot.
  const progress = { ...at, n: at.t };
  const next: LogCursor = { p: at.h, e: at.e, g: at.g };
  const logGoesOn = (await readLog(sql, at.h, 1)).length > 0;
  return body(page, next, logGoesOn, progress);
}

async function readLog(sql: Sql, after: number, take: number): Promise<FeedRow[]> {
  const result = await sql.query<FeedRow>(
    `select ${COLUMNS} from changes c where c.pos > $1 order by c.pos limit $2`,
    [after, take],
    RAW_JSON,
  );
  return result.rows;
}

/**
 * The stage's rows after the cursor: each entity's newest row at or before the snapshot's head.
 * Read window by window along the log's primary key, so the cost of a page is bounded by the
 * rows it passes over whatever the planner's statistics say (never analyzed, they once chose a
 * scan of the whole rest of the log for every page).
 */
async function readStage(sql: Sql, cursor: SnapshotCursor, take: number): Promise<FeedRow[]> {
  const found: FeedRow[] = [];
  let after = cursor.p;
  while (found.length < take && after < cursor.h) {
    const until = Math.min(after + Math.max(STAGES_WINDOW_PER_ROW * take, 64), cursor.h);
    const result = await sql.query<FeedRow>(
      `with w as materialized (select * from changes where pos > $1 and pos <= $2)
       select ${COLUMNS} from w c
       where ${STAGE_FILTERS[cursor.s]} ${cursor.d === 1 ? NEWEST_ONLY : ''}
       order by c.pos limit $3`,
      [after, until, take - found.length, ...(cursor.d === 1 ? [cursor.h] : [])],
      RAW_JSON,
    );
    found.push(...result.rows);
    after = until;
  }
  return found;
}

const NEWEST_ONLY = `and not exists (select 1 from changes n
  where n.entity = c.entity and n.id = c.id and n.pos > c.pos and n.pos <= $4)`;

/**
 * Log positions one stage query passes over, per row asked for: a few times the page, so a
 * small page does not read a big window (a window is read whole before it is filtered).
 */
const STAGES_WINDOW_PER_ROW = 4;

/**
 * The response's JSON, built around the stored text of each entity: parsing and serializing
 * 500 tickets again for every page was most of the server's CPU in a first pull.
 */
function body(
  rows: readonly FeedRow[],
  next: Cursor,
  hasMore: boolean,
  snapshot?: SnapshotCursor,
): string {
  const changes = rows.map(
    (row) =>
      `{"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},` +
      `"version":${row.version},"deleted":${row.deleted},` +
      `"data":${row.deleted || row.data === null ? 'null' : row.data}}`,
  );
  const progress = snapshot ? `,"snapshot":{"sent":${snapshot.n},"total":${snapshot.t}}` : '';
  return (
    `{"changes":[${changes.join(',')}],"nextCursor":"${encodeCursor(next)}",` +
    `"hasMore":${hasMore}${progress}}`
  );
}
