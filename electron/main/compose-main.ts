import type { DeskAlerts } from '@shared/alerts/desk-alerts';
import type { MainPorts } from './main-ports';
import { createAlertsModule } from './modules/alerts';
import { createErpModule, type ErpModule } from './modules/erp';
import { createIpcModule, type IpcModule } from './modules/ipc';
import { openSettings } from './modules/settings';
import { createSyncModule } from './modules/sync';
import { createTrayModule, type TrayModule } from './modules/tray';
import type { SettingsStore } from './services/settings-store';
import type { SyncTriggers } from './services/sync-triggers';

export interface ComposedMain extends IpcModule {
  settings: SettingsStore;
  erp: ErpModule;
  sync: SyncTriggers;
  tray: TrayModule;
  alerts: DeskAlerts;
  /** The system woke up: sync, and announce what was reached while it slept. */
  resume(): void;
  /** Before quitting: timers stop, the alert memory is written, the tray goes, the demo ERP closes. */
  dispose(): Promise<void>;
}

/**
 * Main's services wired to each other and to the ports. index.ts calls this with Electron's
 * adapters, the IPC unit tests with in-memory ones, so both run the same composition. Each
 * concern is one module (modules/*): a setting, a tray item or a port lands in the module it
 * belongs to, and only cross-module wiring lands here.
 */
export async function composeMain(ports: MainPorts): Promise<ComposedMain> {
  const { appInfo, environment, log } = ports;
  log.info(
    'main',
    `${appInfo.name} ${appInfo.version} starting: Electron ${environment.versions.electron}, ` +
      `${environment.os.platform} ${environment.os.release} ${environment.os.arch}`,
  );
  const settings = await openSettings(ports);
  const erp = createErpModule(ports, settings);
  const sync = createSyncModule(ports);
  // The tray's mute item and the alerts' status drawn in the tray refer to each other; the tray
  // comes first because the scheduler reports its status as soon as it exists.
  const tray = createTrayModule(ports, {
    syncNow: () => sync.fire('manual'),
    toggleMute: () => alerts.mute(alerts.status().mutedUntil === null ? 60 : 0),
  });
  const alerts = await createAlertsModule(ports, settings, tray);
  // The scheduler reports only once the window sends its first feed; the tray needs its menu
  // (Open, Quit) from the start, or a window that never loads leaves no way to open or quit.
  tray.showStatus(alerts.status());

  const applySettings = () => {
    sync.schedule(settings.current().sync.intervalMinutes);
    alerts.applySettings(settings.current().alerts);
    ports.desktop.applyLaunchAtLogin(settings.current().tray);
  };
  const ipc = createIpcModule(ports, { settings, erp, alerts, onSettingsChanged: applySettings });
  ports.desktop.applyLaunchAtLogin(settings.current().tray);
  sync.schedule(settings.current().sync.intervalMinutes);

  return {
    ...ipc,
    settings,
    erp,
    sync,
    tray,
    alerts,
    resume() {
      sync.fire('resume');
      alerts.resume();
    },
    async dispose() {
      alerts.dispose();
      tray.destroy();
      sync.stop();
      await erp.connection.close();
    },
  };
}
