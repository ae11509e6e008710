import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before a page with unsaved edits is left; the safe answer (stay) has the focus. */
export function UnsavedChangesDialog({
  sections,
  onStay,
  onLeave,
}: {
  /** Names of the sections with edits, already in words. */
  sections: string[];
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t, i18n } = useTranslation();
  const quoted = sections.map((name) => (i18n.language === 'ru' ? `«${name}»` : `“${name}”`));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(quoted);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => stayRef.current?.focus(), []);
  return (
    <div className="settings-dialog__backdrop">
      <div
        className="settings-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="settings-unsaved-title"
        aria-describedby="settings-unsaved-body"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onStay();
        }}
      >
        <h2 className="settings-dialog__title" id="settings-unsaved-title">
          {t('settings.unsaved.title')}
        </h2>
        <p id="settings-unsaved-body">{t('settings.unsaved.body', { sections: list })}</p>
        <div className="settings-dialog__actions">
          <button type="button" className="button button--primary" ref={stayRef} onClick={onStay}>
            {t('settings.unsaved.stay')}
          </button>
          <button type="button" className="button" onClick={onLeave}>
            {t('settings.unsaved.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
