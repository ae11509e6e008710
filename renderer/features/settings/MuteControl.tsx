import { useTranslation } from 'react-i18next';
import { formatClock } from '../../lib/format';
import { getHost } from '../../lib/host';
import { recordStatus, useRecentAlerts } from '../alerts/recent-alerts';

/** The hour's mute the tray menu offers, here too; it applies at once (nothing to save). */
export function MuteControl() {
  const { t, i18n } = useTranslation();
  const mutedUntil = useRecentAlerts().status?.mutedUntil ?? null;
  const setMute = async (minutes: number) => {
    const result = await getHost().request('alerts:mute', { minutes });
    if (result.ok) recordStatus(result.value);
  };
  return (
    <div className="settings-mute">
      <span data-testid="settings-mute-state">
        {mutedUntil === null
          ? t('settings.alerts.notMuted')
          : t('settings.alerts.mutedUntil', { time: formatClock(mutedUntil, i18n.language) })}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => void setMute(mutedUntil === null ? 60 : 0)}
      >
        {mutedUntil === null ? t('settings.alerts.mute') : t('settings.alerts.unmute')}
      </button>
    </div>
  );
}
