import { ReportPeriodError } from '@shared/reports';
import { createAppDb, type AppDb } from '../../db/schema';
import { readReportInput } from '../../db/repos/report-input';
import { ReportCache } from './report-cache';
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
const cache = new ReportCache();

function databaseOf(name: string): AppDb {
  let db = databases.get(name);
  if (db === undefined) {
    db = createAppDb(name);
    databases.set(name, db);
  }
  return db;
}

async function run(job: ReportJob): Promise<void> {
  const post = (message: ReportWorkerMessage) => scope.postMessage(message);
  try {
    const input = await readReportInput(databaseOf(job.dbName), (read, total) =>
      post({ jobId: job.jobId, kind: 'progress', read, total }),
    );
    const { report, cached } = cache.build(job.dbName, input, job.request);
    post({ jobId: job.jobId, kind: 'done', report, cached });
  } catch (error) {
    const code = error instanceof ReportPeriodError ? error.code : 'failed';
    const message = error instanceof Error ? error.message : String(error);
    post({ jobId: job.jobId, kind: 'failed', code, message });
  }
}

scope.onmessage = (event) => void run(event.data);
