import { useTranslation } from 'react-i18next';
import { formatClock, formatSyncMoment } from '../../lib/format';
import { connectionView } from './connection-view';
import { SyncNowButton } from './SyncNowButton';
import { useSnapshotProgress } from './useSnapshotProgress';
import { useSyncStatus } from './useSyncStatus';
import './sync-status.css';

const formatCount = (count: number, locale: string) => new Intl.NumberFormat(locale).format(count);

/**
 * Connection, last sync, how far a first pull is and what waits to be sent: what a desk engineer
 * glances at.
 */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const { status } = useSyncStatus();
  const progress = useSnapshotProgress();
  const locale = i18n.language;
  const view = connectionView(status);
  const pillTone = { online: 'pill--ok', offline: 'pill--warn', checking: 'pill--quiet' }[
    view.state
  ];

  return (
    <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      <span
        className={`pill ${pillTone}`}
        title={
          view.state === 'offline'
            ? [
                t('connection.offlineHint'),
                status.nextRetryAt &&
                  t('sync.retryAt', { time: formatClock(status.nextRetryAt, locale) }),
              ]
                .filter(Boolean)
                .join(' ')
            : undefined
        }
        data-testid="connection-state"
        data-state={view.state}
      >
        <span className="pill__dot" aria-hidden="true" />
        {t(`connection.${view.state}`)}
      </span>
      <span className="sync-status__item" data-testid="sync-last">
        {/* During a first pull its count stands alone where "Sync: running" would: the header
            at 1366 px has no room for both in Russian. */}
        {!progress && <span className="sync-status__label">{t('sync.label')}: </span>}
        {progress ? (
          <span data-testid="sync-progress">
            {t('sync.progress', {
              sent: formatCount(progress.sent, locale),
              total: formatCount(progress.total, locale),
            })}
          </span>
        ) : status.running ? (
          t('sync.running')
        ) : status.lastSuccessAt ? (
          formatSyncMoment(status.lastSuccessAt, locale, t)
        ) : (
          t('sync.never')
        )}
      </span>
      {status.pending > 0 && (
        <span className="sync-status__item sync-status__pending" data-testid="sync-pending">
          {t('sync.pending', { count: status.pending })}
        </span>
      )}
      {status.lastError && view.showError && (
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
