import type { ExportJob, ExportWorkerMessage } from '../reports/export/export-protocol';

type EvidenceRequest = Omit<Extract<ExportJob, { format: 'evidence' }>, 'jobId' | 'format'>;

export interface EvidenceBlobs {
  baseName: string;
  pdf: Blob;
  json: Blob;
  sha256: string;
}

/** The engine refused the ticket's stored data, or the worker failed otherwise. */
export class EvidenceBuildError extends Error {
  override name = 'EvidenceBuildError';
  constructor(
    message: string,
    readonly sla: boolean,
  ) {
    super(message);
  }
}

/**
 * Builds the pack in the report export worker: a long ticket's PDF takes seconds, and the worker
 * already holds pdfmake, so the page never loads a second copy of it.
 */
export function buildEvidenceInWorker(request: EvidenceRequest): Promise<EvidenceBlobs> {
  const worker = new Worker(new URL('../reports/export-worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<EvidenceBlobs>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'evidence') resolve(message);
      else if (message.kind === 'failed')
        reject(new EvidenceBuildError(message.message, message.sla === true));
      else reject(new EvidenceBuildError(`unexpected answer "${message.kind}"`, false));
    };
    worker.onerror = (event) => reject(new EvidenceBuildError(event.message, false));
    const job: ExportJob = { ...request, jobId: 1, format: 'evidence' };
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}
