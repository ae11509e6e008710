import { BrowserWindow, shell } from 'electron';
import type { RendererEntry } from './renderer-location';
import { isAllowedExternalUrl, isTrustedUrl, type TrustedLocations } from './trusted-url';

export interface MainWindowOptions {
  preloadPath: string;
  entry: RendererEntry;
  trusted: TrustedLocations;
}

/** Opens a vetted link in the user's browser or mail client; never inside the app. */
export function openExternalSafely(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f4f5f7',
    title: 'PROконтакт · Служба поддержки',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // The window lives in the tray all day; SLA timers and sync must not be throttled there.
      backgroundThrottling: false,
    },
  });

  window.once('ready-to-show', () => window.show());

  // No second windows, ever: links that ask for one go to the system browser if they are safe.
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });

  window.webContents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, options.trusted)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  // will-navigate covers the main frame; subframes and server redirects get the same rule.
  window.webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url, options.trusted)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, options.trusted)) event.preventDefault();
  });

  if (options.entry.kind === 'url') void window.loadURL(options.entry.url);
  else void window.loadFile(options.entry.path);
  return window;
}
