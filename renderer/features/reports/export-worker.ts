import { letterFile, reportFile } from './export/export-files';
import type { ExportJob, ExportWorkerMessage } from './export/export-protocol';

/*
 * Writes export files off the window's thread: a year's PDF or XLSX takes seconds (measured in
 * docs/performance.md), and the window must stay responsive meanwhile. The libraries load here,
 * on the first export, never in the page.
 */

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ExportJob>) => void) | null;
  postMessage: (message: ExportWorkerMessage) => void;
};

async function run(job: ExportJob): Promise<void> {
  try {
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
    });
  }
}

scope.onmessage = (event) => {
  void run(event.data);
};
