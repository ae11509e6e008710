import { SlaInputError } from '@shared/sla';
import { buildEvidenceFiles } from '../evidence/evidence-files';
import { letterFile, reportFile } from './export/export-files';
import type { EvidenceJob, ExportJob, ExportWorkerMessage } from './export/export-protocol';

/*
 * Writes export files off the window's thread: a year's PDF or XLSX takes seconds (measured in
 * docs/performance.md), and the window must stay responsive meanwhile. The libraries load here,
 * on the first export, never in the page.
 */

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ExportJob>) => void) | null;
  postMessage: (message: ExportWorkerMessage) => void;
};

async function evidence(job: EvidenceJob): Promise<ExportWorkerMessage> {
  const files = await buildEvidenceFiles({ ...job, users: (id) => job.users.get(id) });
  return {
    jobId: job.jobId,
    kind: 'evidence',
    baseName: files.baseName,
    pdf: new Blob([files.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    json: new Blob([files.json], { type: 'application/json' }),
    sha256: files.sha256,
  };
}

async function run(job: ExportJob): Promise<void> {
  try {
    if (job.format === 'evidence') {
      scope.postMessage(await evidence(job));
      return;
    }
    const file =
      job.format === 'eml'
        ? await letterFile(job.report, job.request, job.organization)
        : await reportFile(job.report, job.request, job.format);
    scope.postMessage({ jobId: job.jobId, kind: 'done', name: file.name, blob: file.blob });
  } catch (error) {
    scope.postMessage({
      jobId: job.jobId,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      sla: error instanceof SlaInputError,
    });
  }
}

scope.onmessage = (event) => {
  void run(event.data);
};
