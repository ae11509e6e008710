import { z } from 'zod';
import { changesResponse, errorResponse, pushResponse } from '../erp/protocol';
import { validateChanges } from './entity-schemas';
import type { SyncTransport, TransportFailure, TransportResult } from './ports';

/** One HTTP exchange, as the host's `erp:request` or a test's fetch performs it. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export type HttpAnswer =
  /** `body`: parsed JSON, the raw text when it was not JSON (a cut body), null when empty. */
  | { ok: true; status: number; body: unknown; retryAfterSeconds: number | null }
  | { ok: false; kind: 'network' | 'timeout' | 'not_configured'; message: string };

export type HttpPort = (request: HttpRequest) => Promise<HttpAnswer>;

export const PUSH_PATH = '/sync/v1/push';
export const CHANGES_PATH = '/sync/v1/changes';

// The 409 body names the server's last seq, at the top level or inside `error`.
const lastSeqOf = (body: unknown): number | null => {
  const seq = z.number().int().nonnegative();
  const top = z.object({ lastSeq: seq }).safeParse(body);
  if (top.success) return top.data.lastSeq;
  const nested = z.object({ error: z.object({ lastSeq: seq }) }).safeParse(body);
  return nested.success ? nested.data.error.lastSeq : null;
};

/**
 * Contract 2 over any HTTP port. Every answer is checked against the shared wire schemas here,
 * so the engine only ever sees typed values or typed failures.
 */
export function createHttpSyncTransport(http: HttpPort, timeoutMs = 30_000): SyncTransport {
  return {
    async push(request) {
      const answer = await http({ method: 'POST', path: PUSH_PATH, body: request, timeoutMs });
      return interpret(answer, (body) => parseWith(pushResponse, body, 'push response'));
    },
    async pullChanges(cursor, limit) {
      const query: Record<string, string> = { limit: String(limit) };
      if (cursor !== null) query['cursor'] = cursor;
      const answer = await http({ method: 'GET', path: CHANGES_PATH, query, timeoutMs });
      return interpret(answer, (body) => {
        const parsed = parseWith(changesResponse, body, 'changes response');
        if (!parsed.ok) return parsed;
        const invalid = validateChanges(parsed.value.changes);
        return invalid === null ? parsed : malformed(`changes response: ${invalid}`);
      });
    },
  };
}

function interpret<T>(
  answer: HttpAnswer,
  parse: (body: unknown) => TransportResult<T>,
): TransportResult<T> {
  if (!answer.ok) return { ok: false, failure: { kind: answer.kind, message: answer.message } };
  const { status, body } = answer;
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
        retryAfterMs: answer.retryAfterSeconds === null ? null : answer.retryAfterSeconds * 1000,
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
