import type { ComplianceReport } from '@shared/reports';
import type { ExportFormat } from './export-files';
import type { ExportRequest } from './export-model';
import type { LetterOrganization } from './monthly-letter';

/** What the page asks the export worker for. */
export type ExportJob = {
  jobId: number;
  report: ComplianceReport;
  request: ExportRequest;
} & (
  { format: Exclude<ExportFormat, 'eml'> } | { format: 'eml'; organization: LetterOrganization }
);

export type ExportWorkerMessage =
  | { jobId: number; kind: 'done'; name: string; blob: Blob }
  | { jobId: number; kind: 'failed'; message: string };
