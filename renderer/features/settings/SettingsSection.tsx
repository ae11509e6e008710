import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SettingsSectionId = 'erp' | 'alerts' | 'desktop' | 'language' | 'storage';

/** Where a save ended: nothing yet, saved, or what went wrong, in words. */
export type SaveOutcome =
  { kind: 'idle' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string };

interface SettingsSectionProps {
  id: SettingsSectionId;
  lead?: ReactNode;
  dirty?: boolean;
  outcome?: SaveOutcome;
  /** Save and discard buttons; sections that apply at once have none. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One card of the Settings page, with its own save: what is saved together is shown together. */
export function SettingsSection({
  id,
  lead,
  dirty = false,
  outcome = { kind: 'idle' },
  actions,
  children,
}: SettingsSectionProps) {
  const { t } = useTranslation();
  return (
    <section
      className="settings-section"
      id={`settings-${id}`}
      aria-labelledby={`settings-${id}-title`}
      data-testid={`settings-${id}`}
    >
      <header className="settings-section__header">
        <h2 className="settings-section__title" id={`settings-${id}-title`}>
          {t(`settings.sections.${id}`)}
        </h2>
        {dirty && <span className="settings-section__dirty">{t('settings.unsavedMark')}</span>}
      </header>
      {lead && <p className="settings-section__lead">{lead}</p>}
      {children}
      {(actions ?? outcome.kind !== 'idle') && (
        <footer className="settings-section__footer">
          {actions}
          {outcome.kind !== 'idle' && (
            <p
              className={`settings-outcome settings-outcome--${outcome.kind}`}
              role={outcome.kind === 'failed' ? 'alert' : 'status'}
              data-testid={`settings-${id}-outcome`}
            >
              {outcome.text}
            </p>
          )}
        </footer>
      )}
    </section>
  );
}
