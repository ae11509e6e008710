import { useTranslation } from 'react-i18next';

/** Shown while files are held over the page: where they will go when let go. */
export function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <span className="drop-overlay__text">{t('attachments.dropHere')}</span>
    </div>
  );
}
