import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_LEVELS_DEFAULT, MAX_ALERT_LEVELS, type Settings } from '@shared/host/schemas';
import { alertsFormOf, parseAlertsForm, type AlertsFormErrors } from './alerts-form';
import { AlertLevelsField } from './AlertLevelsField';
import { MuteControl } from './MuteControl';
import { QuietHoursFields } from './QuietHoursFields';
import { SettingsSection } from './SettingsSection';
import { useSectionDraft } from './useSectionDraft';

/** Deadline alerts: at which share of a deadline to warn, quiet hours, and an hour's mute. */
export function AlertsSection({
  alerts,
  onDirtyChange,
}: {
  alerts: Settings['alerts'];
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const section = useSectionDraft(alertsFormOf(alerts), onDirtyChange);
  const { draft, setDraft } = section;
  const [errors, setErrors] = useState<AlertsFormErrors>({ levels: [] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAlertsForm(draft, alerts.quietHours);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const count =
        parsed.errors.levels.filter(Boolean).length +
        [parsed.errors.levelsCount, parsed.errors.from, parsed.errors.to].filter(Boolean).length;
      section.setOutcome({ kind: 'failed', text: t('settings.fixErrors', { count }) });
      return;
    }
    setErrors({ levels: [] });
    void section.save(
      { alerts: parsed.patch },
      (snapshot) => alertsFormOf(snapshot.settings.alerts),
      t('settings.saved'),
      (message) => t('settings.notSaved', { message }),
    );
  };
  const discard = () => {
    setErrors({ levels: [] });
    section.discard();
  };

  return (
    <SettingsSection
      id="alerts"
      lead={t('settings.alerts.lead')}
      dirty={section.dirty}
      outcome={section.outcome}
      actions={
        <>
          <button
            type="submit"
            form="settings-alerts-form"
            className="button button--primary"
            disabled={section.saving || !section.dirty}
          >
            {section.saving ? t('settings.saving') : t('settings.save')}
          </button>
          {section.dirty && (
            <button type="button" className="button button--quiet" onClick={discard}>
              {t('settings.cancel')}
            </button>
          )}
        </>
      }
    >
      <form id="settings-alerts-form" className="settings-form" noValidate onSubmit={submit}>
        <label className="settings-check">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })}
          />
          {t('settings.alerts.enabled')}
        </label>
        <AlertLevelsField
          levels={draft.levels}
          errors={errors}
          max={MAX_ALERT_LEVELS}
          onChange={(levels) => setDraft({ ...draft, levels })}
          onReset={() =>
            setDraft({
              ...draft,
              levels: alertsFormOf({ ...alerts, levels: [...ALERT_LEVELS_DEFAULT] }).levels,
            })
          }
        />
        <QuietHoursFields
          quiet={draft.quiet}
          errors={errors}
          onChange={(quiet) => setDraft({ ...draft, quiet })}
        />
        <p className="settings-note settings-note--p1" data-testid="settings-p1-always">
          {t('settings.alerts.p1Always')}
        </p>
      </form>
      <MuteControl />
    </SettingsSection>
  );
}
