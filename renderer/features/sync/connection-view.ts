import type { SyncErrorKind, SyncStatus } from '@shared/sync/status';

/** Failures in which the ERP was never reached: after one, "online" is only the OS's guess. */
const UNREACHED: ReadonlySet<SyncErrorKind> = new Set([
  'offline',
  'timeout',
  'tls',
  'not_configured',
]);

export interface ConnectionView {
  /** The header's pill: reached the ERP, could not, or trying (nothing known yet). */
  state: 'online' | 'offline' | 'checking';
  /**
   * The last error is worth its own words beside the pill: not while a new attempt may already
   * disprove it, and not "no connection" beside «Нет сети», which says it already.
   */
  showError: boolean;
}

/**
 * One reading of the connection for the whole header, so it never says «В сети» beside «нет
 * связи с ERP»: the pill claims "online" only when the last exchange reached the ERP. After the
 * OS reports the network back, the pill says "checking" until a sync reaches the ERP (and the old
 * "no connection" is not shown beside it) or fails again (and the pill goes back to "offline").
 */
export function connectionView(status: SyncStatus): ConnectionView {
  const unreached = status.lastError !== null && UNREACHED.has(status.lastError.kind);
  const saysOffline = status.lastError?.kind !== 'offline';
  if (status.connection === 'offline') return { state: 'offline', showError: saysOffline };
  if (unreached) {
    return status.running
      ? { state: 'checking', showError: false }
      : { state: 'offline', showError: saysOffline };
  }
  if (status.connection === 'unknown') return { state: 'checking', showError: true };
  return { state: 'online', showError: true };
}
