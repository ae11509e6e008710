import { useTranslation } from 'react-i18next';
import { formatSyncMoment } from '../../lib/format';
import { SyncNowButton } from './SyncNowButton';
import { useSyncStatus } from './useSyncStatus';
import { connectionView } from './connection-view';

/**
 * Offline is a normal working state for an engineer on site: say what it means (the work is
 * kept and will be sent), since when, what waits, and offer to try now.
 */
export function ConnectionBanner() {
  const { t, i18n } = useTranslation();
  const { status } = useSyncStatus();
  if (connectionView(status).state !== 'offline') return null;
  return (
    <section
      className="banner banner--inline banner--warn"
      data-testid="offline-banner"
      aria-label={t('offline.title')}
    >
      <div className="banner__text">
        <strong>{t('offline.title')}</strong>{' '}
        {status.lastSuccessAt
          ? t('offline.lastSync', {
              when: formatSyncMoment(status.lastSuccessAt, i18n.language, t),
            })
          : t('offline.neverSynced')}{' '}
        {status.pending > 0
          ? t('offline.pending', { count: status.pending })
          : t('offline.nothingPending')}
      </div>
      <SyncNowButton />
    </section>
  );
}
