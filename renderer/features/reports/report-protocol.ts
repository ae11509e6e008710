import type { ComplianceReport, ReportRequest } from '@shared/reports';

/** What the page asks the report worker: which database (one per ERP) and which report. */
export interface ReportJob {
  jobId: number;
  dbName: string;
  request: Omit<ReportRequest, 'now' | 'config'> & { now: string };
}

export type ReportWorkerMessage =
  | { jobId: number; kind: 'progress'; read: number; total: number }
  | { jobId: number; kind: 'done'; report: ComplianceReport; cached: boolean }
  | { jobId: number; kind: 'failed'; code: string; message: string };
