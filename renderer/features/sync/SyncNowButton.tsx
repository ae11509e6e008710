import { useTranslation } from 'react-i18next';
import { useSyncStatus } from './useSyncStatus';

/** "Sync now": asks the engine for a run; disabled while one is running. */
export function SyncNowButton() {
  const { t } = useTranslation();
  const { status, syncNow } = useSyncStatus();
  return (
    <button
      type="button"
      className="button button--small"
      onClick={syncNow}
      disabled={status.running}
    >
      {t('sync.now')}
    </button>
  );
}
