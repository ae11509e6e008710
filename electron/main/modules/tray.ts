import type { AlertStatus } from '@shared/alerts/schemas';
import type { MainPorts } from '../main-ports';
import { trayViewOf } from '../services/tray-state';

export interface TrayModule {
  /** Shows the scheduler's status: the worst condition's icon, the counts, the menu labels. */
  showStatus(status: AlertStatus): void;
  destroy(): void;
}

/** The tray and its menu; what each menu item does is decided here. */
export function createTrayModule(
  ports: Pick<MainPorts, 'desktop' | 'window' | 'clock'>,
  actions: { syncNow: () => void; toggleMute: () => void },
): TrayModule {
  const tray = ports.desktop.createTray({
    open: () => ports.window.show(),
    syncNow: actions.syncNow,
    toggleMute: actions.toggleMute,
    quit: () => ports.desktop.quit(),
  });
  return {
    showStatus: (status) =>
      tray.render(trayViewOf(status, ports.clock.now(), ports.clock.timeZone)),
    destroy: () => tray.destroy(),
  };
}
