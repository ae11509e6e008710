import { join } from 'node:path';
import { createDeskAlerts, type DeskAlerts } from '@shared/alerts/desk-alerts';
import type { MainPorts } from '../main-ports';
import { createAlertMemoryFile } from '../services/alert-memory-file';
import type { SettingsStore } from '../services/settings-store';
import type { TrayModule } from './tray';

/**
 * Desk alerts in main: the shared scheduler on main's clock, its memory in userData/alerts.json
 * (and alerts.journal),
 * notices shown as OS notifications (a click opens the ticket) and echoed to the window, the
 * status drawn in the tray and sent to the window.
 */
export async function createAlertsModule(
  ports: Pick<MainPorts, 'files' | 'userData' | 'clock' | 'log' | 'window' | 'desktop'>,
  settings: SettingsStore,
  tray: TrayModule,
): Promise<DeskAlerts> {
  const { clock, log, window } = ports;
  const memoryFile = createAlertMemoryFile({
    files: ports.files,
    path: join(ports.userData, 'alerts.json'),
    journalPath: join(ports.userData, 'alerts.journal'),
    onError: (error) => log.error('alerts', 'the fired-alerts file failed', error),
  });
  const notify = ports.desktop.createNotifier((notice) => {
    window.show();
    if (notice.ticketId !== null) window.send('alerts:open-ticket', { ticketId: notice.ticketId });
  });
  return createDeskAlerts(
    {
      now: clock.now,
      monotonicNow: clock.monotonicNow,
      setTimeout: clock.setTimeout,
      setInterval: clock.setInterval,
      timeZone: clock.timeZone,
      storedMemory: await memoryFile.load(),
      writeMemory: (write) => void memoryFile.write(write),
      show: (notice) => {
        notify(notice);
        window.send('alerts:shown', notice);
      },
      onStatus: (status, alertClock) => {
        tray.showStatus(status, alertClock);
        window.send('alerts:status', status);
      },
      onProblem: (message) => log.warn('alerts', message),
    },
    settings.current().alerts,
  );
}
