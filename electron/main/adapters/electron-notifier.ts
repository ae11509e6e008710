import { Notification } from 'electron';
import type { AlertNotice } from '@shared/alerts/schemas';

// Notifications still on screen (or in the notification centre), by tag. Holding them keeps
// their click handler alive (Electron drops it once the object is garbage-collected) and lets a
// newer notice for the same ticket clock, or a grown summary, replace the older one.
const MAX_LIVE = 200;

/** Shows a desk notification; a click hands the notice back (to open its ticket). */
export function createElectronNotifier(onClick: (notice: AlertNotice) => void) {
  const live = new Map<string, Notification>();
  return (notice: AlertNotice): void => {
    if (!Notification.isSupported()) return;
    live.get(notice.tag)?.close();
    live.delete(notice.tag);
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      urgency: notice.severity === 'breach' ? 'critical' : 'normal',
      timeoutType: notice.severity === 'breach' ? 'never' : 'default',
    });
    notification.on('click', () => onClick(notice));
    notification.on('close', () => {
      if (live.get(notice.tag) === notification) live.delete(notice.tag);
    });
    live.set(notice.tag, notification);
    if (live.size > MAX_LIVE) live.delete(live.keys().next().value!);
    notification.show();
  };
}
