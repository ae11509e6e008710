import {
  DIAGNOSTIC_LOG_LINES,
  displayErpUrl,
  type HostDiagnostics,
} from '@shared/host/diagnostics';
import type { AppInfo, ErpSettings } from '@shared/host/schemas';
import type { LogFile } from './log-file';

export interface MainDiagnosticsPorts {
  appInfo: AppInfo;
  /** process.versions */
  versions: { electron?: string | undefined; chrome?: string | undefined; node?: string };
  os: { platform: string; release: string; arch: string };
  /** The ERP choice from the settings: none yet, the embedded demo, or an address. */
  erp(): Pick<ErpSettings, 'mode' | 'baseUrl'>;
  /** The address main talks to (starts the demo ERP if it is not running yet). */
  baseUrl(): Promise<string | null>;
  tokenPresent(): Promise<boolean>;
  log: Pick<LogFile, 'path' | 'tail' | 'dropped'>;
}

/**
 * main's answer to `diagnostics:host`. Each part that can fail is read on its own, so a broken
 * secret store or a demo ERP that will not start leaves the rest of the report intact.
 */
export async function collectMainDiagnostics(
  ports: MainDiagnosticsPorts,
): Promise<HostDiagnostics> {
  const { mode, baseUrl: configured } = ports.erp();
  const [url, tokenPresent, lines] = await Promise.all([
    ports.baseUrl().then(displayErpUrl, () => displayErpUrl(configured)),
    ports.tokenPresent().catch(() => null),
    ports.log.tail(DIAGNOSTIC_LOG_LINES),
  ]);
  return {
    app: { name: ports.appInfo.name, version: ports.appInfo.version },
    host: 'electron',
    versions: {
      electron: ports.versions.electron ?? null,
      chrome: ports.versions.chrome ?? null,
      node: ports.versions.node ?? null,
    },
    os: { platform: ports.os.platform, release: ports.os.release, arch: ports.os.arch },
    erp: { kind: mode, url, tokenPresent },
    log: { source: 'file', location: ports.log.path, lines, dropped: ports.log.dropped() },
  };
}
