import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { ComplianceReport } from '@shared/reports';
import type { Priority } from '@shared/sla';
import { useDeviceZone } from '../../lib/device-zone';
import { saveBlob } from '../../lib/save-blob';
import { letterFile, reportFile, type ExportFormat } from './export/export-files';
import type { ExportRequest } from './export/export-model';

export interface ExportFilters {
  organizationIds: readonly string[];
  priorities: readonly Priority[];
}

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'saved'; format: ExportFormat; name: string }
  | { kind: 'failed'; format: ExportFormat; message: string };

/** Writes the report (or the letter's draft) in a format and offers it for saving. */
export function useReportExport(
  report: ComplianceReport,
  filters: ExportFilters,
  organizations: readonly Organization[],
  letterOrganization: Organization | null,
) {
  const { i18n } = useTranslation();
  const deviceZone = useDeviceZone();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const run = async (format: ExportFormat) => {
    setState({ kind: 'busy', format });
    const request: ExportRequest = {
      language: i18n.language === 'en' ? 'en' : 'ru',
      organizations,
      organizationIds: filters.organizationIds,
      priorities: filters.priorities,
      builtAt: new Date(),
      deviceZone,
      appVersion: __APP_VERSION__,
    };
    try {
      const file =
        format === 'eml'
          ? letterOrganization && (await letterFile(report, request, letterOrganization))
          : await reportFile(report, request, format);
      if (file === null) throw new Error('the letter needs exactly one organization');
      saveBlob(file.blob, file.name);
      setState({ kind: 'saved', format, name: file.name });
    } catch (error) {
      setState({
        kind: 'failed',
        format,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return { state, run };
}
