import type { BrowserWindow } from 'electron';
import { sendHostEvent } from '../ipc/events';
import type { AppWindow } from '../main-ports';
import { createMainWindow, type MainWindowOptions } from '../window';
import type { RendererFiles } from './renderer-files';

export interface WindowManagement extends AppWindow {
  /** Opens the window (hidden when started at login). */
  open(options: {
    showWhenReady: boolean;
    /** The setting, read at each close: off means closing the window quits the app. */
    closeToTray: () => boolean;
    /** The question asked when the page has unsaved edits, in the user's language. */
    leavePrompt: MainWindowOptions['leavePrompt'];
  }): void;
  /** From now on closing the window really closes it: the app is quitting or the OS is. */
  allowClose(): void;
}

/**
 * The app's one window. Closing it hides it to the tray, so sync and SLA timers keep running,
 * until the app quits or the session ends.
 */
export function createWindowManagement(files: RendererFiles): WindowManagement {
  let window: BrowserWindow | null = null;
  let closeAllowed = false;
  return {
    open({ showWhenReady, closeToTray, leavePrompt }) {
      const opened = createMainWindow({
        preloadPath: files.preloadPath,
        entry: files.location.entry,
        trusted: files.location.trusted,
        showWhenReady,
        hideOnClose: () => !closeAllowed && closeToTray(),
        leavePrompt,
      });
      opened.on('closed', () => {
        window = null;
      });
      // Logging off or shutting down must not be held up by the hide-to-tray on close.
      opened.on('session-end', () => {
        closeAllowed = true;
      });
      window = opened;
    },
    show() {
      if (window === null || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    send(event, payload) {
      sendHostEvent(window?.webContents, event, payload);
    },
    allowClose() {
      closeAllowed = true;
    },
  };
}
