import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsSnapshot } from '../settings/settings-source';
import { AlertCenter } from './AlertCenter';
import { AlertNoticeCard } from './AlertNoticeCard';
import { dismissToast, useRecentAlerts } from './recent-alerts';
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

  return (
    <>
      <section className="alert-toasts" aria-label={t('alerts.title')} aria-live="polite">
        {toasts.map((notice) => (
          <AlertNoticeCard
            key={notice.id}
            notice={notice}
            onDismiss={() => dismissToast(notice.id)}
            onOpened={() => dismissToast(notice.id)}
          />
        ))}
      </section>
      <AlertCenter recent={recent} open={open} onOpenChange={setOpen} />
    </>
  );
}
