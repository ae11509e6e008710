import {
  DIAGNOSTIC_LOG_LINES,
  displayErpUrl,
  type HostDiagnostics,
} from '@shared/host/diagnostics';
import type { LogRing } from './log-ring';
import { getServedErp, type ServedErpState } from './serving-process';

export interface BrowserDiagnostics {
  collect(): Promise<HostDiagnostics>;
  /** The token status changed (set or cleared through this host). */
  noteTokenPresent(present: boolean): void;
}

/**
 * The browser host's `diagnostics:host`. What main reads from the OS is partly hidden from a
 * page (no OS release or architecture, no Electron); those fields are null rather than guessed.
 * The serving process is asked which ERP it forwards to once at start and again on every
 * request, so a report made after the network went away still names the ERP.
 */
export function createBrowserDiagnostics(
  app: { name: string; version: string },
  ring: LogRing,
): BrowserDiagnostics {
  let known: ServedErpState | null = null;
  const refresh = async () => {
    const answer = await getServedErp();
    if (answer.ok) known = answer.value;
  };
  void refresh();

  return {
    noteTokenPresent(present) {
      if (known) known = { ...known, tokenPresent: present };
    },
    async collect() {
      await refresh();
      return {
        app,
        host: 'browser',
        versions: { electron: null, chrome: chromeVersion(navigator.userAgent), node: null },
        os: { platform: navigator.platform || 'web', release: null, arch: null },
        erp: known
          ? { kind: known.mode, url: displayErpUrl(known.url), tokenPresent: known.tokenPresent }
          : { kind: 'unknown', url: null, tokenPresent: null },
        log: {
          source: 'memory',
          location: null,
          lines: ring.lines().slice(-DIAGNOSTIC_LOG_LINES),
          dropped: null,
        },
      };
    },
  };
}

export function chromeVersion(userAgent: string): string | null {
  return /\b(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1] ?? null;
}
