import { z } from 'zod';

/*
 * The pull's position in Redmine's issue list (`GET /issues.json?status_id=*&sort=updated_on,id
 * &updated_on=>=S&offset=O&limit=100`). Redmine shows and filters `updated_on` only to the second,
 * and its `>=` is up to a second loose (it compares `> S − 1 s` against a finer stored time), pages
 * by offset, and moves an issue to the end of the list whenever someone updates it. So:
 * - every delivered issue is remembered by id and fingerprint while it may be listed again (its
 *   second ≥ S − 1): listed again unchanged, it is not delivered again; changed, it is;
 * - each page after the first re-reads the previous page's last issue: if it is not where it was,
 *   the list shifted under us (an update or a deletion) and the pass restarts from offset 0 at
 *   the same S — re-listing is harmless (fingerprints), skipping is not;
 * - S moves only to seconds the pass has fully listed, and never closer than SETTLE_SECONDS to
 *   Redmine's own clock: an update is stamped when its transaction starts and visible when it
 *   commits, so the last seconds are read again on the next pull.
 */

export const PAGE_LIMIT = 100;
export const SETTLE_SECONDS = 10;
const CURSOR_PREFIX = 'rm1.';

/**
 * One issue as the list shows it. `fingerprint` must change whenever the issue does: `updated_on`
 * alone does not when two updates share a second, so use `updated_on` plus the number of journals
 * (the list does not show journals: fetch the issue when `rememberedFingerprint` has one with the
 * same `updated_on`, which happens only within the last seconds the cursor re-reads).
 */
export interface ListedIssue {
  id: number;
  updatedOn: string;
  fingerprint: string;
}

const second = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC instant to the second');

const cursorState = z
  .object({
    v: z.literal(1, { error: 'v must be 1 (cursor version)' }),
    /** Lower bound of the list (`updated_on>=`); null before the first complete pass. */
    s: second.nullable(),
    /** The settled second when the current pass began: where the next pass starts. */
    p: second.nullable(),
    /** Offset, within the list from `s`, of the next issue to read; 0 starts a pass. */
    o: z.number().int().nonnegative(),
    /** The issue before offset `o`, re-read to detect a shifted list. */
    last: z.object({ id: z.number().int().positive(), at: second }).nullable(),
    /** Delivered issues that may be listed again: [id, fingerprint, second]. */
    seen: z.array(z.tuple([z.number().int().positive(), z.string(), second])),
  })
  .strict();
export type RedmineCursor = z.infer<typeof cursorState>;

export const INITIAL_CURSOR: RedmineCursor = { v: 1, s: null, p: null, o: 0, last: null, seen: [] };

export function encodeCursor(cursor: RedmineCursor): string {
  // Opaque to the client, but plain URI-escaped JSON: `shared/` has no base64 (no DOM, no Node).
  return CURSOR_PREFIX + encodeURIComponent(JSON.stringify(cursor));
}

/** The cursor, or why it cannot be used (then the pull starts over, as after contract 2's 410). */
export function decodeCursor(
  text: string | null,
): { ok: true; cursor: RedmineCursor } | { ok: false; reason: string } {
  if (text === null || text === '') return { ok: true, cursor: INITIAL_CURSOR };
  if (!text.startsWith(CURSOR_PREFIX))
    return { ok: false, reason: 'the cursor was not issued by the Redmine back end' };
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(text.slice(CURSOR_PREFIX.length)));
  } catch {
    return { ok: false, reason: 'the cursor is damaged (not escaped JSON)' };
  }
  const parsed = cursorState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `the cursor's ${issue.path.join('.')} ${issue.message}` };
  }
  return { ok: true, cursor: parsed.data };
}

/** The fingerprint the cursor remembers delivering for an issue, if it may be listed again. */
export function rememberedFingerprint(cursor: RedmineCursor, issueId: number): string | null {
  return cursor.seen.find(([id]) => id === issueId)?.[1] ?? null;
}

/** The list request for the cursor's next page. */
export function listQuery(cursor: RedmineCursor): Record<string, string> {
  return {
    status_id: '*',
    sort: 'updated_on,id',
    limit: String(PAGE_LIMIT),
    offset: String(cursor.o > 0 ? cursor.o - 1 : 0),
    ...(cursor.s === null ? {} : { updated_on: `>=${cursor.s}` }),
  };
}

export interface PageOutcome {
  /** Issues to fetch and deliver, in list order; none is one already delivered unchanged. */
  deliver: ListedIssue[];
  next: RedmineCursor;
  /** Another page is needed before this pull has seen everything. */
  hasMore: boolean;
}

const toSecond = (iso: string) =>
  new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const settledSecond = (serverTime: string) =>
  new Date(Date.parse(toSecond(serverTime)) - SETTLE_SECONDS * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Reads one page answered for `listQuery(cursor)`; `serverTime` is Redmine's clock (Date header). */
export function consumePage(
  cursor: RedmineCursor,
  page: ListedIssue[],
  serverTime: string,
): PageOutcome {
  const settledNow = settledSecond(serverTime);
  const passStart = cursor.p ?? settledNow;
  let items = page;
  if (cursor.o > 0) {
    const first = items[0];
    const expected = cursor.last;
    if (
      !first ||
      !expected ||
      first.id !== expected.id ||
      toSecond(first.updatedOn) !== expected.at
    )
      return { deliver: [], next: { ...cursor, o: 0, last: null, p: passStart }, hasMore: true };
    items = items.slice(1);
  }
  const seen = new Map(cursor.seen.map(([id, fp, at]) => [id, { fp, at }]));
  const deliver: ListedIssue[] = [];
  for (const item of items) {
    if (seen.get(item.id)?.fp === item.fingerprint) continue;
    deliver.push(item);
    seen.set(item.id, { fp: item.fingerprint, at: toSecond(item.updatedOn) });
  }

  let next: RedmineCursor;
  const hasMore = page.length >= PAGE_LIMIT;
  if (hasMore) {
    const lastItem = page[page.length - 1]!;
    const lastAt = toSecond(lastItem.updatedOn);
    const last = { id: lastItem.id, at: lastAt };
    if ((cursor.s === null || lastAt > cursor.s) && lastAt <= settledNow) {
      // Start the list at the last issue's second: its own place there is at most the number of
      // its second-mates on this page (fewer when earlier pages held some: the overlap check
      // then restarts at offset 0, which re-lists but never skips).
      const mates = page.filter((item) => toSecond(item.updatedOn) === lastAt).length;
      next = { v: 1, s: lastAt, p: passStart, o: mates, last, seen: [] };
    } else {
      const start = cursor.o > 0 ? cursor.o - 1 : 0;
      next = { ...cursor, p: passStart, o: start + page.length, last };
    }
  } else {
    // An issue updated during the pass may have landed behind the offset (its stamp precedes its
    // commit): the next pass starts where this one's settled time began.
    next = { v: 1, s: passStart, p: null, o: 0, last: null, seen: [] };
  }
  // Only issues the looser `>=` may list again need remembering.
  const from = next.s === null ? null : earlier(next.s, next.p ?? next.s);
  const keepFrom = from === null ? null : Date.parse(from) - 1000;
  next.seen = [...seen]
    .filter(([, { at }]) => keepFrom === null || Date.parse(at) >= keepFrom)
    .map(([id, { fp, at }]) => [id, fp, at]);
  return { deliver, next, hasMore };
}
