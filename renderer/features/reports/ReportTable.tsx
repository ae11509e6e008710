import { useTranslation } from 'react-i18next';
import type { DurationStat, ReportCell } from '@shared/reports';
import type { DrillSelection } from './drill';
import { DrillNumber } from './DrillNumber';
import { hoursText, percentText } from './report-format';

interface ReportTableProps {
  cells: ReportCell[];
  organizationName: (id: string) => string;
  onDrill: (selection: DrillSelection) => void;
}

type CountKey =
  | 'tickets'
  | 'reactionMet'
  | 'reactionBreached'
  | 'resolutionMet'
  | 'resolutionBreached'
  | 'extensions'
  | 'fixDateAnswers'
  | 'openAtEnd';

const COUNTS: Array<[CountKey, string]> = [
  ['tickets', 'tickets'],
  ['reactionMet', 'reactionMet'],
  ['reactionBreached', 'reactionBreached'],
  ['resolutionMet', 'resolutionMet'],
  ['resolutionBreached', 'resolutionBreached'],
];

export function ReportTable({ cells, organizationName, onDrill }: ReportTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const stat = (cellLabel: string, column: string, value: DurationStat | null) =>
    value === null ? (
      t('reports.none')
    ) : (
      <DrillNumber
        label={`${cellLabel} · ${column}`}
        ticketIds={[value.ticketId]}
        onDrill={onDrill}
      >
        {t('reports.hours', { value: hoursText(value.ms, locale) })}
      </DrillNumber>
    );
  return (
    <div className="reports__table-wrap">
      <table className="reports__table reports__table--main">
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.organization')}</th>
            <th scope="col">{t('reports.columns.priority')}</th>
            {COUNTS.map(([key, column]) => (
              <th scope="col" key={key}>
                {t(`reports.columns.${column}`)}
              </th>
            ))}
            <th scope="col">{t('reports.columns.shareMet')}</th>
            <th scope="col">{t('reports.columns.reactionTimes')}</th>
            <th scope="col">{t('reports.columns.resolutionTimes')}</th>
            <th scope="col">{t('reports.columns.paused')}</th>
            <th scope="col">{t('reports.columns.extensions')}</th>
            <th scope="col">{t('reports.columns.fixDates')}</th>
            <th scope="col">{t('reports.columns.openAtEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => {
            const name = organizationName(cell.organizationId);
            const cellLabel = `${name} · P${cell.priority}`;
            const count = (key: CountKey, column: string) => (
              <DrillNumber
                label={`${cellLabel} · ${t(`reports.columns.${column}`)}`}
                ticketIds={cell[key].ticketIds}
                onDrill={onDrill}
              >
                {cell[key].count}
              </DrillNumber>
            );
            const pausedMs = cell.paused.reduce((sum, p) => sum + p.ms, 0);
            const pausedIds = [...new Set(cell.paused.flatMap((p) => p.ticketIds))];
            return (
              <tr key={`${cell.organizationId}|${cell.priority}`}>
                <th scope="row">{name}</th>
                <td>{`P${cell.priority}`}</td>
                {COUNTS.map(([key, column]) => (
                  <td key={key}>{count(key, column)}</td>
                ))}
                <td>
                  {`${percentText(cell.reactionShareMet, locale)} / ${percentText(cell.resolutionShareMet, locale)}`}
                </td>
                <td>
                  {stat(cellLabel, t('reports.columns.reactionTimes'), cell.reactionMedian)}
                  {' / '}
                  {stat(cellLabel, t('reports.columns.reactionTimes'), cell.reactionP90)}
                </td>
                <td>
                  {stat(cellLabel, t('reports.columns.resolutionTimes'), cell.resolutionMedian)}
                  {' / '}
                  {stat(cellLabel, t('reports.columns.resolutionTimes'), cell.resolutionP90)}
                </td>
                <td>
                  <DrillNumber
                    label={`${cellLabel} · ${t('reports.columns.paused')}`}
                    ticketIds={pausedIds}
                    onDrill={onDrill}
                  >
                    {t('reports.hours', { value: hoursText(pausedMs, locale) })}
                  </DrillNumber>
                </td>
                <td>{count('extensions', 'extensions')}</td>
                <td>{count('fixDateAnswers', 'fixDates')}</td>
                <td>{count('openAtEnd', 'openAtEnd')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
