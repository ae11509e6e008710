import type { ChangesResponse } from '@shared/erp/protocol';
import { SETTLE_SECONDS } from '@shared/erp/redmine/cursor';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from './redmine-context';
import { errorAnswer } from './redmine-session';
import { checkKey } from './pull/check-key';
import { decodePullCursor, encodePullCursor, type PullCursor } from './pull/pull-cursor';
import type { KeptDirectory, PullMemory } from './pull/pull-memory';
import { directoryChanges, readDirectory, type Read } from './pull/read-directory';
import { readIssuePage } from './pull/read-issue-page';
import { reconcileDeletions } from './pull/reconcile-deletions';

/**
 * Contract 2's `GET /sync/v1/changes` from Redmine's lists. An answer carries either the
 * directory's differences (organizations and the team come before the issues that name them) or
 * one page of the issue list (Redmine's 100; the client's `limit` is at least that in practice,
 * and a smaller one still gets one page, since the list cannot be split without re-reading it).
 * The last page of a pass may carry tombstones from the periodic reconcile. Any failure answers
 * as the gateway would and leaves the client's cursor where it was: nothing is skipped.
 */
export async function pullChanges(
  context: RedmineContext,
  query: { cursor: string | null; limit: number },
  memory: PullMemory,
): Promise<HostResult<ErpResponse>> {
  const decoded = decodePullCursor(query.cursor);
  if (!decoded.ok)
    return ok(errorAnswer({ retryAfterSeconds: null }, 410, 'cursor_expired', decoded.reason));
  const cursor = decoded.cursor;
  memory.delivered.settle(cursor.rec);
  const nowMs = context.now();

  const key = await checkKey(context);
  if (!key.ok) return key;
  if (!key.value.ok) return ok(key.value.answer);

  const directory = await currentDirectory(context, memory, cursor, nowMs);
  if (!directory.ok) return directory;
  if (!directory.value.ok) return ok(directory.value.answer);
  const { value, version } = directory.value.value;
  const sent = directoryChanges(value, cursor.dir, version);
  if (sent.changes.length > 0)
    return answer({ changes: sent.changes, hasMore: true }, { ...cursor, dir: sent.entries });

  const organizations = new Map(value.organizations.map((o) => [o.id, o]));
  const users = new Map(value.users.map((u) => [u.id, u]));
  const page = await readIssuePage(context, cursor.issues, organizations, users, memory.delivered);
  if (!page.ok) return page;
  if (!page.value.ok) return ok(page.value.answer);
  const { changes, next, hasMore, skipped } = page.value.value;
  for (const reason of skipped) memory.log(`Redmine pull skipped ${reason}`);

  let rec = cursor.rec;
  if (!hasMore && nowMs - cursor.rec >= memory.timing.reconcileMs) {
    const reconciled = await reconcileDeletions(context, memory.delivered, nowMs);
    if (!reconciled.ok) return reconciled;
    changes.push(...reconciled.value.tombstones);
    if (reconciled.value.done) rec = nowMs;
  }
  return answer({ changes, hasMore }, { issues: next, dir: sent.entries, rec });
}

function answer(
  page: Omit<ChangesResponse, 'nextCursor'>,
  next: PullCursor,
): HostResult<ErpResponse> {
  const nextCursor = encodePullCursor(next);
  if (nextCursor === null)
    return ok(
      errorAnswer(
        { retryAfterSeconds: SETTLE_SECONDS },
        503,
        'redmine_busy',
        'More Redmine issues changed within the last seconds than one pull can remember; retrying shortly',
      ),
    );
  const body: ChangesResponse = { ...page, nextCursor };
  return ok({ status: 200, body, retryAfterSeconds: null });
}

/** The directory read at most `directoryRefreshMs` ago, or read now (also for a fresh device). */
async function currentDirectory(
  context: RedmineContext,
  memory: PullMemory,
  cursor: PullCursor,
  nowMs: number,
): Promise<Read<KeptDirectory>> {
  const kept = memory.directory;
  if (kept && cursor.dir !== null && nowMs - kept.readAt < memory.timing.directoryRefreshMs)
    return ok({ ok: true, value: kept });
  // Versions only grow, even if the clock steps back: a changed entity must replace the old one.
  const version = Math.max(Math.floor(nowMs / 1000), (kept?.version ?? 0) + 1);
  const read = await readDirectory(context, version);
  if (!read.ok) return read;
  if (!read.value.ok) return ok(read.value);
  for (const reason of read.value.value.skipped) memory.log(`Redmine pull skipped ${reason}`);
  const fresh: KeptDirectory = {
    value: read.value.value,
    readAt: nowMs,
    version,
  };
  memory.directory = fresh;
  return ok({ ok: true, value: fresh });
}
