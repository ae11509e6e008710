import type { HostResult } from '../host/result';
import type { ErpRequest, ErpResponse } from '../host/schemas';
import type { HttpPort } from './http-transport';

/** `getHost().request('erp:request', …)` in the renderer: main adds the token and fetches. */
export type ErpRequestFn = (request: ErpRequest) => Promise<HostResult<ErpResponse>>;

/**
 * The sync transport's HTTP port over the host API (contract 3), so the engine in the renderer
 * reaches the ERP through main without ever holding the token. HTTP errors arrive as answers;
 * only "no answer at all" is an error value, which becomes a network failure here.
 */
export function createHostHttpPort(request: ErpRequestFn): HttpPort {
  return async ({ method, path, query, body, timeoutMs }) => {
    const result = await request({
      method,
      path,
      ...(query ? { query } : {}),
      ...(body === undefined ? {} : { body: body as ErpRequest['body'] }),
      // The host accepts 1 s … 120 s.
      timeoutMs: Math.min(120_000, Math.max(1_000, Math.round(timeoutMs))),
    });
    if (result.ok) {
      const { status, body: answer, retryAfterSeconds } = result.value;
      return { ok: true, status, body: answer, retryAfterSeconds };
    }
    const { code, message } = result.error;
    if (code === 'erp_not_configured') return { ok: false, kind: 'not_configured', message };
    // The host refused the request itself (e.g. a push body over its size bound): sending it
    // again cannot help, so answer as the ERP would (413) and let push halve the batch until the
    // one command at fault stands alone and is set aside with the host's message, instead of
    // retrying forever.
    if (code === 'invalid_input' && body !== undefined) {
      return {
        ok: true,
        status: 413,
        body: { error: { code, message } },
        retryAfterSeconds: null,
      };
    }
    // The gateway words a timeout this way; both are retried alike, only the status differs.
    const timedOut = code === 'erp_unreachable' && /did not answer/i.test(message);
    return { ok: false, kind: timedOut ? 'timeout' : 'network', message };
  };
}
