import { BrowserWindow, dialog, shell } from 'electron';
import type { LeavePrompt } from './services/leave-prompt';
import type { RendererEntry } from './renderer-location';
import {
  EXTERNAL_LINK_HOSTS,
  externalUrlToOpen,
  isTrustedUrl,
  type TrustedLocations,
} from './trusted-url';

export interface MainWindowOptions {
  preloadPath: string;
  entry: RendererEntry;
  trusted: TrustedLocations;
  /** False when started at login: the app then lives in the tray until opened. */
  showWhenReady: boolean;
  /** Whether closing the window should only hide it (to the tray); false while quitting. */
  hideOnClose: () => boolean;
  /** The question to ask when the page holds unsaved edits and the window would unload. */
  leavePrompt: () => LeavePrompt;
}

/**
 * Opens a vetted link in the user's browser or mail client; never inside the app. The hosts are
 * a fixed list, so no setting the page can change widens it.
 */
function openExternalSafely(url: string): void {
  const vetted = externalUrlToOpen(url, EXTERNAL_LINK_HOSTS);
  // Only the parser's serialisation of an allowlisted mailto:/https: link gets here.
  if (vetted !== null) void shell.openExternal(vetted); // eng-disable OPEN_EXTERNAL_JS_CHECK
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
      // The preload exposes only `request`/`on` over the channel allowlist, never ipcRenderer.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise open a link in a new window, bypassing the click handling.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // The window lives in the tray all day; SLA timers and sync must not be throttled there.
      backgroundThrottling: false,
    },
  });

  if (options.showWhenReady) window.once('ready-to-show', () => window.show());
  // Desk staff close the window and expect deadline alerts to keep coming: it goes to the tray,
  // the page (sync, SLA timers) keeps running. Quit is in the tray menu.
  window.on('close', (event) => {
    if (!options.hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });

  // Electron cancels an unload the page's beforeunload objects to without a word, so closing or
  // quitting with unsaved settings would silently do nothing: ask, as a browser would.
  window.webContents.on('will-prevent-unload', (event) => {
    const prompt = options.leavePrompt();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: prompt.title,
      message: prompt.message,
      detail: prompt.detail,
      buttons: [prompt.leave, prompt.stay],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault here overrides the page's objection: the window unloads.
    if (choice === 0) event.preventDefault();
  });

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
