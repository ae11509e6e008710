import type { AlertClockView } from '@shared/alerts/desk-alerts';
import type { AlertStatus } from '@shared/alerts/schemas';
import type { MainPorts } from '../main-ports';
import { trayViewOf } from '../services/tray-state';

export interface TrayModule {
  /**
   * Shows the scheduler's status: the worst condition's icon, the counts, the menu labels. The
   * times in the tooltip are on the scheduler's clock (ERP time, in the zone the window reports)
   * when it gives one, else on main's own.
   */
  showStatus(status: AlertStatus, clock?: AlertClockView): void;
  destroy(): void;
}

/** The tray and its menu; what each menu item does is decided here. */
export function createTrayModule(
  ports: Pick<MainPorts, 'desktop' | 'window' | 'clock'>,
  actions: { syncNow: () => void; toggleMute: () => void },
): TrayModule {
  const tray = ports.desktop.createTray({
    open: () => ports.window.show(),
    openSettings: () => {
      ports.window.show();
      ports.window.send('app:navigate', { page: 'settings' });
    },
    syncNow: actions.syncNow,
    toggleMute: actions.toggleMute,
    quit: () => ports.desktop.quit(),
  });
  return {
    showStatus: (status, clock = { nowMs: ports.clock.now(), timeZone: ports.clock.timeZone() }) =>
      tray.render(trayViewOf(status, clock.nowMs, clock.timeZone)),
    destroy: () => tray.destroy(),
  };
}
