import { z } from 'zod';
import {
  decodeCursor,
  encodeCursor,
  INITIAL_CURSOR,
  type RedmineCursor,
} from '@shared/erp/redmine/cursor';

/*
 * The cursor the device stores for a Redmine pull: the issue list's position (shared cursor.ts)
 * plus what the device was sent of the directory (a short hash per organization and user, so only
 * differences are sent again) and when deletions were last reconciled. It lives with the device's
 * database, so it survives restarts of both sides; the host API caps it at 4096 characters, which
 * is why the set of delivered issue ids does not live here (see delivered-issues.ts).
 */

const PREFIX = 'rmp1.';
/** The host API's cap on a cursor (shared/host/schemas.ts), with room to spare. */
const MAX_CURSOR_LENGTH = 4000;

const envelope = z
  .object({
    /** The issue list's cursor without `seen`, which is `seen` below grouped by second. */
    issues: z.record(z.string(), z.unknown()),
    seen: z.record(z.string(), z.array(z.tuple([z.number(), z.string()]))),
    /** "o<id>:<hash>" / "u<id>:<hash>" of every organization and user the device was sent. */
    dir: z.array(z.string().max(40)).nullable(),
    /** When the last complete reconcile of deleted issues ran (Redmine's clock, ms). */
    rec: z.number().int().nonnegative(),
  })
  .strict();

export interface PullCursor {
  issues: RedmineCursor;
  /** Null: nothing of the directory was sent yet (or it was dropped to keep the cursor small). */
  dir: string[] | null;
  rec: number;
}

export const INITIAL_PULL_CURSOR: PullCursor = { issues: INITIAL_CURSOR, dir: null, rec: 0 };

/**
 * The cursor as text, or null when even without the directory's hashes it would exceed the host's
 * cap: more issues changed within the cursor's last seconds than it can remember. Those seconds
 * pass (the cursor then forgets them), so the caller answers "retry shortly".
 */
export function encodePullCursor(cursor: PullCursor): string | null {
  const { seen, ...issues } = cursor.issues;
  const bySecond: Record<string, [number, string][]> = {};
  for (const [id, fingerprint, second] of seen) (bySecond[second] ??= []).push([id, fingerprint]);
  const json = { issues, seen: bySecond, dir: cursor.dir, rec: cursor.rec };
  const text = PREFIX + Buffer.from(JSON.stringify(json)).toString('base64url');
  if (text.length <= MAX_CURSOR_LENGTH) return text;
  // A very large team: forget what was sent, so the directory is sent whole once more (its
  // versions only grow, so re-sending is harmless) rather than a cursor the host would refuse.
  return cursor.dir === null ? null : encodePullCursor({ ...cursor, dir: null });
}

/** The cursor, or why it cannot be used (answered as contract 2's 410: the device starts over). */
export function decodePullCursor(
  text: string | null,
): { ok: true; cursor: PullCursor } | { ok: false; reason: string } {
  if (text === null) return { ok: true, cursor: INITIAL_PULL_CURSOR };
  if (!text.startsWith(PREFIX))
    return { ok: false, reason: 'the cursor was not issued by the Redmine back end' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the cursor is damaged (not base64url JSON)' };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'the cursor is damaged (unexpected shape)' };
  const seen = Object.entries(parsed.data.seen).flatMap(([second, entries]) =>
    entries.map(([id, fingerprint]) => [id, fingerprint, second]),
  );
  const issues = decodeCursor(encodeCursor({ ...parsed.data.issues, seen } as RedmineCursor));
  if (!issues.ok) return issues;
  return {
    ok: true,
    cursor: { issues: issues.cursor, dir: parsed.data.dir, rec: parsed.data.rec },
  };
}
