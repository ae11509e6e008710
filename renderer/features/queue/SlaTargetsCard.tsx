import { DEFAULT_SLA_POLICY, type Priority } from '@shared/sla';
import { useTranslation } from 'react-i18next';

// Table 1 of the support regulation, read from the same policy the SLA engine counts with, so the
// reference card can never disagree with the timers.
const NOTES: Partial<Record<Priority, string>> = { 3: 'targets.p3Note', 4: 'targets.p4Note' };
const TARGETS = ([1, 2, 3, 4] as const).map((priority) => {
  const policy = DEFAULT_SLA_POLICY.priorities[priority];
  return {
    priority,
    reaction: policy.reactionHours,
    resolution: policy.resolutionHours,
    allDay: policy.schedule === '24x7',
    note: NOTES[priority] ?? null,
  };
});

export function SlaTargetsCard() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="sla-targets-title">
      <h2 className="card__title" id="sla-targets-title">
        {t('targets.title')}
      </h2>
      <table className="targets">
        <thead>
          <tr>
            <th scope="col">{t('targets.priority')}</th>
            <th scope="col">{t('targets.reaction')}</th>
            <th scope="col">{t('targets.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {TARGETS.map((row) => (
            <tr key={row.priority}>
              <th scope="row">
                <span className={`priority priority--p${row.priority}`}>
                  {t(`targets.p${row.priority}`)}
                </span>
                <span className="targets__sub targets__sub--indented">
                  {row.allDay ? t('targets.allDay') : t('targets.workHours')}
                </span>
              </th>
              <td>{t('targets.hours', { count: row.reaction })}</td>
              <td>
                {t('targets.hours', { count: row.resolution })}
                {row.note && <span className="targets__sub">{t(row.note)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="card__note">{t('targets.note')}</p>
    </section>
  );
}
