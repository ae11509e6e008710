import { app } from 'electron';
import type { AppWindow } from '../main-ports';

/**
 * One instance only: a second one would double every notification and race on userData. The
 * second launch quits at once; Electron tells the first, which comes to the front (the way back
 * to the window on a Linux desktop without a tray area).
 */
export function claimSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

export function showOnSecondInstance(window: Pick<AppWindow, 'show'>): void {
  app.on('second-instance', () => window.show());
}
