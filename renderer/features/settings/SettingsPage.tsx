import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/route';
import { AlertsSection } from './AlertsSection';
import { DesktopSection } from './DesktopSection';
import { ErpSection } from './ErpSection';
import { LanguageSection } from './LanguageSection';
import { StorageSection } from './StorageSection';
import type { SettingsSectionId } from './SettingsSection';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';
import { useSettingsSnapshot } from './settings-source';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';
import './settings.css';

const SECTIONS: readonly SettingsSectionId[] = ['erp', 'alerts', 'desktop', 'language', 'storage'];
type DirtyBySection = Record<SettingsSectionId, boolean>;

/**
 * «Настройки»: the ERP connection, deadline alerts, startup and window, language, the
 * attachments' storage. Each section
 * saves on its own; edits not yet saved are marked, and leaving the page with them is asked
 * about first.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const snapshot = useSettingsSnapshot();
  const [dirty, setDirty] = useState<DirtyBySection>({
    erp: false,
    alerts: false,
    desktop: false,
    language: false,
    storage: false,
  });
  // Stable per section, so a section's effect reports only real changes.
  const onDirtyChange = useMemo(() => {
    const make = (id: SettingsSectionId) => (value: boolean) =>
      setDirty((previous) => (previous[id] === value ? previous : { ...previous, [id]: value }));
    return { erp: make('erp'), alerts: make('alerts'), desktop: make('desktop') };
  }, []);
  const dirtySections = SECTIONS.filter((id) => dirty[id]);
  const guard = useUnsavedChangesGuard(dirtySections.length > 0);

  if (snapshot === null) {
    return <p className="settings__unavailable">{t('settings.notSaved', { message: '—' })}</p>;
  }
  const { settings } = snapshot;
  return (
    <div className="settings">
      <div className="settings__bar">
        {settings.erp.mode !== 'unset' && (
          <a className="button button--quiet settings__back" href={hrefOf({ name: 'queue' })}>
            <span aria-hidden="true">←</span> {t('settings.back')}
          </a>
        )}
        <h1 className="settings__title">{t('settings.title')}</h1>
        <p className="settings__lead">{t('settings.lead')}</p>
      </div>
      <div className="settings__layout">
        <nav className="settings__nav" aria-label={t('settings.title')}>
          {SECTIONS.map((id) => (
            <button
              key={id}
              type="button"
              className="settings__nav-item"
              onClick={() => document.getElementById(`settings-${id}`)?.scrollIntoView()}
            >
              {t(`settings.sections.${id}`)}
              {dirty[id] && <span className="settings__nav-dirty" aria-hidden="true" />}
            </button>
          ))}
        </nav>
        <div className="settings__sections">
          <ErpSection erp={settings.erp} onDirtyChange={onDirtyChange.erp} />
          <AlertsSection alerts={settings.alerts} onDirtyChange={onDirtyChange.alerts} />
          <DesktopSection tray={settings.tray} onDirtyChange={onDirtyChange.desktop} />
          <LanguageSection />
          <StorageSection />
        </div>
      </div>
      {guard.pendingHash !== null && (
        <UnsavedChangesDialog
          sections={dirtySections.map((id) => t(`settings.sections.${id}`))}
          onStay={guard.stay}
          onLeave={guard.leave}
        />
      )}
    </div>
  );
}
