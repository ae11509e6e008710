import type { ComplianceReport } from '@shared/reports';
import { buildReportExport, type ExportRequest, type ReportExport } from './export-model';
import { monthlyLetter, type LetterOrganization } from './monthly-letter';
import { exportFileName } from './period-label';
import { writeCsv } from './write-csv';
import { writeEml } from './write-eml';
import { writePdf } from './write-pdf';
import { writeXlsx } from './write-xlsx';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf' | 'eml';

export interface ExportFile {
  name: string;
  blob: Blob;
}

const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
  eml: 'message/rfc822',
};

function nameOf(report: ComplianceReport, model: ReportExport, format: ExportFormat): string {
  return exportFileName(
    report.period,
    model.organizations.map((o) => o.name),
    format,
  );
}

/** The report as one file in one format, named for the period and organizations. */
export async function reportFile(
  report: ComplianceReport,
  request: ExportRequest,
  format: Exclude<ExportFormat, 'eml'>,
): Promise<ExportFile> {
  const model = buildReportExport(report, request);
  const content =
    format === 'csv'
      ? writeCsv(model)
      : format === 'xlsx'
        ? await writeXlsx(model)
        : await writePdf(model);
  return {
    name: nameOf(report, model, format),
    blob: new Blob([content as BlobPart], { type: TYPES[format] }),
  };
}

/**
 * The monthly letter as an .eml draft with the report attached as PDF and XLSX, both in
 * Russian whatever the UI's language: they go to the customer.
 */
export async function letterFile(
  report: ComplianceReport,
  request: ExportRequest,
  organization: LetterOrganization,
): Promise<ExportFile> {
  const model = buildReportExport(report, { ...request, language: 'ru' });
  const [pdf, xlsx] = await Promise.all([writePdf(model), writeXlsx(model)]);
  const letter = monthlyLetter(report, organization);
  const eml = writeEml({
    to: organization.contactEmails,
    subject: letter.subject,
    text: letter.body,
    attachments: [
      { name: nameOf(report, model, 'pdf'), type: TYPES.pdf, bytes: pdf },
      { name: nameOf(report, model, 'xlsx'), type: TYPES.xlsx, bytes: xlsx },
    ],
    date: request.builtAt,
  });
  return { name: nameOf(report, model, 'eml'), blob: new Blob([eml], { type: TYPES.eml }) };
}
