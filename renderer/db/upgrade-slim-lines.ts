import type { Transaction } from 'dexie';
import { compactSla } from '@shared/queue/queue-entry';

/**
 * Schema v8 (issue 14 §2): queue and resolved lines stored before keep no search text and no
 * authors, command ids or notes (but a pause's) in their events, as lines derived now do (shared/queue/queue-entry.ts):
 * the queue holds 50,000 of them in memory. The ticket rows keep everything.
 */
export async function upgradeToSlimLines(tx: Transaction): Promise<void> {
  for (const table of ['queue', 'resolved']) {
    await tx
      .table<{ searchText?: string; sla: Parameters<typeof compactSla>[0] | null }>(table)
      .toCollection()
      .modify((line) => {
        delete line.searchText;
        if (line.sla) line.sla = compactSla(line.sla);
      });
  }
}
