import type { HostBridge } from '@shared/host/contract';

/*
 * The renderer's only door to the desktop side. Which host stands behind it is decided at build
 * time: each page has its own entry (main.electron.ts hands over the preload bridge, main.web.ts
 * the browser host) and installs it here before the app starts. Nothing looks at the window to
 * guess, so a preload that failed can never quietly turn the desktop app into the browser host.
 */

declare global {
  interface Window {
    /** The preload bridge in Electron; the browser host puts itself here too (main.web.ts). */
    prokontakt?: HostBridge;
  }
}

export type HostKind = 'electron' | 'browser';

export interface InstalledHost {
  host: HostBridge;
  kind: HostKind;
}

let installed: InstalledHost | null = null;

/** Called once, by the page's entry, before anything asks for the host. */
export function installHost(host: HostBridge, kind: HostKind): void {
  if (installed !== null) throw new Error(`A ${installed.kind} host is already installed`);
  installed = { host, kind };
}

/** The host, or null before the entry installed one: for failure reports that must not throw. */
export function findHost(): InstalledHost | null {
  return installed;
}

function current(): InstalledHost {
  if (installed === null) {
    throw new Error('No host installed: the page must be started by its entry (main.*.ts)');
  }
  return installed;
}

export function getHost(): HostBridge {
  return current().host;
}

export function getHostKind(): HostKind {
  return current().kind;
}
