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
        <QuietTimeField
          bound="from"
          placeholder="20:00"
          quiet={quiet}
          error={errorText(errors.from)}
          onChange={onChange}
        />
        <QuietTimeField
          bound="to"
          placeholder="08:00"
          quiet={quiet}
          error={errorText(errors.to)}
          onChange={onChange}
        />
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

interface QuietTimeFieldProps {
  bound: 'from' | 'to';
  placeholder: string;
  quiet: AlertsFormInput['quiet'];
  error: string | undefined;
  onChange: (quiet: AlertsFormInput['quiet']) => void;
}

function QuietTimeField({ bound, placeholder, quiet, error, onChange }: QuietTimeFieldProps) {
  const { t } = useTranslation();
  return (
    <SettingsField
      id={`settings-quiet-${bound}`}
      label={t(`settings.alerts.${bound}`)}
      error={error}
      className="settings-field--inline"
    >
      {(control) => (
        <input
          {...control}
          className="settings-input settings-input--time"
          inputMode="numeric"
          placeholder={placeholder}
          disabled={!quiet.enabled}
          value={quiet[bound]}
          onChange={(event) => onChange({ ...quiet, [bound]: event.target.value })}
        />
      )}
    </SettingsField>
  );
}
