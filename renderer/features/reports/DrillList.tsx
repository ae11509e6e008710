import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketLine } from '@shared/reports';
import { hrefOf } from '../../app/route';
import { formatInZone } from '../../lib/format';
import type { DrillSelection } from './drill';

interface DrillListProps {
  selection: DrillSelection;
  lines: Record<string, TicketLine>;
  zoneOf: (organizationId: string) => string | undefined;
  onClose: () => void;
}

export function DrillList({ selection, lines, zoneOf, onClose }: DrillListProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The list opens below the table: bring it (and the keyboard) to it.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [selection]);
  return (
    <section
      className="reports__drill-list"
      aria-label={t('reports.drill.title', { label: selection.label })}
    >
      <div className="reports__drill-head">
        <h2 ref={heading} tabIndex={-1}>
          {t('reports.drill.title', { label: selection.label })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('reports.drill.close')}
        </button>
      </div>
      <table className="reports__table">
        <thead>
          <tr>
            <th scope="col">{t('reports.drill.number')}</th>
            <th scope="col">{t('reports.drill.subject')}</th>
            <th scope="col">{t('reports.columns.priority')}</th>
            <th scope="col">{t('reports.drill.created')}</th>
          </tr>
        </thead>
        <tbody>
          {selection.ticketIds.map((id) => {
            const line = lines[id];
            if (!line) return null;
            return (
              <tr key={id}>
                <td>
                  <a href={hrefOf({ name: 'ticket', ticketId: id })}>
                    {line.number === null ? t('reports.drill.noNumber') : `#${line.number}`}
                  </a>
                </td>
                <td>
                  <a href={hrefOf({ name: 'ticket', ticketId: id })}>{line.title}</a>
                </td>
                <td>{`P${line.priority}`}</td>
                <td>{formatInZone(line.createdAt, zoneOf(line.organizationId), i18n.language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
