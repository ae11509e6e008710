/**
 * Every host request answers with a value, never a thrown error: an exception cannot cross the
 * IPC boundary with its type intact, and a rejected promise in the renderer is easy to forget.
 */
export type HostErrorCode =
  /** The payload failed the channel's schema; the handler never ran. */
  | 'invalid_input'
  /** The channel is not in the allowlist. */
  | 'unknown_channel'
  /** The request came from a frame that is not the app's own top-level page. */
  | 'forbidden_sender'
  /** No ERP address is configured yet. */
  | 'erp_not_configured'
  /** The ERP could not be reached: refused, reset, DNS, a body cut short. */
  | 'erp_unreachable'
  /** The ERP did not answer within the host's time limit (it may still have committed). */
  | 'erp_timeout'
  /** The TLS connection failed: an untrusted, expired or mismatched certificate, or not TLS. */
  | 'erp_tls'
  /** The ERP answered with a redirect, which is never followed (it could carry the token away). */
  | 'erp_redirected'
  /** The OS offers no protected storage, so a secret is not stored in plain text. */
  | 'secure_storage_unavailable'
  /** Something failed inside the host; details are in the host's log, not in the message. */
  | 'internal';

export interface HostError {
  code: HostErrorCode;
  message: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: HostErrorCode, message: string): HostResult<T> {
  return { ok: false, error: { code, message } };
}
