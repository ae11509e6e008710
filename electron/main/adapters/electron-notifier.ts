import { Notification } from 'electron';
import type { PlannedNotification } from '@shared/host/schemas';

/** Shows a desk notification; a click asks the app to open the ticket. */
export function createElectronNotifier(onOpenTicket: (ticketId: string) => void) {
  return (alert: PlannedNotification): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: alert.title, body: alert.body });
    notification.on('click', () => onOpenTicket(alert.ticketId));
    notification.show();
  };
}
