import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { ComplianceReport } from '@shared/reports';
import type { ExportFormat } from './export/export-files';
import { letterOrganizationOf, monthlyLetter } from './export/monthly-letter';
import { useReportExport, type ExportFilters } from './useReportExport';

interface ReportExportProps {
  report: ComplianceReport;
  filters: ExportFilters;
  organizations: readonly Organization[];
}

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'pdf'];

export function ReportExport({ report, filters, organizations }: ReportExportProps) {
  const { t } = useTranslation();
  const organization = letterOrganizationOf(filters.organizationIds, organizations);
  const { state, run } = useReportExport(report, filters, organizations, organization);
  const busy = state.kind === 'busy';
  const letter = organization ? monthlyLetter(report, organization) : null;
  const button = (format: ExportFormat, label: string) => (
    <button
      type="button"
      className="button"
      disabled={busy}
      aria-busy={busy && state.format === format}
      onClick={() => run(format)}
    >
      {label}
    </button>
  );

  return (
    <section className="reports__export" aria-label={t('reports.export.title')}>
      <div className="reports__export-row">
        <span className="reports__export-title">{t('reports.export.title')}</span>
        {FORMATS.map((format) => (
          <span key={format}>{button(format, t(`reports.export.${format}`))}</span>
        ))}
        <span role="status" className="reports__export-status">
          {state.kind === 'busy' &&
            t('reports.export.busy', { format: state.format.toUpperCase() })}
          {state.kind === 'saved' && t('reports.export.saved', { name: state.name })}
        </span>
      </div>
      {state.kind === 'failed' && (
        <p className="reports__error" role="alert">
          {t('reports.export.failed', {
            format: state.format.toUpperCase(),
            message: state.message,
          })}
        </p>
      )}
      {organization && letter && (
        <div className="reports__letter">
          <span className="reports__export-title">{t('reports.export.letter')}</span>
          <a className="button" href={letter.href}>
            {t('reports.export.mailto')}
          </a>
          {button('eml', t('reports.export.eml'))}
          <p className="reports__letter-hint">
            {organization.contactEmails.length === 0
              ? t('reports.export.noContacts', { name: organization.name })
              : t('reports.export.to', { to: letter.to })}{' '}
            {t('reports.export.letterHint')}
          </p>
        </div>
      )}
    </section>
  );
}
