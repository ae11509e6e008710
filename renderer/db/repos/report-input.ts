import type { Organization, Ticket } from '@shared/domain/ticket';
import type { AppDb } from '../schema';
import { listOrganizations } from './organizations';

export interface ReportInput {
  tickets: Ticket[];
  organizations: Organization[];
}

/**
 * Every ticket as the ticket page shows it (the optimistic view: the ERP's copy with this
 * computer's pending actions), read in pages so the caller can show progress.
 */
export async function readReportInput(
  db: AppDb,
  onProgress: (read: number, total: number) => void,
  pageSize = 5_000,
): Promise<ReportInput> {
  const [organizations, total] = await Promise.all([listOrganizations(db), db.tickets.count()]);
  const tickets: Ticket[] = [];
  let offset = 0;
  for (;;) {
    const rows = await db.tickets.offset(offset).limit(pageSize).toArray();
    for (const row of rows) if (row.view && row.deleted === 0) tickets.push(row.view);
    offset += rows.length;
    onProgress(offset, total);
    if (rows.length < pageSize) break;
  }
  return { tickets, organizations };
}
