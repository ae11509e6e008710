import { app } from 'electron';

/** Passed by the login item so a start with the system stays in the tray. */
export const START_HIDDEN_ARG = '--hidden';

/** Start with the system (Windows, macOS); Electron offers no login items on Linux desktops. */
export function applyLaunchAtLogin(enabled: boolean): void {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return;
  app.setLoginItemSettings({ openAtLogin: enabled, args: [START_HIDDEN_ARG] });
}

export function startedHidden(argv: readonly string[]): boolean {
  if (argv.includes(START_HIDDEN_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
