import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { formatClock, hostOf } from '../../lib/format';
import { useOnlineStatus } from '../../lib/useOnlineStatus';
import { useSyncSignal } from './useSyncSignal';
import './sync-status.css';

interface SyncStatusProps {
  settings: Settings | null;
}

/** Connection, last sync and which ERP: the three things a desk engineer glances at. */
export function SyncStatus({ settings }: SyncStatusProps) {
  const { t, i18n } = useTranslation();
  const online = useOnlineStatus();
  const signal = useSyncSignal();
  const baseUrl = settings?.erp.baseUrl ?? null;

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
      <span className="sync-status__item">
        <span className="sync-status__label">{t('sync.label')}:</span>{' '}
        {signal
          ? t('sync.requestedAt', { time: formatClock(signal.at, i18n.language) })
          : t('sync.never')}
      </span>
      {settings && (
        <span className="sync-status__item sync-status__erp">
          {baseUrl === null ? t('sync.erpNone') : t('sync.erpRemote', { host: hostOf(baseUrl) })}
        </span>
      )}
    </div>
  );
}
