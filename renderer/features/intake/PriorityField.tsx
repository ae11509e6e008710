import { useTranslation } from 'react-i18next';
import { DEFAULT_SLA_POLICY } from '@shared/sla';
import { controlId, errorId, errorText } from './intake-errors';
import type { FieldError, IntakeForm } from './intake-form';
import './priority-field.css';

// Targets come from the policy the SLA engine counts with, so the guide can never disagree with
// the timers; the definitions quote Table 1 of the regulation.
const PRIORITIES = ([1, 2, 3, 4] as const).map((priority) => ({
  priority,
  value: String(priority) as IntakeForm['priority'],
  ...DEFAULT_SLA_POLICY.priorities[priority],
}));
const { start, end } = DEFAULT_SLA_POLICY.businessHours;

interface PriorityFieldProps {
  value: IntakeForm['priority'];
  error: FieldError | undefined;
  onChange: (value: IntakeForm['priority']) => void;
}

/** The priority, chosen against the regulation's own definitions and targets. */
export function PriorityField({ value, error, onChange }: PriorityFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="intake-card intake-priority">
      <legend className="intake-card__title">{t('intake.sections.priority')}</legend>
      <p className="intake-priority__intro">{t('intake.priority.intro')}</p>
      <div className="intake-priority__options">
        {PRIORITIES.map((row) => {
          const name = `intake-priority-${row.priority}-name`;
          const quote = `intake-priority-${row.priority}-quote`;
          const targets = `intake-priority-${row.priority}-targets`;
          return (
            <label
              key={row.priority}
              className={`intake-priority__option${value === row.value ? ' intake-priority__option--checked' : ''}`}
            >
              <input
                type="radio"
                name="priority"
                id={row.priority === 1 ? controlId('priority') : undefined}
                value={row.value}
                checked={value === row.value}
                onChange={() => onChange(row.value)}
                aria-labelledby={name}
                aria-describedby={[targets, quote, error ? errorId('priority') : null]
                  .filter(Boolean)
                  .join(' ')}
                aria-invalid={error ? true : undefined}
              />
              <span className="intake-priority__head">
                <span
                  id={name}
                  className={`intake-priority__name intake-priority__name--p${row.priority}`}
                >
                  {t(`targets.p${row.priority}`)}
                </span>
                <span id={targets} className="intake-priority__targets">
                  <span>
                    {t('intake.priority.reaction')}{' '}
                    <b>{t('targets.hours', { count: row.reactionHours })}</b>
                  </span>
                  <span>
                    {t('intake.priority.resolution')}{' '}
                    <b>{t('targets.hours', { count: row.resolutionHours })}</b>
                  </span>
                </span>
              </span>
              <span id={quote} className="intake-priority__quote">
                <span className="intake-priority__schedule">
                  {row.schedule === '24x7'
                    ? t('intake.priority.allDay')
                    : t('intake.priority.workingDays', { start, end })}
                </span>
                {t(`intake.priority.p${row.priority}`)}
                {(row.priority === 3 || row.priority === 4) && (
                  <span className="intake-priority__footnote">
                    {t(`intake.priority.p${row.priority}Target`)}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p className="intake-field__error" id={errorId('priority')}>
          {errorText(t, i18n.language, 'priority', error)}
        </p>
      )}
    </fieldset>
  );
}
