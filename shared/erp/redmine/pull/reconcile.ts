import type { Change } from '../../protocol';

/**
 * Redmine's lists never show a deleted issue, so deletions are found by a periodic reconcile: the
 * issue ids the app holds tickets for against every id Redmine lists now (`status_id=*`, all
 * pages). A ticket whose issue is gone becomes a tombstone, one version above the one it had.
 * Only a complete listing may be compared: a missing page would delete live tickets.
 */
export function tombstonesFor(
  held: ReadonlyMap<string, { issueId: number; version: number }>,
  listedIssueIds: ReadonlySet<number>,
): Change[] {
  const changes: Change[] = [];
  for (const [ticketId, { issueId, version }] of held) {
    if (!listedIssueIds.has(issueId))
      changes.push({
        entity: 'ticket',
        id: ticketId,
        version: version + 1,
        deleted: true,
        data: null,
      });
  }
  return changes;
}
