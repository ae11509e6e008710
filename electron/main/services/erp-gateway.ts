import type { ParsedRequestInput } from '@shared/host/request-schemas';
import { fail, ok, type HostResult } from '@shared/host/result';
import { isAcceptableErpUrl, type ErpResponse } from '@shared/host/schemas';
import { createSecretRedactor, type SecretRedactor } from './secret-redactor';

/** The subset of fetch the gateway needs; Electron's net.fetch in production. */
export type FetchPort = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    redirect: 'error';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface ErpGatewayOptions {
  fetch: FetchPort;
  /** Read on every request, so a settings change applies without a restart. */
  baseUrl: () => string | null | Promise<string | null>;
  token: () => Promise<string | null>;
  now?: () => number;
  defaultTimeoutMs?: number;
}

export interface ErpGateway {
  request(request: ParsedRequestInput<'erp:request'>): Promise<HostResult<ErpResponse>>;
}

/**
 * Every ERP call goes through main: the token never reaches the renderer, and net.fetch uses the
 * system proxy and certificate store. HTTP errors are answers (the sync engine needs 409, 410,
 * 429…); only a request that got no answer at all is an error value.
 */
export function createErpGateway(options: ErpGatewayOptions): ErpGateway {
  const now = options.now ?? Date.now;
  return {
    async request(request) {
      const base = await options.baseUrl();
      if (base === null) return fail('erp_not_configured', 'No ERP address is configured');
      // Settings were validated when saved; checked again because this is where the token leaves.
      if (!isAcceptableErpUrl(base)) {
        return fail('erp_not_configured', 'The configured ERP address is not allowed');
      }
      const url = buildUrl(base, request.path, request.query);
      const token = await options.token();
      const secret = createSecretRedactor(token);
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      let body: string | undefined;
      if (request.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(request.body);
      }
      const timeoutMs = request.timeoutMs ?? options.defaultTimeoutMs ?? 30_000;
      try {
        // redirect: 'error' — a redirect could carry the bearer token to another host.
        const response = await options.fetch(url, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
        const text = await response.text();
        return ok({
          status: response.status,
          body: parseBody(text, secret),
          retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), now()),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return fail(
          'erp_unreachable',
          timedOut
            ? `The ERP did not answer within ${Math.round(timeoutMs / 1000)} s`
            : `The ERP could not be reached: ${secret.redact(error instanceof Error ? error.message : String(error))}`,
        );
      }
    },
  };
}

function buildUrl(base: string, path: string, query: Record<string, string> | undefined): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.append(key, value);
  return url.toString();
}

/** The answer for the renderer: never with the token in it, even if the ERP echoed it. */
function parseBody(text: string, secret: SecretRedactor): unknown {
  if (text === '') return null;
  const hides = secret.mayHide(text);
  try {
    return JSON.parse(text, hides ? secret.reviver : undefined) as unknown;
  } catch {
    return hides ? secret.redact(text) : text;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
