import { z } from 'zod';
import type { Change } from '@shared/erp/protocol';
import { tombstonesFor } from '@shared/erp/redmine/pull/reconcile';
import { ok, type HostResult } from '@shared/host/result';
import type { RedmineContext } from '../redmine-context';
import type { DeliveredIssues } from './delivered-issues';

const idPage = z.object({
  issues: z.array(z.object({ id: z.number().int().positive() }).loose()),
  total_count: z.number().int().nonnegative(),
});

/**
 * Every issue id of the mapped tracker Redmine lists now, or null when the listing is not
 * certainly complete: a failed or odd page, or a list that shifted while it was read (each page
 * after the first re-reads the previous page's last id; a deletion before it moves it). Null
 * means "no reconcile this time", never "no issues".
 */
async function listAllIssueIds(context: RedmineContext): Promise<HostResult<Set<number> | null>> {
  const ids = new Set<number>();
  let lastId: number | null = null;
  for (;;) {
    const offset = lastId === null ? 0 : ids.size - 1;
    const answered = await context.http.get('/issues.json', {
      status_id: '*',
      tracker_id: String(context.mapping.trackerId),
      sort: 'id',
      limit: '100',
      offset: String(offset),
    });
    if (!answered.ok) return answered;
    const parsed = idPage.safeParse(answered.value.body);
    if (answered.value.status !== 200 || !parsed.success) return ok(null);
    let page = parsed.data.issues.map((issue) => issue.id);
    if (lastId !== null) {
      if (page[0] !== lastId) return ok(null);
      page = page.slice(1);
    }
    for (const id of page) ids.add(id);
    if (page.length === 0 || ids.size >= parsed.data.total_count)
      return ok(ids.size === parsed.data.total_count ? ids : null);
    lastId = page[page.length - 1]!;
  }
}

/**
 * Tombstones for delivered issues Redmine no longer lists; they are sent again by later reconciles
 * until the device returns a cursor stamped `reconciledAt` (an answer lost on the way must not lose
 * a deletion). A network failure fails the pull (it is
 * retried); an incomplete listing gives no tombstones and `done: false`, so it runs again.
 */
export async function reconcileDeletions(
  context: RedmineContext,
  delivered: DeliveredIssues,
  reconciledAt: number,
): Promise<HostResult<{ tombstones: Change[]; done: boolean }>> {
  const listed = await listAllIssueIds(context);
  if (!listed.ok) return listed;
  if (listed.value === null) return ok({ tombstones: [], done: false });
  const held = delivered.held();
  const tombstones = tombstonesFor(held, listed.value);
  for (const tombstone of tombstones)
    delivered.markDeleted(held.get(tombstone.id)!.issueId, reconciledAt);
  return ok({ tombstones, done: true });
}
