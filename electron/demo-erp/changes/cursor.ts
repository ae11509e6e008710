import { z } from 'zod';
import { HttpError } from '../http/http-error';

/**
 * The cursor is opaque to clients: base64url of JSON. `e` is the epoch of the database that
 * issued it and `g` the compaction generation it was issued in. A log cursor (`p` alone) stands
 * after a change-log position. A snapshot cursor (`s` present) stands inside an initial snapshot
 * taken at log position `h`: in stage `s` (0 organizations and team, 1 open and paused tickets,
 * 2 the other tickets), after the snapshot row at position `p`, with `n` of `t` entities sent;
 * `d` 1 when some entity has more than one row up to `h` (only its newest is sent).
 * Clients must not build or compare cursors.
 */
const base = { e: z.string().min(1), g: z.number().int().nonnegative() };
const position = z.number().int().nonnegative();

const logCursorSchema = z.strictObject({ p: position, ...base });
const snapshotCursorSchema = z
  .strictObject({
    s: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    p: position,
    h: position,
    n: position,
    t: position,
    d: z.union([z.literal(0), z.literal(1)]),
    ...base,
  })
  .refine((cursor) => cursor.p <= cursor.h && cursor.n <= cursor.t);

export type LogCursor = z.infer<typeof logCursorSchema>;
export type SnapshotCursor = z.infer<typeof snapshotCursorSchema>;
export type Cursor = LogCursor | SnapshotCursor;
export type SnapshotStage = SnapshotCursor['s'];

export function isSnapshotCursor(cursor: Cursor): cursor is SnapshotCursor {
  return 's' in cursor;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = z.union([logCursorSchema, snapshotCursorSchema]).safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_cursor', 'cursor: not a cursor issued by this server');
  }
  return parsed.data;
}
