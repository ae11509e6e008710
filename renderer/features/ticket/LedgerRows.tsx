import { useTranslation } from 'react-i18next';
import type { LedgerRow } from './explain-view-model';
import { dateLocale, formatCivilDate, formatDate, formatDateTime, formatTime } from './sla-format';
import { formatDuration } from '../../lib/format';

/** The rows of one clock's ledger, in the customer's zone. */
export function LedgerRows({ rows, zone }: { rows: LedgerRow[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dates = dateLocale(locale);
  const day = (iso: string, civil: string | null) =>
    civil ? formatCivilDate(civil, dates) : formatDate(iso, zone, dates);
  const span = (from: string, to: string) =>
    formatDate(from, zone, dates) === formatDate(to, zone, dates)
      ? `${formatTime(from, zone, dates)}–${formatTime(to, zone, dates)}`
      : `${formatDateTime(from, zone, dates)} – ${formatDateTime(to, zone, dates)}`;

  return rows.map((row, index) => {
    if (row.kind === 'marker') {
      return (
        <tr key={`m${index}`} className={`ledger__marker ledger__marker--${row.marker}`}>
          <td colSpan={4}>
            {t(`ticket.explain.markers.${row.marker}`)} · {formatDateTime(row.at, zone, dates)}
          </td>
        </tr>
      );
    }
    if (row.kind === 'skipped') {
      // One band across the day and time columns: what was skipped, when, and for how long.
      const wholeDays = row.days !== null && row.fromDate !== null && row.toDate !== null;
      const when = wholeDays
        ? row.fromDate === row.toDate
          ? formatCivilDate(row.fromDate!, dates)
          : `${formatCivilDate(row.fromDate!, dates)} – ${formatCivilDate(row.toDate!, dates)}`
        : row.reason === 'short_day'
          ? `${day(row.from, row.fromDate)}, ${span(row.from, row.to)}`
          : span(row.from, row.to);
      const what =
        row.reason === 'paused' && row.pauseReason
          ? `${t('ticket.explain.skip.paused')}: ${t(`ticket.pauseReasons.${row.pauseReason}`)}`
          : t(`ticket.explain.skip.${row.reason}`);
      const extent = wholeDays
        ? t('ticket.explain.days', { count: row.days })
        : row.ongoing
          ? t('ticket.explain.ongoing')
          : null;
      return (
        <tr
          key={`s${index}`}
          className={`ledger__skipped ledger__skipped--${row.reason}`}
          data-testid="ledger-skipped"
        >
          <td colSpan={2}>
            <span className="ledger__what">{what}</span>
            {' · '}
            {when}
            {extent && ` · ${extent}`}
            {row.note && <span className="ledger__note">{row.note}</span>}
          </td>
          <td className="ledger__num ledger__muted" colSpan={2}>
            {t('ticket.explain.notCounted')}
          </td>
        </tr>
      );
    }
    // Ordinary days need no tag; short days and working weekends do.
    const kind =
      row.dayKind === 'short_day' || row.dayKind === 'working_weekend'
        ? t(`ticket.explain.dayKinds.${row.dayKind}`)
        : null;
    const tags = [
      kind,
      row.projected && t('ticket.explain.projected'),
      row.overTarget && t('ticket.explain.overTarget'),
    ].filter((tag): tag is string => typeof tag === 'string' && tag !== '');
    const classes = [
      'ledger__counted',
      row.projected && 'ledger__counted--projected',
      row.overTarget && 'ledger__counted--over',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <tr key={`c${index}`} className={classes}>
        <td>{day(row.from, row.localDate)}</td>
        <td>
          {span(row.from, row.to)}
          {tags.map((tag) => (
            <span key={tag} className="ledger__tag">
              {tag}
            </span>
          ))}
        </td>
        <td className="ledger__num">{formatDuration(row.ms, locale)}</td>
        <td className="ledger__num">{formatDuration(row.totalMs, locale)}</td>
      </tr>
    );
  });
}
