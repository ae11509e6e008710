import { arch, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, powerMonitor, type BrowserWindow } from 'electron';
import { createDeskAlerts } from '@shared/alerts/desk-alerts';
import { resolvedTimeZone } from '@shared/clock/device-zone';
import { erpOriginOf } from '@shared/host/schemas';
import { createElectronCipher } from './adapters/electron-cipher';
import { electronFetch } from './adapters/electron-fetch';
import { applyLaunchAtLogin, startedHidden } from './adapters/electron-login-item';
import { createElectronNotifier } from './adapters/electron-notifier';
import { createElectronTray } from './adapters/electron-tray';
import { createNodeFiles } from './adapters/node-files';
import { sendHostEvent } from './ipc/events';
import { createMainHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { createIpcRouter } from './ipc/router';
import { resolveRendererLocation } from './renderer-location';
import { installSecurityGuards } from './security';
import { createAlertMemoryFile } from './services/alert-memory-file';
import { createErpChecker } from './services/erp-check';
import { createErpConnection } from './services/erp-connection';
import { createErpGateway } from './services/erp-gateway';
import { collectMainDiagnostics } from './services/host-diagnostics';
import { leavePromptFor } from './services/leave-prompt';
import { createLogFile, type LogFile } from './services/log-file';
import { startEmbeddedDemoErp } from './services/embedded-demo-erp';
import { createSecretStore } from './services/secret-store';
import { createSettingsStore } from './services/settings-store';
import { createSyncTriggers } from './services/sync-triggers';
import { trayViewOf } from './services/tray-state';
import { isTrustedUrl } from './trusted-url';
import { createMainWindow } from './window';

// Composition root: builds the services, hands them their ports and wires them to Electron.
// Behaviour lives in the modules; this file only connects them.

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(log: LogFile): Promise<void> {
  const userData = app.getPath('userData');
  const files = createNodeFiles();
  log.info(
    'main',
    `${app.getName()} ${app.getVersion()} starting: Electron ${process.versions.electron}, ` +
      `${process.platform} ${release()} ${arch()}`,
  );

  const settings = createSettingsStore({
    files,
    path: join(userData, 'settings.json'),
    now: () => new Date(),
    ranBefore: async () => (await files.size(join(userData, 'demo-erp'))) !== null,
  });
  const loaded = await settings.load();
  if (loaded.problem) log.warn('settings', `${loaded.problem.source}: ${loaded.problem.detail}`);

  const secrets = createSecretStore({
    files,
    cipher: createElectronCipher(),
    path: join(userData, 'erp-token.bin'),
    now: () => new Date(),
  });
  const connection = createErpConnection({
    configuredUrl: () => settings.current().erp.baseUrl,
    demoChosen: () => settings.current().erp.mode === 'demo',
    tokenFor: (origin) => secrets.tokenFor(origin),
    startDemo: () => startEmbeddedDemoErp(join(userData, 'demo-erp')),
    onDemoFailed: (error) => log.error('erp', 'the embedded demo ERP did not start', error),
  });
  const erp = createErpGateway({
    fetch: electronFetch,
    endpoint: () => connection.endpoint(),
  });

  let window: BrowserWindow | null = null;
  const showWindow = () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const syncTriggers = createSyncTriggers({
    setInterval: (callback, ms) => {
      const timer = setInterval(callback, ms);
      return () => clearInterval(timer);
    },
    now: () => new Date(),
    emit: (trigger) => sendHostEvent(window?.webContents, 'sync:trigger', trigger),
  });

  let quitting = false;
  const tray = createElectronTray({
    open: showWindow,
    openSettings: () => {
      showWindow();
      sendHostEvent(window?.webContents, 'app:navigate', { page: 'settings' });
    },
    syncNow: () => syncTriggers.fire('manual'),
    toggleMute: () => alerts.mute(alerts.status().mutedUntil === null ? 60 : 0),
    quit: () => app.quit(),
  });
  const memoryFile = createAlertMemoryFile({
    files,
    path: join(userData, 'alerts.json'),
    onError: (error) => log.error('alerts', 'the fired-alerts file failed', error),
  });
  const showNotice = createElectronNotifier((notice) => {
    showWindow();
    if (notice.ticketId !== null) {
      sendHostEvent(window?.webContents, 'alerts:open-ticket', { ticketId: notice.ticketId });
    }
  });
  const alerts = createDeskAlerts(
    {
      now: Date.now,
      monotonicNow: () => performance.now(),
      setTimeout: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
      setInterval: (callback, ms) => {
        const timer = setInterval(callback, ms);
        return () => clearInterval(timer);
      },
      timeZone: resolvedTimeZone,
      storedMemory: await memoryFile.load(),
      writeMemory: (text) => void memoryFile.write(text),
      show: (notice) => {
        showNotice(notice);
        sendHostEvent(window?.webContents, 'alerts:shown', notice);
      },
      onStatus: (status, clock) => {
        tray.render(trayViewOf(status, clock.nowMs, clock.timeZone));
        sendHostEvent(window?.webContents, 'alerts:status', status);
      },
      onProblem: (message) => log.warn('alerts', message),
    },
    settings.current().alerts,
  );
  applyLaunchAtLogin(settings.current().tray);

  const location = resolveRendererLocation({
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    isPackaged: app.isPackaged,
    rendererDir: join(here, '../renderer'),
  });

  const appInfo = {
    name: app.getName(),
    version: app.getVersion(),
    host: 'electron',
    platform: process.platform,
  } as const;
  const route = createIpcRouter({
    handlers: createMainHandlers({
      appInfo,
      settings,
      secrets,
      erp,
      checkErp: createErpChecker({
        fetch: electronFetch,
        storedOrigin: async () => (await secrets.status(null)).origin,
        storedTokenFor: (origin) => secrets.tokenFor(origin),
      }),
      alerts,
      onSettingsChanged: () => {
        syncTriggers.schedule(settings.current().sync.intervalMinutes);
        alerts.applySettings(settings.current().alerts);
        applyLaunchAtLogin(settings.current().tray);
      },
      diagnostics: () =>
        collectMainDiagnostics({
          appInfo,
          versions: process.versions,
          os: { platform: process.platform, release: release(), arch: arch() },
          erp: () => settings.current().erp,
          baseUrl: () => connection.baseUrl(),
          tokenPresent: async () => {
            const url = settings.current().erp.baseUrl;
            return (await secrets.status(url === null ? null : erpOriginOf(url))).present;
          },
          log,
        }),
      onErpProblem: (line) => log.warn('erp', line),
      onPageProblem: ({ level, scope, message, detail }) =>
        log[level](`page:${scope}`, detail === undefined ? message : `${message}\n${detail}`),
    }),
    isTrustedSender: (sender) => sender.url !== null && isTrustedUrl(sender.url, location.trusted),
    onHandlerError: (channel, error) => log.error('ipc', `${channel} failed`, error),
    onForbiddenSender: (channel, sender) =>
      log.warn('ipc', `refused ${channel} from ${sender.url ?? 'a destroyed frame'}`),
  });
  registerIpc(route);
  installSecurityGuards(location.trusted);

  window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    entry: location.entry,
    trusted: location.trusted,
    showWhenReady: !startedHidden(process.argv, settings.current().tray.startHidden),
    hideOnClose: () => !quitting && settings.current().tray.closeToTray,
    leavePrompt: () => leavePromptFor(settings.current().ui.language),
  });
  window.on('closed', () => {
    window = null;
  });
  // Logging off or shutting down must not be held up by the hide-to-tray on close.
  window.on('session-end', () => {
    quitting = true;
  });
  powerMonitor.on('shutdown', () => {
    quitting = true;
  });

  syncTriggers.schedule(settings.current().sync.intervalMinutes);
  powerMonitor.on('resume', () => {
    syncTriggers.fire('resume');
    alerts.resume();
  });
  app.on('second-instance', showWindow);
  app.on('activate', showWindow); // macOS: a click on the dock icon
  app.on('before-quit', () => {
    quitting = true;
    log.info('main', 'quitting');
    alerts.dispose();
    tray.destroy();
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
  // userData/logs/main.log, rotated at 1 MiB, three files kept; lines are echoed to stdout.
  const log = createLogFile({
    files: createNodeFiles(),
    path: join(app.getPath('userData'), 'logs', 'main.log'),
    now: () => new Date(),
    console,
  });
  app
    .whenReady()
    .then(() => start(log))
    .catch((error: unknown) => {
      log.error('main', 'startup failed', error);
      void log.flush().then(() => app.exit(1));
    });
}
