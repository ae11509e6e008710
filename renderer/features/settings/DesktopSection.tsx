import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { getHostKind } from '../../lib/host';
import { SettingsSection } from './SettingsSection';
import { useSectionDraft } from './useSectionDraft';

type Tray = Settings['tray'];
const OPTIONS = ['launchAtLogin', 'startHidden', 'closeToTray'] as const;

/** Start with the system, stay in the tray at such a start, close to the tray or quit. */
export function DesktopSection({
  tray,
  onDirtyChange,
}: {
  tray: Tray;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const section = useSectionDraft<Tray>(tray, onDirtyChange);
  const { draft, setDraft } = section;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void section.save(
      { tray: draft },
      (snapshot) => snapshot.settings.tray,
      t('settings.saved'),
      (message) => t('settings.notSaved', { message }),
    );
  };
  return (
    <SettingsSection
      id="desktop"
      lead={t('settings.desktop.lead')}
      dirty={section.dirty}
      outcome={section.outcome}
      actions={
        <>
          <button
            type="submit"
            form="settings-desktop-form"
            className="button button--primary"
            disabled={section.saving || !section.dirty}
          >
            {section.saving ? t('settings.saving') : t('settings.save')}
          </button>
          {section.dirty && (
            <button type="button" className="button button--quiet" onClick={section.discard}>
              {t('settings.cancel')}
            </button>
          )}
        </>
      }
    >
      <form id="settings-desktop-form" className="settings-form" noValidate onSubmit={submit}>
        {OPTIONS.map((option) => (
          <div key={option} className="settings-option">
            <label className="settings-check">
              <input
                type="checkbox"
                aria-describedby={`settings-${option}-hint`}
                checked={draft[option]}
                disabled={option === 'startHidden' && !draft.launchAtLogin}
                onChange={(event) => setDraft({ ...draft, [option]: event.target.checked })}
              />
              {t(`settings.desktop.${option}`)}
            </label>
            <p className="settings-field__hint" id={`settings-${option}-hint`}>
              {t(`settings.desktop.${option}Hint`)}
            </p>
          </div>
        ))}
        {getHostKind() === 'browser' && (
          <p className="settings-note">{t('settings.desktop.browserNote')}</p>
        )}
      </form>
    </SettingsSection>
  );
}
