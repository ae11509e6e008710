import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { formatClock, formatSyncMoment, hostOf } from '../../lib/format';
import { SignedInAs } from '../identity/SignedInAs';
import { useErpKind } from './useErpKind';
import { SyncNowButton } from './SyncNowButton';
import { useSyncStatus } from './useSyncStatus';
import './sync-status.css';

interface SyncStatusProps {
  settings: Settings | null;
}

/** Connection, last sync, what waits to be sent and which ERP: what a desk engineer glances at. */
export function SyncStatus({ settings }: SyncStatusProps) {
  const { t, i18n } = useTranslation();
  const { status } = useSyncStatus();
  const erpKind = useErpKind();
  const locale = i18n.language;
  const online = status.connection !== 'offline';
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
      {settings && (
        <span
          className="sync-status__item sync-status__erp"
          data-testid="erp-kind"
          title={baseUrl === null && erpKind === 'demo' ? t('sync.erpDemoHint') : undefined}
        >
          {baseUrl !== null
            ? t('sync.erpRemote', { host: hostOf(baseUrl) })
            : erpKind === 'demo'
              ? t('sync.erpDemo')
              : t('sync.erpNone')}
        </span>
      )}
      <SignedInAs />
    </div>
  );
}
