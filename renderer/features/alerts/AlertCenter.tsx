import { useTranslation } from 'react-i18next';
import { formatClock } from '../../lib/format';
import { getHost } from '../../lib/host';
import { AlertNoticeCard } from './AlertNoticeCard';
import { clearNotices, markAllRead, type RecentAlerts } from './recent-alerts';

function BellIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2.2 11a.6.6 0 0 0 .5.9h10.6a.6.6 0 0 0 .5-.9l-1.3-2.4V6A4.5 4.5 0 0 0 8 1.5Zm-1.8 11.4a1.8 1.8 0 0 0 3.6 0Z"
      />
    </svg>
  );
}

/** The window's list of recent desk notifications, with the mute switch the tray also offers. */
export function AlertCenter({
  recent,
  open,
  onOpenChange,
}: {
  recent: RecentAlerts;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const status = recent.status;
  const muted = status?.mutedUntil ?? null;
  const quiet = status?.quietUntil ?? null;
  const toggle = () => {
    if (!open) markAllRead();
    onOpenChange(!open);
  };
  const setMute = (minutes: number) => void getHost().request('alerts:mute', { minutes });
  // The same counts the tray tooltip shows, on hover.
  const counts =
    status &&
    t('alerts.counts', { breached: status.breached, warning: status.warning, open: status.open });

  return (
    <div className="alert-center">
      {open && (
        <section className="alert-center__panel" aria-label={t('alerts.title')}>
          <header className="alert-center__header">
            <h2 className="alert-center__title">{t('alerts.title')}</h2>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onOpenChange(false)}
            >
              {t('alerts.close')}
            </button>
          </header>
          <div className="alert-center__controls">
            <span className="alert-center__state" data-testid="alert-status">
              {muted !== null
                ? t('alerts.mutedUntil', { time: formatClock(muted, i18n.language) })
                : quiet !== null
                  ? t('alerts.quietUntil', { time: formatClock(quiet, i18n.language) })
                  : counts}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => setMute(muted === null ? 60 : 0)}
            >
              {muted === null ? t('alerts.mute') : t('alerts.unmute')}
            </button>
          </div>
          {recent.notices.length === 0 ? (
            <p className="alert-center__empty">{t('alerts.empty')}</p>
          ) : (
            <>
              <ol className="alert-center__list">
                {recent.notices.map((notice) => (
                  <li key={notice.id}>
                    <AlertNoticeCard notice={notice} onOpened={() => onOpenChange(false)} />
                  </li>
                ))}
              </ol>
              <footer className="alert-center__footer">
                <button type="button" className="button button--quiet" onClick={clearNotices}>
                  {t('alerts.clear')}
                </button>
              </footer>
            </>
          )}
        </section>
      )}
      <button
        type="button"
        className={`alert-center__toggle${muted !== null ? ' alert-center__toggle--muted' : ''}`}
        aria-expanded={open}
        title={counts ?? undefined}
        data-testid="alert-center-toggle"
        onClick={toggle}
      >
        <BellIcon />
        {t('alerts.toggle')}
        {recent.unread > 0 && (
          <span className="alert-center__unread">
            {t('alerts.unread', { count: recent.unread })}
          </span>
        )}
      </button>
    </div>
  );
}
