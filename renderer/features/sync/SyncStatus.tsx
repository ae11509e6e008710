import { useTranslation } from 'react-i18next';
import { formatClock, formatSyncMoment } from '../../lib/format';
import { SyncNowButton } from './SyncNowButton';
import { useSyncStatus } from './useSyncStatus';
import './sync-status.css';

/** Connection, last sync and what waits to be sent: what a desk engineer glances at. */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const { status } = useSyncStatus();
  const locale = i18n.language;
  const online = status.connection !== 'offline';

  return (
    <div className="sync-status" role="status" aria-live="polite">
      <span
        className={`pill ${online ? 'pill--ok' : 'pill--warn'}`}
        title={online ? undefined : t('connection.offlineHint')}
        data-testid="connection-state"
      >
        <span className="pill__dot" aria-hidden="true" />
        {online ? t('connection.online') : t('connection.offline')}
      </span>
      <span className="sync-status__item" data-testid="sync-last">
        <span className="sync-status__label">{t('sync.label')}:</span>{' '}
        {status.running
          ? t('sync.running')
          : status.lastSuccessAt
            ? formatSyncMoment(status.lastSuccessAt, locale, t)
            : t('sync.never')}
      </span>
      {status.pending > 0 && (
        <span className="sync-status__item sync-status__pending" data-testid="sync-pending">
          {t('sync.pending', { count: status.pending })}
        </span>
      )}
      {status.lastError && (
        <span
          className="sync-status__item sync-status__error"
          data-testid="sync-error"
          title={status.lastError.message}
        >
          {t(`sync.errors.${status.lastError.kind}`)}
          {status.nextRetryAt &&
            ` · ${t('sync.retryAt', { time: formatClock(status.nextRetryAt, locale) })}`}
        </span>
      )}
      <SyncNowButton />
    </div>
  );
}
