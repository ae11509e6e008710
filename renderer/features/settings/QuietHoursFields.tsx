import { useTranslation } from 'react-i18next';
import type { AlertsFormErrors, AlertsFormInput } from './alerts-form';
import { SettingsField } from './SettingsField';

interface QuietHoursFieldsProps {
  quiet: AlertsFormInput['quiet'];
  errors: AlertsFormErrors;
  onChange: (quiet: AlertsFormInput['quiet']) => void;
}

/** A daily window (it may cross midnight) and, optionally, the days off of the RU calendar. */
export function QuietHoursFields({ quiet, errors, onChange }: QuietHoursFieldsProps) {
  const { t } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const errorText = (error: AlertsFormErrors['from']) =>
    error && t(`settings.errors.${error.code}`, error.values ?? {});
  return (
    <fieldset className="settings-fieldset">
      <legend className="settings-field__label">{t('settings.alerts.quiet')}</legend>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={quiet.enabled}
          onChange={(event) => onChange({ ...quiet, enabled: event.target.checked })}
        />
        {t('settings.alerts.quietEnabled')}
      </label>
      <div className="settings-quiet">
        <SettingsField
          id="settings-quiet-from"
          label={t('settings.alerts.from')}
          error={errorText(errors.from)}
          className="settings-field--inline"
        >
          {(control) => (
            <input
              {...control}
              className="settings-input settings-input--time"
              inputMode="numeric"
              placeholder="20:00"
              disabled={!quiet.enabled}
              value={quiet.from}
              onChange={(event) => onChange({ ...quiet, from: event.target.value })}
            />
          )}
        </SettingsField>
        <SettingsField
          id="settings-quiet-to"
          label={t('settings.alerts.to')}
          error={errorText(errors.to)}
          className="settings-field--inline"
        >
          {(control) => (
            <input
              {...control}
              className="settings-input settings-input--time"
              inputMode="numeric"
              placeholder="08:00"
              disabled={!quiet.enabled}
              value={quiet.to}
              onChange={(event) => onChange({ ...quiet, to: event.target.value })}
            />
          )}
        </SettingsField>
      </div>
      <label className="settings-check">
        <input
          type="checkbox"
          disabled={!quiet.enabled}
          checked={quiet.nonWorkingDays}
          onChange={(event) => onChange({ ...quiet, nonWorkingDays: event.target.checked })}
        />
        {t('settings.alerts.quietDays')}
      </label>
      <p className="settings-field__hint">{t('settings.alerts.quietZone', { zone })}</p>
    </fieldset>
  );
}
