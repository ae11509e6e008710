/**
 * Which issues main delivered as which tickets, per Redmine address: what the periodic reconcile
 * compares with Redmine's complete listing to find deleted issues (Redmine lists no deletions).
 * It lives in main, not in the cursor, because the host API caps the cursor at 4096 characters
 * and a queue holds thousands of tickets (an app-made ticket's id is a 36-character UUID). It is
 * rebuilt from what each pull delivers; after main restarts it knows only issues delivered since,
 * so an issue deleted while the app was closed is found only after a full resync.
 */
export interface DeliveredIssues {
  remember(issueId: number, ticketId: string, version: number): void;
  /** Tombstoned by the reconcile stamped `reconciledAt`; forgotten once a cursor shows it stored. */
  markDeleted(issueId: number, reconciledAt: number): void;
  /** The device came back with a cursor of the reconcile stamped `reconciledAt`: it has those tombstones. */
  settle(reconciledAt: number): void;
  /** ticket id → the issue and the version the device holds, as tombstonesFor takes it. */
  held(): Map<string, { issueId: number; version: number }>;
}

export function createDeliveredIssues(): DeliveredIssues {
  const byIssue = new Map<number, { ticketId: string; version: number; deletedAt?: number }>();
  return {
    remember: (issueId, ticketId, version) => byIssue.set(issueId, { ticketId, version }),
    markDeleted: (issueId, reconciledAt) => {
      const entry = byIssue.get(issueId);
      if (entry) entry.deletedAt = reconciledAt;
    },
    settle: (reconciledAt) => {
      for (const [issueId, entry] of byIssue)
        if (entry.deletedAt !== undefined && entry.deletedAt <= reconciledAt)
          byIssue.delete(issueId);
    },
    held: () =>
      new Map(
        [...byIssue].map(([issueId, { ticketId, version }]) => [ticketId, { issueId, version }]),
      ),
  };
}
