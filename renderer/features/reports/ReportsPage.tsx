import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodErrorCode } from '@shared/reports';
import type { Priority } from '@shared/sla';
import { useOrganizations } from '../intake/useOrganizations';
import type { DrillSelection } from './drill';
import { DrillList } from './DrillList';
import { lastMonthForm, periodOfForm, type PeriodForm } from './period-form';
import { PeriodPicker } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { ReportExport } from './ReportExport';
import { ReportFilters } from './ReportFilters';
import { ReportTable } from './ReportTable';
import { useComplianceReport } from './useComplianceReport';
import type { ExportFilters } from './useReportExport';
import './reports.css';

export function ReportsPage() {
  const { t } = useTranslation();
  const organizations = useOrganizations() ?? [];
  const [form, setForm] = useState<PeriodForm>(() => lastMonthForm(new Date()));
  const [periodError, setPeriodError] = useState<PeriodErrorCode | null>(null);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const [drill, setDrill] = useState<DrillSelection | null>(null);
  // The filters the shown report was built with: the form may have changed since.
  const [builtFilters, setBuiltFilters] = useState<ExportFilters>({
    organizationIds: [],
    priorities: [],
  });
  const { state, build } = useComplianceReport();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = periodOfForm(form);
    if (!checked.ok) {
      setPeriodError(checked.code);
      return;
    }
    setPeriodError(null);
    setDrill(null);
    setBuiltFilters({ organizationIds, priorities });
    build({ period: checked.period, organizationIds, priorities });
  };
  const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;
  const zoneOf = (id: string) => organizations.find((o) => o.id === id)?.timeZone;

  return (
    <div className="reports">
      <div className="reports__intro">
        <h1 className="reports__title">{t('reports.title')}</h1>
        <p className="reports__lead">{t('reports.lead')}</p>
      </div>
      <form className="reports__form" onSubmit={submit} noValidate>
        <PeriodPicker form={form} error={periodError} onChange={setForm} />
        <ReportFilters
          organizations={organizations}
          organizationIds={organizationIds}
          priorities={priorities}
          onOrganizations={setOrganizationIds}
          onPriorities={setPriorities}
        />
        <div className="reports__submit">
          <button
            type="submit"
            className="button button--primary"
            disabled={state.kind === 'building'}
          >
            {t('reports.build')}
          </button>
          {state.kind === 'building' && (
            <progress
              max={Math.max(1, state.total)}
              value={state.read}
              aria-label={t('reports.building', { read: state.read, total: state.total })}
            />
          )}
          {state.kind === 'building' && (
            <span role="status">
              {t('reports.building', { read: state.read, total: state.total })}
            </span>
          )}
          {state.kind === 'ready' && state.cached && (
            <span role="status">{t('reports.cached')}</span>
          )}
        </div>
      </form>
      {state.kind === 'failed' && (
        <p className="reports__error" role="alert">
          {t('reports.periodErrors.failed', { message: state.message })}
        </p>
      )}
      {state.kind === 'ready' && periodError === null && (
        <section
          className="reports__result"
          aria-label={`${state.report.from} – ${state.report.to}`}
        >
          {state.report.unevaluable.length > 0 && (
            <p className="reports__error" role="alert">
              {t('reports.unevaluable', {
                count: state.report.unevaluable.length,
                ids: state.report.unevaluable.map((u) => u.ticketId).join(', '),
              })}
            </p>
          )}
          <ReportExport
            report={state.report}
            filters={builtFilters}
            organizations={organizations}
          />
          {state.report.cells.length === 0 ? (
            <p>{t('reports.empty')}</p>
          ) : (
            <>
              <ReportTable
                cells={state.report.cells}
                organizationName={nameOf}
                onDrill={setDrill}
              />
              {drill && (
                <DrillList
                  selection={drill}
                  lines={state.report.lines}
                  zoneOf={zoneOf}
                  onClose={() => setDrill(null)}
                />
              )}
              <ReportCharts report={state.report} onDrill={setDrill} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
