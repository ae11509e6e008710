import { useTranslation } from 'react-i18next';
import type { DrillSelection } from './drill';
import { DrillNumber } from './DrillNumber';

export interface ChartSeries {
  name: string;
  /** A class from reports.css: colours live in the stylesheet (CSP allows no inline style). */
  className: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, with the tickets behind it. */
  values: Array<{ value: number; ticketIds: readonly string[]; text?: string }>;
}

interface BarChartProps {
  title: string;
  categoryHeader: string;
  series: ChartSeries[];
  rows: ChartRow[];
  onDrill: (selection: DrillSelection) => void;
  /** Room for the category names, in SVG units. */
  labelWidth?: number;
}

const ROW_HEIGHT = 22;
const PLOT_WIDTH = 420;

/**
 * Horizontal stacked bars in plain SVG, with the same numbers as a table behind it: the table
 * is what a screen reader reads and where each number opens its tickets.
 */
export function BarChart({
  title,
  categoryHeader,
  series,
  rows,
  onDrill,
  labelWidth: LABEL_WIDTH = 150,
}: BarChartProps) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((row) => row.values.reduce((sum, v) => sum + v.value, 0)));
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="reports__chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        width={LABEL_WIDTH + PLOT_WIDTH + 60}
        height={height}
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 60} ${height}`}
      >
        {rows.map((row, rowIndex) => {
          let x = LABEL_WIDTH;
          const y = rowIndex * ROW_HEIGHT + 4;
          const total = row.values.reduce((sum, v) => sum + v.value, 0);
          return (
            <g key={row.label}>
              <text
                x={LABEL_WIDTH - 6}
                y={y + 14}
                textAnchor="end"
                className="reports__chart-label"
              >
                {row.label}
              </text>
              {row.values.map((value, index) => {
                const width = (value.value / max) * PLOT_WIDTH;
                const rect = (
                  <rect
                    key={series[index]?.name ?? index}
                    x={x}
                    y={y}
                    width={width}
                    height={ROW_HEIGHT - 6}
                    className={series[index]?.className}
                  />
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + 14} className="reports__chart-label">
                {row.values.length === 1 ? (row.values[0]?.text ?? total) : total}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="reports__legend">
        {series.map((s) => (
          <li key={s.name}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" className={s.className} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('reports.charts.showTable')}</summary>
        <table className="reports__table">
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <td key={series[index]?.name ?? index}>
                    <DrillNumber
                      label={`${title} · ${row.label} · ${series[index]?.name ?? ''}`}
                      ticketIds={value.ticketIds}
                      onDrill={onDrill}
                    >
                      {value.text ?? value.value}
                    </DrillNumber>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
