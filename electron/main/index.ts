import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, powerMonitor, type BrowserWindow } from 'electron';
import { createAlertScheduler } from '@shared/host/alert-scheduler';
import { createElectronCipher } from './adapters/electron-cipher';
import { electronFetch } from './adapters/electron-fetch';
import { createElectronNotifier } from './adapters/electron-notifier';
import { createNodeFiles } from './adapters/node-files';
import { sendHostEvent } from './ipc/events';
import { createMainHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { createIpcRouter } from './ipc/router';
import { resolveRendererLocation } from './renderer-location';
import { installSecurityGuards } from './security';
import { createErpConnection } from './services/erp-connection';
import { createErpGateway } from './services/erp-gateway';
import { startEmbeddedDemoErp } from './services/embedded-demo-erp';
import { createSecretStore } from './services/secret-store';
import { createSettingsStore } from './services/settings-store';
import { createSyncTriggers } from './services/sync-triggers';
import { isTrustedUrl } from './trusted-url';
import { createMainWindow } from './window';

// Composition root: builds the services, hands them their ports and wires them to Electron.
// Behaviour lives in the modules; this file only connects them.

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const files = createNodeFiles();

  const settings = createSettingsStore({
    files,
    path: join(userData, 'settings.json'),
    now: () => new Date(),
  });
  const loaded = await settings.load();
  if (loaded.problem) console.warn(`[settings] ${loaded.problem.source}: ${loaded.problem.detail}`);

  const secrets = createSecretStore({
    files,
    cipher: createElectronCipher(),
    path: join(userData, 'erp-token.bin'),
  });
  const connection = createErpConnection({
    configuredUrl: () => settings.current().erp.baseUrl,
    storedToken: () => secrets.getErpToken(),
    startDemo: () => startEmbeddedDemoErp(join(userData, 'demo-erp')),
    onDemoFailed: (error) => console.error('[erp] the embedded demo ERP did not start', error),
  });
  const erp = createErpGateway({
    fetch: electronFetch,
    baseUrl: () => connection.baseUrl(),
    token: () => connection.token(),
  });

  let window: BrowserWindow | null = null;
  const showWindow = () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const alerts = createAlertScheduler({
    now: Date.now,
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    notify: createElectronNotifier((ticketId) => {
      showWindow();
      sendHostEvent(window?.webContents, 'alerts:open-ticket', { ticketId });
    }),
  });

  const syncTriggers = createSyncTriggers({
    setInterval: (callback, ms) => {
      const timer = setInterval(callback, ms);
      return () => clearInterval(timer);
    },
    now: () => new Date(),
    emit: (trigger) => sendHostEvent(window?.webContents, 'sync:trigger', trigger),
  });

  const location = resolveRendererLocation({
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    isPackaged: app.isPackaged,
    rendererDir: join(here, '../renderer'),
  });

  const route = createIpcRouter({
    handlers: createMainHandlers({
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        host: 'electron',
        platform: process.platform,
      },
      settings,
      secrets,
      erp,
      alerts,
      onSettingsChanged: () => syncTriggers.schedule(settings.current().sync.intervalMinutes),
    }),
    isTrustedSender: (sender) => sender.url !== null && isTrustedUrl(sender.url, location.trusted),
    onHandlerError: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
    onForbiddenSender: (channel, sender) =>
      console.warn(`[ipc] refused ${channel} from ${sender.url ?? 'a destroyed frame'}`),
  });
  registerIpc(route);
  installSecurityGuards();

  window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    entry: location.entry,
    trusted: location.trusted,
  });
  window.on('closed', () => {
    window = null;
  });

  syncTriggers.schedule(settings.current().sync.intervalMinutes);
  powerMonitor.on('resume', () => syncTriggers.fire('resume'));
  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    alerts.dispose();
    syncTriggers.stop();
    void connection.close();
  });
}

// One instance only: a second one would double every notification and race on userData.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error('[main] startup failed', error);
    app.exit(1);
  });
}
