import { app } from 'electron';

/** Passed by the login item so a start with the system stays in the tray. */
export const START_HIDDEN_ARG = '--hidden';

/**
 * Start with the system (Windows, macOS); Electron offers no login items on Linux desktops.
 * `startHidden`: such a start stays in the tray until the user opens the window.
 */
export function applyLaunchAtLogin(tray: { launchAtLogin: boolean; startHidden: boolean }): void {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return;
  app.setLoginItemSettings({
    openAtLogin: tray.launchAtLogin,
    args: tray.startHidden ? [START_HIDDEN_ARG] : [],
  });
}

/** Whether this start came from the login item and should stay in the tray. */
export function startedHidden(argv: readonly string[], startHidden: boolean): boolean {
  if (argv.includes(START_HIDDEN_ARG)) return true;
  return (
    startHidden && process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
  );
}
