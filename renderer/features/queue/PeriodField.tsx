import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, type PeriodProblem, type ResolutionPeriod } from './resolution-period';

interface PeriodFieldProps {
  period: ResolutionPeriod;
  /** What is wrong with the dates typed; the list is not narrowed by them meanwhile. */
  problem: PeriodProblem | null;
  onChange: (period: ResolutionPeriod) => void;
}

const valueOf = (period: ResolutionPeriod): string =>
  period.kind === 'last' ? String(period.days) : period.kind;

/** When the listed tickets were resolved: all time, the last N days, or dates of the engineer's own. */
export function PeriodField({ period, problem, onChange }: PeriodFieldProps) {
  const { t } = useTranslation();
  const problemId = useId();
  const choose = (value: string) => {
    if (value === 'all') onChange({ kind: 'all' });
    else if (value === 'range') onChange({ kind: 'range', from: '', to: '' });
    else {
      const days = PERIOD_PRESETS.find((preset) => String(preset) === value);
      if (days !== undefined) onChange({ kind: 'last', days });
    }
  };
  return (
    <div className="queue-period" data-testid="queue-period">
      <select
        className="select"
        aria-label={t('queue.period.label')}
        value={valueOf(period)}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="all">{t('queue.period.all')}</option>
        {PERIOD_PRESETS.map((days) => (
          <option key={days} value={String(days)}>
            {t('queue.period.last', { count: days })}
          </option>
        ))}
        <option value="range">{t('queue.period.range')}</option>
      </select>
      {period.kind === 'range' && (
        <>
          <label className="queue-period__date">
            <span aria-hidden="true">{t('queue.period.from')}</span>
            <input
              type="date"
              aria-label={t('queue.period.fromLabel')}
              value={period.from}
              aria-invalid={problem === 'invalidFrom' || problem === 'fromAfterTo'}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => onChange({ ...period, from: event.target.value })}
            />
          </label>
          <label className="queue-period__date">
            <span aria-hidden="true">{t('queue.period.to')}</span>
            <input
              type="date"
              aria-label={t('queue.period.toLabel')}
              value={period.to}
              aria-invalid={problem === 'invalidTo' || problem === 'fromAfterTo'}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => onChange({ ...period, to: event.target.value })}
            />
          </label>
        </>
      )}
      {problem && (
        <span className="queue-period__problem" id={problemId} role="alert">
          {t(`queue.period.problems.${problem}`)}
        </span>
      )}
    </div>
  );
}
