import { useTranslation } from 'react-i18next';
import type { ComplianceReport } from '@shared/reports';
import { BarChart } from './BarChart';
import type { DrillSelection } from './drill';
import { hoursText } from './report-format';

interface ReportChartsProps {
  report: ComplianceReport;
  onDrill: (selection: DrillSelection) => void;
}

export function ReportCharts({ report, onDrill }: ReportChartsProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const metBreached = [
    { name: t('reports.charts.met'), className: 'reports__bar--met' },
    { name: t('reports.charts.breached'), className: 'reports__bar--breached' },
  ];
  return (
    <div className="reports__charts">
      <BarChart
        title={t('reports.charts.weeks')}
        categoryHeader={t('reports.charts.week')}
        series={metBreached}
        rows={report.weeks.map((week) => ({
          label: week.weekStart,
          values: [
            { value: week.resolutionMet.count, ticketIds: week.resolutionMet.ticketIds },
            { value: week.resolutionBreached.count, ticketIds: week.resolutionBreached.ticketIds },
          ],
        }))}
        onDrill={onDrill}
      />
      <BarChart
        title={t('reports.charts.distribution')}
        categoryHeader={t('reports.charts.bucket')}
        series={[{ name: t('reports.charts.count'), className: 'reports__bar--count' }]}
        rows={report.resolutionDistribution.map((bucket) => ({
          label:
            bucket.toPercent === null
              ? `> ${bucket.fromPercent} %`
              : `${bucket.fromPercent}–${bucket.toPercent} %`,
          values: [{ value: bucket.tickets.count, ticketIds: bucket.tickets.ticketIds }],
        }))}
        onDrill={onDrill}
      />
      <BarChart
        title={t('reports.charts.pauses')}
        categoryHeader={t('reports.charts.reason')}
        series={[{ name: t('reports.charts.duration'), className: 'reports__bar--pause' }]}
        labelWidth={420}
        rows={report.paused.map((pause) => ({
          label: t(`ticket.pauseReasons.${pause.reason}`),
          values: [
            {
              value: pause.ms,
              ticketIds: pause.ticketIds,
              text: t('reports.hours', { value: hoursText(pause.ms, locale) }),
            },
          ],
        }))}
        onDrill={onDrill}
      />
    </div>
  );
}
