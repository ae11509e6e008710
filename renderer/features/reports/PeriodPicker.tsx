import { useTranslation } from 'react-i18next';
import { MAX_CUSTOM_PERIOD_DAYS, type PeriodErrorCode } from '@shared/reports';
import type { PeriodForm } from './period-form';

interface PeriodPickerProps {
  form: PeriodForm;
  error: PeriodErrorCode | null;
  onChange: (form: PeriodForm) => void;
}

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

export function PeriodPicker({ form, error, onChange }: PeriodPickerProps) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<PeriodForm>) => onChange({ ...form, ...patch });
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long' }).format(new Date(2027, month - 1, 15));
  const errorId = 'report-period-error';
  const invalid = (field: 'year' | 'from' | 'to') =>
    (error === 'invalid_year' && field === 'year') ||
    (error === 'invalid_from' && field === 'from') ||
    ((error === 'invalid_to' || error === 'to_not_after_from' || error === 'period_too_long') &&
      field === 'to');
  const described = (field: 'year' | 'from' | 'to') =>
    invalid(field) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <fieldset className="reports__period">
      <legend>{t('reports.period')}</legend>
      <div className="reports__kinds" role="radiogroup">
        {(['month', 'quarter', 'custom'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="report-period-kind"
              checked={form.kind === kind}
              onChange={() => set({ kind })}
            />
            {t(`reports.kinds.${kind}`)}
          </label>
        ))}
      </div>
      {form.kind === 'custom' ? (
        <div className="reports__fields">
          <label>
            {t('reports.from')}
            <input
              type="text"
              inputMode="numeric"
              placeholder="01.01.2027"
              value={form.from}
              onChange={(e) => set({ from: e.target.value })}
              {...described('from')}
            />
          </label>
          <label>
            {t('reports.to')}
            <input
              type="text"
              inputMode="numeric"
              placeholder="01.02.2027"
              value={form.to}
              onChange={(e) => set({ to: e.target.value })}
              {...described('to')}
            />
          </label>
        </div>
      ) : (
        <div className="reports__fields">
          <label>
            {t('reports.year')}
            <input
              type="text"
              inputMode="numeric"
              size={6}
              value={form.year}
              onChange={(e) => set({ year: e.target.value })}
              {...described('year')}
            />
          </label>
          {form.kind === 'month' ? (
            <label>
              {t('reports.month')}
              <select value={form.month} onChange={(e) => set({ month: e.target.value })}>
                {MONTHS.map((month) => (
                  <option key={month} value={String(month)}>
                    {monthName(month)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('reports.quarter')}
              <select value={form.quarter} onChange={(e) => set({ quarter: e.target.value })}>
                {[1, 2, 3, 4].map((quarter) => (
                  <option key={quarter} value={String(quarter)}>
                    {`Q${quarter}`}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {error && (
        <p id={errorId} className="reports__error" role="alert">
          {t(`reports.periodErrors.${error}`, { max: MAX_CUSTOM_PERIOD_DAYS })}
        </p>
      )}
    </fieldset>
  );
}
