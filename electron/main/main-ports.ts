import type { DeskTray, TrayActions } from './adapters/electron-tray';
import type { AlertNotice } from '@shared/alerts/schemas';
import type { EventChannel, EventPayload } from '@shared/host/contract';
import type { AppInfo } from '@shared/host/schemas';
import type { ErpConnectionPorts } from './services/erp-connection';
import type { FetchPort } from './services/erp-gateway';
import type { FilePort } from './services/file-port';
import type { MainDiagnosticsPorts } from './services/host-diagnostics';
import type { LogFile } from './services/log-file';
import type { CipherPort } from './services/secret-store';
import type { TrustedLocations } from './trusted-url';

/**
 * Time as main sees it. Plain functions (no `this`): they are handed on to the services detached.
 */
export interface MainClock {
  now: () => number;
  monotonicNow: () => number;
  setTimeout: (callback: () => void, ms: number) => () => void;
  setInterval: (callback: () => void, ms: number) => () => void;
  /** The viewer's IANA zone now (the tray and notifications speak in it; a traveller's changes). */
  timeZone: () => string;
}

/** The app's one window as the services see it: somewhere to send events, something to show. */
export interface AppWindow {
  /** Typed host → renderer event; dropped while no page is alive. */
  send<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Brings the window up (restored, shown, focused); nothing while there is none. */
  show(): void;
}

/** The desktop shell's own surfaces: tray, notifications, login item, quitting. */
export interface DesktopPorts {
  createTray(actions: TrayActions): DeskTray;
  /** A function that shows a notice; a click hands the notice back to `onClick`. */
  createNotifier(onClick: (notice: AlertNotice) => void): (notice: AlertNotice) => void;
  applyLaunchAtLogin(tray: { launchAtLogin: boolean; startHidden: boolean }): void;
  quit(): void;
}

/**
 * Everything the composed main process needs from outside: Electron and Node in the app
 * (adapters/electron-main-ports.ts), in-memory stand-ins in the unit tests. Nothing here is
 * Electron's own type, so `composeMain` runs in plain Node.
 */
export interface MainPorts {
  /** Electron's userData folder: settings, the token, the fired alerts, the demo ERP's data. */
  userData: string;
  appInfo: AppInfo;
  /** process.versions and the OS, for the diagnostics report. */
  environment: Pick<MainDiagnosticsPorts, 'versions' | 'os'>;
  files: FilePort;
  cipher: CipherPort;
  fetch: FetchPort;
  clock: MainClock;
  log: LogFile;
  startDemoErp: (dataDir: string) => ReturnType<ErpConnectionPorts['startDemo']>;
  /** Which URLs are the app's own page (IPC is answered only for its main frame). */
  trusted: TrustedLocations;
  window: AppWindow;
  desktop: DesktopPorts;
}
