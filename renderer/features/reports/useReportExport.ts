import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { ComplianceReport } from '@shared/reports';
import type { Priority } from '@shared/sla';
import { useDeviceZone } from '../../lib/device-zone';
import { saveBlob } from '../../lib/save-blob';
import type { ExportFormat } from './export/export-files';
import type { ExportRequest } from './export/export-model';
import type { ExportJob, ExportWorkerMessage } from './export/export-protocol';

export interface ExportFilters {
  organizationIds: readonly string[];
  priorities: readonly Priority[];
}

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'saved'; format: ExportFormat; name: string }
  | { kind: 'failed'; format: ExportFormat; message: string };

/** Writes the report (or the letter's draft) in a worker and offers the file for saving. */
export function useReportExport(
  report: ComplianceReport,
  filters: ExportFilters,
  organizations: readonly Organization[],
  letterOrganization: Organization | null,
) {
  const { i18n } = useTranslation();
  const deviceZone = useDeviceZone();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  const workerFor = (format: ExportFormat): Worker => {
    if (workerRef.current !== null) return workerRef.current;
    const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ExportWorkerMessage>) => {
      const message = event.data;
      if (message.jobId !== jobRef.current) return;
      if (message.kind === 'done') {
        saveBlob(message.blob, message.name);
        setState((now) =>
          now.kind === 'busy' ? { kind: 'saved', format: now.format, name: message.name } : now,
        );
      } else if (message.kind === 'failed') {
        setState((now) => ({
          kind: 'failed',
          format: now.kind === 'idle' ? format : now.format,
          message: message.message,
        }));
      }
    };
    worker.onerror = (event) => {
      setState((now) => ({
        kind: 'failed',
        format: now.kind === 'idle' ? format : now.format,
        message: event.message,
      }));
    };
    workerRef.current = worker;
    return worker;
  };

  const run = (format: ExportFormat) => {
    const request: ExportRequest = {
      language: i18n.language === 'en' ? 'en' : 'ru',
      organizations: organizations.map(({ id, name, timeZone }) => ({ id, name, timeZone })),
      organizationIds: filters.organizationIds,
      priorities: filters.priorities,
      builtAt: new Date(),
      deviceZone,
      appVersion: __APP_VERSION__,
    };
    jobRef.current += 1;
    const base = { jobId: jobRef.current, report, request };
    let job: ExportJob;
    if (format !== 'eml') job = { ...base, format };
    else if (letterOrganization) {
      const { id, name, timeZone, contactEmails } = letterOrganization;
      job = { ...base, format, organization: { id, name, timeZone, contactEmails } };
    } else return;
    setState({ kind: 'busy', format });
    workerFor(format).postMessage(job);
  };

  return { state, run };
}
