import { z } from 'zod';
import { HttpError } from '../http/http-error';

/**
 * The cursor is opaque to clients: base64url of `{ p, e, g }` — the change-log position it stands
 * after, the epoch of the database that issued it and the compaction generation it was issued
 * in. Clients must not build or compare cursors.
 */
const cursorSchema = z.object({
  p: z.number().int().nonnegative(),
  e: z.string().min(1),
  g: z.number().int().nonnegative(),
});
export type Cursor = z.infer<typeof cursorSchema>;

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
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_cursor', 'cursor: not a cursor issued by this server');
  }
  return parsed.data;
}
