import type { DeadLetterNotice, TransportFailure } from './ports';

export type SyncErrorKind =
  | 'offline'
  | 'timeout'
  | 'tls'
  | 'redirected'
  | 'unauthorized'
  | 'server_busy'
  | 'server_error'
  | 'bad_response'
  | 'upgrade_required'
  | 'request_refused'
  | 'not_configured'
  | 'local';

/** The last failure, for people: `kind` for translation, `message` in plain words. */
export interface SyncErrorInfo {
  kind: SyncErrorKind;
  message: string;
  /** ISO instant (device clock). */
  at: string;
}

export interface SyncStatus {
  /** What the last exchange (or the OS hint since) says; never a reason not to try. */
  connection: 'online' | 'offline' | 'unknown';
  running: boolean;
  lastSuccessAt: string | null;
  pending: number;
  deadLetters: number;
  lastError: SyncErrorInfo | null;
  /** When the engine will try again by itself (device clock), null when it will wait for a trigger. */
  nextRetryAt: string | null;
}

export type SyncEvent =
  | { type: 'status'; status: SyncStatus }
  /** Commands the ERP refused for good: the user must be told, they were not applied. */
  | { type: 'dead-letters'; notices: DeadLetterNotice[] };

export function initialStatus(): SyncStatus {
  return {
    connection: 'unknown',
    running: false,
    lastSuccessAt: null,
    pending: 0,
    deadLetters: 0,
    lastError: null,
    nextRetryAt: null,
  };
}

/** Whether the engine retries on its own after this failure, or waits for the user or a trigger. */
export function isRetryable(failure: TransportFailure): boolean {
  if (failure.kind === 'unauthorized' || failure.kind === 'not_configured') return false;
  return !(failure.kind === 'http' && failure.status === 426);
}

export function describeFailure(failure: TransportFailure): Omit<SyncErrorInfo, 'at'> {
  switch (failure.kind) {
    case 'network':
      return {
        kind: 'offline',
        message: 'The ERP cannot be reached. Changes are kept and will be sent later.',
      };
    case 'tls':
      return {
        kind: 'tls',
        message: `The secure connection to the ERP failed (${failure.message}). Changes are kept.`,
      };
    case 'redirected':
      return {
        kind: 'redirected',
        message:
          'The ERP address answers with a redirect: check it in the settings. Changes are kept.',
      };
    case 'timeout':
      return {
        kind: 'timeout',
        message: 'The ERP did not answer in time. Changes are kept and will be sent again.',
      };
    case 'unauthorized':
      return {
        kind: 'unauthorized',
        message: 'The ERP refused the access token. Check the token in the settings.',
      };
    case 'not_configured':
      return {
        kind: 'not_configured',
        message: 'No ERP address is set. Changes are kept on this computer until one is.',
      };
    case 'malformed':
      return {
        kind: 'bad_response',
        message: `The ERP sent an answer that could not be read (${failure.message}). Nothing was applied from it.`,
      };
    case 'gap':
    case 'cursor_expired':
      return {
        kind: 'server_error',
        message: `The ERP and this device disagree on the sync position (${failure.message}).`,
      };
    case 'http':
      if (failure.status === 429 || failure.status === 503)
        return {
          kind: 'server_busy',
          message: 'The ERP is busy and asked to wait before sending again.',
        };
      if (failure.status === 426)
        return { kind: 'upgrade_required', message: 'The ERP needs a newer version of this app.' };
      if (failure.status >= 500)
        return {
          kind: 'server_error',
          message: `The ERP had an internal error (HTTP ${failure.status}). It will be retried.`,
        };
      return {
        kind: 'request_refused',
        message: `The ERP refused the request: ${failure.message}`,
      };
  }
}
