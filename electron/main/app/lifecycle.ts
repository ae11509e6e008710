import { join } from 'node:path';
import { app, powerMonitor } from 'electron';
import type { ComposedMain } from '../compose-main';
import { createNodeFiles } from '../adapters/node-files';
import { createLogFile, type LogFile } from '../services/log-file';
import type { WindowManagement } from './window-management';

/** userData/logs/main.log, rotated at 1 MiB, three files kept; lines are echoed to stdout. */
export function openMainLog(): LogFile {
  return createLogFile({
    files: createNodeFiles(),
    path: join(app.getPath('userData'), 'logs', 'main.log'),
    now: () => new Date(),
    console,
  });
}

/**
 * Runs `start` once Electron is ready, with the sandbox on for every renderer. Closing the last
 * window quits (the window only hides while the app is not quitting, so this means "Quit"). A
 * start that fails is logged and ends the process: a tray app without its services would only
 * look alive.
 */
export function startWhenReady(log: LogFile, start: () => Promise<void>): void {
  app.enableSandbox();
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('main', 'startup failed', error);
      void log.flush().then(() => app.exit(1));
    });
}

/** The OS's events for a running app: resume, shutdown, the dock icon, quitting. */
export function wireLifecycle(options: {
  main: ComposedMain;
  windows: WindowManagement;
  log: LogFile;
}): void {
  const { main, windows, log } = options;
  powerMonitor.on('resume', () => main.resume());
  // Shutting down must not be held up by the hide-to-tray on close.
  powerMonitor.on('shutdown', () => windows.allowClose());
  app.on('activate', () => windows.show()); // macOS: a click on the dock icon
  app.on('before-quit', () => {
    windows.allowClose();
    log.info('main', 'quitting');
    void main.dispose();
  });
}
