import type { Organization, Ticket } from '@shared/domain/ticket';
import type { User } from '@shared/domain/user';
import type { ComplianceReport } from '@shared/reports';
import type { ExportFormat } from './export-files';
import type { ExportRequest } from './export-model';
import type { LetterOrganization } from './monthly-letter';

/** What the page asks the export worker for: a report file, or a ticket's evidence pack. */
export type ExportJob = ReportJob | EvidenceJob;

type ReportJob = {
  jobId: number;
  report: ComplianceReport;
  request: ExportRequest;
} & (
  { format: Exclude<ExportFormat, 'eml'> } | { format: 'eml'; organization: LetterOrganization }
);

/**
 * The evidence pack is written by the same worker as the report's files: one bundle holds pdfmake
 * and its fonts (2.4 MB), which a second worker or the page would each carry again.
 */
export interface EvidenceJob {
  jobId: number;
  format: 'evidence';
  ticket: Ticket;
  organization: Organization;
  users: ReadonlyMap<string, User>;
  pendingCommandIds: ReadonlySet<string>;
  generatedAt: string;
  appVersion: string;
}

export type ExportWorkerMessage =
  | { jobId: number; kind: 'done'; name: string; blob: Blob }
  | { jobId: number; kind: 'evidence'; baseName: string; pdf: Blob; json: Blob; sha256: string }
  /** `sla`: the SLA engine refused the ticket's stored data (the message says what). */
  | { jobId: number; kind: 'failed'; message: string; sla?: boolean };
