import { buildComplianceReport, ReportPeriodError, type ComplianceReport } from '@shared/reports';
import { createAppDb, type AppDb } from '../../db/schema';
import { readReportInput } from '../../db/repos/report-input';
import type { ReportJob, ReportWorkerMessage } from './report-protocol';

/*
 * Builds reports off the window's thread: reading fifty thousand tickets from IndexedDB and
 * replaying each through the SLA engine would freeze the page. The worker opens the same
 * database itself, so tickets never cross the thread boundary.
 */

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReportJob>) => void) | null;
  postMessage: (message: ReportWorkerMessage) => void;
};

const databases = new Map<string, AppDb>();
/** The last report per request, valid while the tickets and organizations are unchanged. */
const cache = new Map<string, { stamp: string; report: ComplianceReport }>();

function databaseOf(name: string): AppDb {
  let db = databases.get(name);
  if (db === undefined) {
    db = createAppDb(name);
    databases.set(name, db);
  }
  return db;
}

/** Every ticket and organization row carries a version the ERP raises on each change. */
function stampOf(input: Awaited<ReturnType<typeof readReportInput>>): string {
  let sum = 0;
  for (const ticket of input.tickets) sum += ticket.version + ticket.events.length;
  for (const organization of input.organizations) sum += organization.version;
  return `${input.tickets.length}|${input.organizations.length}|${sum}`;
}

async function run(job: ReportJob): Promise<void> {
  const post = (message: ReportWorkerMessage) => scope.postMessage(message);
  try {
    const input = await readReportInput(databaseOf(job.dbName), (read, total) =>
      post({ jobId: job.jobId, kind: 'progress', read, total }),
    );
    const key = JSON.stringify({ db: job.dbName, ...job.request });
    const stamp = stampOf(input);
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp) {
      post({ jobId: job.jobId, kind: 'done', report: hit.report, cached: true });
      return;
    }
    const report = buildComplianceReport(input.tickets, input.organizations, job.request);
    cache.set(key, { stamp, report });
    post({ jobId: job.jobId, kind: 'done', report, cached: false });
  } catch (error) {
    const code = error instanceof ReportPeriodError ? error.code : 'failed';
    const message = error instanceof Error ? error.message : String(error);
    post({ jobId: job.jobId, kind: 'failed', code, message });
  }
}

scope.onmessage = (event) => void run(event.data);
