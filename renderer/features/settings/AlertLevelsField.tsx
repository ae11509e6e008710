import { useTranslation } from 'react-i18next';
import type { AlertsFormErrors } from './alerts-form';

interface AlertLevelsFieldProps {
  /** Percent texts as typed. */
  levels: readonly string[];
  errors: AlertsFormErrors;
  max: number;
  onChange: (levels: string[]) => void;
  onReset: () => void;
}

/** 1–5 percentages of a deadline, each its own small field with its own error. */
export function AlertLevelsField({
  levels,
  errors,
  max,
  onChange,
  onReset,
}: AlertLevelsFieldProps) {
  const { t } = useTranslation();
  const set = (index: number, text: string) =>
    onChange(levels.map((level, i) => (i === index ? text : level)));
  const problems = levels.flatMap((_, index) => {
    const error = errors.levels[index];
    return error ? [{ index, text: t(`settings.errors.${error.code}`, error.values ?? {}) }] : [];
  });
  return (
    <fieldset className="settings-fieldset" aria-describedby="settings-levels-hint">
      <legend className="settings-field__label">{t('settings.alerts.levels')}</legend>
      <div className="settings-levels">
        {levels.map((level, index) => (
          <span
            key={index}
            className={`settings-level${errors.levels[index] ? ' settings-level--invalid' : ''}`}
          >
            <input
              className="settings-input settings-input--level"
              aria-label={t('settings.alerts.level', { n: index + 1 })}
              aria-invalid={errors.levels[index] ? true : undefined}
              aria-describedby={errors.levels[index] ? `settings-level-${index}-error` : undefined}
              inputMode="numeric"
              value={level}
              onChange={(event) => set(index, event.target.value)}
            />
            <span className="settings-level__unit" aria-hidden="true">
              %
            </span>
            {levels.length > 1 && (
              <button
                type="button"
                className="button button--quiet button--small settings-level__remove"
                aria-label={t('settings.alerts.removeLevel', { n: index + 1 })}
                title={t('settings.alerts.removeLevel', { n: index + 1 })}
                onClick={() => onChange(levels.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {levels.length < max && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange([...levels, ''])}
          >
            {t('settings.alerts.addLevel')}
          </button>
        )}
        <button type="button" className="button button--quiet button--small" onClick={onReset}>
          {t('settings.alerts.resetLevels')}
        </button>
      </div>
      <p className="settings-field__hint" id="settings-levels-hint">
        {t('settings.alerts.levelsHint')}
      </p>
      {problems.map(({ index, text }) => (
        <p key={index} className="settings-field__error" id={`settings-level-${index}-error`}>
          {t('settings.alerts.levelName', { n: index + 1 })}: {text}
        </p>
      ))}
      {errors.levelsCount && (
        <p className="settings-field__error">
          {t(`settings.errors.${errors.levelsCount.code}`, errors.levelsCount.values ?? {})}
        </p>
      )}
    </fieldset>
  );
}
