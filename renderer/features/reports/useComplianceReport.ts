import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComplianceReport, ReportRequest } from '@shared/reports';
import { getAppDb } from '../../db/app-db';
import type { ReportJob, ReportWorkerMessage } from './report-protocol';

export type ReportState =
  | { kind: 'idle' }
  | { kind: 'building'; read: number; total: number }
  | { kind: 'ready'; report: ComplianceReport; cached: boolean }
  | { kind: 'failed'; code: string; message: string };

/** Builds reports in a worker; a newer request supersedes an older one still running. */
export function useComplianceReport(): {
  state: ReportState;
  build: (request: Omit<ReportRequest, 'now' | 'config'>) => void;
} {
  const [state, setState] = useState<ReportState>({ kind: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  const build = useCallback((request: Omit<ReportRequest, 'now' | 'config'>) => {
    if (workerRef.current === null) {
      const worker = new Worker(new URL('./report-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<ReportWorkerMessage>) => {
        const message = event.data;
        if (message.jobId !== jobRef.current) return;
        if (message.kind === 'progress') {
          setState({ kind: 'building', read: message.read, total: message.total });
        } else if (message.kind === 'done') {
          setState({ kind: 'ready', report: message.report, cached: message.cached });
        } else {
          setState({ kind: 'failed', code: message.code, message: message.message });
        }
      };
      worker.onerror = (event) => {
        setState({ kind: 'failed', code: 'failed', message: event.message });
      };
      workerRef.current = worker;
    }
    jobRef.current += 1;
    const job: ReportJob = {
      jobId: jobRef.current,
      dbName: getAppDb().name,
      request: { ...request, now: new Date().toISOString() },
    };
    setState({ kind: 'building', read: 0, total: 0 });
    workerRef.current.postMessage(job);
  }, []);

  return { state, build };
}
