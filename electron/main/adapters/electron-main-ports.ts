import { arch, release } from 'node:os';
import { app } from 'electron';
import type { AppWindow, MainPorts } from '../main-ports';
import type { LogFile } from '../services/log-file';
import { startEmbeddedDemoErp } from '../services/embedded-demo-erp';
import type { TrustedLocations } from '../trusted-url';
import { createElectronCipher } from './electron-cipher';
import { electronFetch } from './electron-fetch';
import { applyLaunchAtLogin } from './electron-login-item';
import { createElectronNotifier } from './electron-notifier';
import { createElectronTray } from './electron-tray';
import { createNodeFiles } from './node-files';
import { systemClock } from './system-clock';

/** composeMain's ports in the desktop app: Electron for the OS, Node for files and time. */
export function electronMainPorts(options: {
  log: LogFile;
  window: AppWindow;
  trusted: TrustedLocations;
}): MainPorts {
  return {
    userData: app.getPath('userData'),
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
    },
    environment: {
      versions: process.versions,
      os: { platform: process.platform, release: release(), arch: arch() },
    },
    files: createNodeFiles(),
    cipher: createElectronCipher(),
    fetch: electronFetch,
    clock: systemClock(),
    log: options.log,
    startDemoErp: startEmbeddedDemoErp,
    trusted: options.trusted,
    window: options.window,
    desktop: {
      createTray: createElectronTray,
      createNotifier: createElectronNotifier,
      applyLaunchAtLogin,
      quit: () => app.quit(),
    },
  };
}
