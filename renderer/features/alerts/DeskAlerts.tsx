import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsSnapshot } from '../settings/settings-source';
import { AlertCenter } from './AlertCenter';
import { AlertNoticeCard } from './AlertNoticeCard';
import { dismissToast, markAllRead, useRecentAlerts } from './recent-alerts';
import { useAlertFeed } from './useAlertFeed';
import './alerts.css';

/**
 * Desk alerts in the window: feeds the host's scheduler and shows what it announced, as toasts
 * (the OS notification may be hidden or denied) and in a list of recent alerts.
 */
export function DeskAlerts() {
  const { t } = useTranslation();
  const snapshot = useSettingsSnapshot();
  useAlertFeed(snapshot?.settings.alerts.levels);
  const recent = useRecentAlerts();
  const [open, setOpen] = useState(false);
  const toasts = open
    ? []
    : recent.toasts.flatMap((id) => recent.notices.filter((notice) => notice.id === id));
  // One card at a time, the rest behind one line (three cards at 09:00 covered a third of the
  // queue; the list holds every notice anyway): a breach before a warning, else the newest.
  const [shown, ...waiting] = [...toasts].sort(
    (a, b) => Number(b.severity === 'breach') - Number(a.severity === 'breach'),
  );

  return (
    <>
      <section className="alert-toasts" aria-label={t('alerts.title')} aria-live="polite">
        {shown && (
          <AlertNoticeCard
            key={shown.id}
            notice={shown}
            onDismiss={() => dismissToast(shown.id)}
            onOpened={() => dismissToast(shown.id)}
          />
        )}
        {waiting.length > 0 && (
          <button
            type="button"
            className="alert-toasts__more"
            data-testid="alert-toasts-more"
            onClick={() => {
              for (const notice of toasts) dismissToast(notice.id);
              markAllRead();
              setOpen(true);
            }}
          >
            {t('alerts.more', { count: waiting.length })}
          </button>
        )}
      </section>
      <AlertCenter recent={recent} open={open} onOpenChange={setOpen} />
    </>
  );
}
