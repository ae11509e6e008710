import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { formatPercentList } from '../../lib/format';

/** What an empty queue means here: nothing synced yet, not "nothing to do". */
export function QueueEmptyState({ settings }: { settings: Settings | null }) {
  const { t, i18n } = useTranslation();
  const alerts = settings?.alerts;
  return (
    <div className="empty-state" data-testid="queue-empty">
      <svg
        className="empty-state__icon"
        viewBox="0 0 48 48"
        width="44"
        height="44"
        aria-hidden="true"
      >
        <path
          d="M6 27l5.5-15.5A3 3 0 0 1 14.3 9.5h19.4a3 3 0 0 1 2.8 2L42 27v9a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
        <path
          d="M6 27h10l2.5 5h11l2.5-5h10"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <h2 className="empty-state__title">{t('queue.emptyTitle')}</h2>
      <p className="empty-state__body">{t('queue.emptyBody')}</p>
      {alerts && (
        <p className="empty-state__meta">
          {alerts.enabled
            ? t('queue.alertsOn', { levels: formatPercentList(alerts.levels, i18n.language) })
            : t('queue.alertsOff')}
        </p>
      )}
    </div>
  );
}
