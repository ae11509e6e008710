import type { ListedIssue } from '../../../../../shared/erp/redmine/cursor';

/**
 * Redmine's issue list as the cursor meets it: each issue has a stored time finer than the second
 * it shows; `updated_on>=S` matches stored times after S − 1 s (Redmine's own looseness); the list
 * is sorted by stored time, then id; an update stamps the issue when its transaction starts, which
 * may be up to `lagMs` before it commits (is visible); deleting removes it.
 */
export class SimulatedIssueList {
  private readonly issues = new Map<number, { storedMs: number; rev: number }>();
  private nextId = 1;

  constructor(public nowMs: number) {}

  create(lagMs = 0): number {
    const id = this.nextId++;
    this.issues.set(id, { storedMs: this.nowMs - lagMs, rev: 1 });
    return id;
  }

  update(id: number, lagMs = 0): void {
    const issue = this.issues.get(id);
    if (issue) this.issues.set(id, { storedMs: this.nowMs - lagMs, rev: issue.rev + 1 });
  }

  remove(id: number): void {
    this.issues.delete(id);
  }

  ids(): number[] {
    return [...this.issues.keys()];
  }

  revOf(id: number): number | undefined {
    return this.issues.get(id)?.rev;
  }

  list(query: Record<string, string>): ListedIssue[] {
    const since = query['updated_on'] ? Date.parse(query['updated_on'].slice(2)) : null;
    const offset = Number(query['offset']);
    const limit = Number(query['limit']);
    return [...this.issues]
      .filter(([, issue]) => since === null || issue.storedMs > since - 1000)
      .sort(([idA, a], [idB, b]) => a.storedMs - b.storedMs || idA - idB)
      .slice(offset, offset + limit)
      .map(([id, issue]) => ({
        id,
        updatedOn: new Date(Math.floor(issue.storedMs / 1000) * 1000)
          .toISOString()
          .replace('.000Z', 'Z'),
        fingerprint: `${id}@${issue.rev}`,
      }));
  }
}
