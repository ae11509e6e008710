import { z } from 'zod';
import { changesResponse, errorResponse, pushResponse, type PushRequest } from '../erp/protocol';
import type { HostBridge } from '../host/contract';
import type { HostResult } from '../host/result';
import type { ErpResponse } from '../host/schemas';
import { validateChanges } from './entity-schemas';
import type { SyncTransport, TransportFailure, TransportResult } from './ports';

/**
 * Contract 2 as the host offers it: one call per endpoint, the address and token chosen by the
 * host. In the renderer these are the `erp:push` / `erp:changes` channels; the fault suite calls
 * main's own handlers over a real network, so both run the code that ships.
 */
export interface ErpPort {
  push(request: PushRequest): Promise<HostResult<ErpResponse>>;
  changes(query: { cursor: string | null; limit: number }): Promise<HostResult<ErpResponse>>;
}

export function hostErpPort(host: Pick<HostBridge, 'request'>): ErpPort {
  return {
    push: (request) => host.request('erp:push', request),
    changes: (query) => host.request('erp:changes', query),
  };
}

// The 409 body names the server's last seq, at the top level or inside `error`.
const lastSeqOf = (body: unknown): number | null => {
  const seq = z.number().int().nonnegative();
  const top = z.object({ lastSeq: seq }).safeParse(body);
  if (top.success) return top.data.lastSeq;
  const nested = z.object({ error: z.object({ lastSeq: seq }) }).safeParse(body);
  return nested.success ? nested.data.error.lastSeq : null;
};

/**
 * The sync engine's transport over an ErpPort. Every answer is checked against the shared wire
 * schemas here, so the engine only ever sees typed values or typed failures.
 */
export function createErpSyncTransport(port: ErpPort): SyncTransport {
  return {
    async push(request) {
      const answer = await port.push(request);
      if (!answer.ok && answer.error.code === 'invalid_input') {
        // The host refused the body itself (e.g. over its size bound): sending it again cannot
        // help, so answer as the ERP would (413) and let push halve the batch until the one
        // command at fault stands alone and is set aside with the host's message.
        const { code, message } = answer.error;
        return {
          ok: false,
          failure: { kind: 'http', status: 413, retryAfterMs: null, code, message },
        };
      }
      return interpret(answer, (body) => parseWith(pushResponse, body, 'push response'));
    },
    async pullChanges(cursor, limit) {
      const answer = await port.changes({ cursor, limit });
      return interpret(answer, (body) => {
        const parsed = parseWith(changesResponse, body, 'changes response');
        if (!parsed.ok) return parsed;
        const invalid = validateChanges(parsed.value.changes);
        return invalid === null ? parsed : malformed(`changes response: ${invalid}`);
      });
    },
  };
}

/** A request that got no answer, by the host's error code (the same in both hosts). */
export function failureOfHostError(code: string, message: string): TransportFailure {
  switch (code) {
    case 'erp_not_configured':
      return { kind: 'not_configured', message };
    case 'erp_timeout':
      return { kind: 'timeout', message };
    case 'erp_tls':
      return { kind: 'tls', message };
    case 'erp_redirected':
      return { kind: 'redirected', message };
    default:
      // erp_unreachable, and anything the host could not do (it is retried like a lost answer).
      return { kind: 'network', message };
  }
}

function interpret<T>(
  answer: HostResult<ErpResponse>,
  parse: (body: unknown) => TransportResult<T>,
): TransportResult<T> {
  if (!answer.ok) {
    return { ok: false, failure: failureOfHostError(answer.error.code, answer.error.message) };
  }
  const { status, body, retryAfterSeconds } = answer.value;
  if (status === 200) return parse(body);
  const error = errorResponse.safeParse(body);
  const message = error.success ? error.data.error.message : `HTTP ${status}`;
  const fail = (failure: TransportFailure): TransportResult<T> => ({ ok: false, failure });
  switch (status) {
    case 401:
      return fail({ kind: 'unauthorized', message });
    case 410:
      return fail({ kind: 'cursor_expired', message });
    case 409: {
      const lastSeq = lastSeqOf(body);
      if (lastSeq === null) return malformed('409 without lastSeq');
      return fail({ kind: 'gap', lastSeq, message });
    }
    default:
      return fail({
        kind: 'http',
        status,
        retryAfterMs: retryAfterSeconds === null ? null : retryAfterSeconds * 1000,
        code: error.success ? error.data.error.code : `http_${status}`,
        message,
      });
  }
}

function parseWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
): TransportResult<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return malformed(`${what}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
}

function malformed<T>(message: string): TransportResult<T> {
  return { ok: false, failure: { kind: 'malformed', message } };
}
