import { ERP_PATHS, type PushRequest } from '@shared/erp/protocol';
import { describeFetchFailure } from '@shared/host/erp-failure';
import { fail, ok, type HostResult } from '@shared/host/result';
import { isAcceptableErpUrl, type ErpResponse } from '@shared/host/schemas';
import { createSecretRedactor, type SecretRedactor } from './secret-redactor';

/** The subset of fetch the gateway needs; Electron's net.fetch in production. */
export type FetchPort = (
  url: string,
  init: {
    method: 'GET' | 'POST';
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

/** Where the ERP is and the credential for it; the token only ever belongs to this address. */
export interface ErpEndpoint {
  baseUrl: string;
  token: string | null;
}

export interface ErpGatewayOptions {
  fetch: FetchPort;
  /** Read on every request, so a settings change applies without a restart; null: no ERP. */
  endpoint: () => Promise<ErpEndpoint | null>;
  now?: () => number;
  timeoutMs?: number;
}

/** Contract 2, one method per endpoint: the renderer names an operation, never a URL. */
export interface ErpGateway {
  session(): Promise<HostResult<ErpResponse>>;
  push(request: PushRequest): Promise<HostResult<ErpResponse>>;
  changes(query: { cursor: string | null; limit: number }): Promise<HostResult<ErpResponse>>;
}

interface Exchange {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * Every ERP call goes through the host: the token never reaches the renderer, and net.fetch uses
 * the system proxy and certificate store. HTTP errors are answers (the sync engine needs 409,
 * 410, 429…); only a request that got no answer at all is an error value, with a code that says
 * why (timeout, TLS, redirect, unreachable) the same way in both hosts.
 */
export function createErpGateway(options: ErpGatewayOptions): ErpGateway {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function exchange({ method, path, query, body }: Exchange) {
    const endpoint = await options.endpoint();
    if (endpoint === null) return fail('erp_not_configured', 'No ERP address is configured');
    // Settings were validated when saved; checked again because this is where the token leaves.
    if (!isAcceptableErpUrl(endpoint.baseUrl)) {
      return fail('erp_not_configured', 'The configured ERP address is not allowed');
    }
    const url = buildUrl(endpoint.baseUrl, path, query);
    const secret = createSecretRedactor(endpoint.token);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (endpoint.token !== null) headers['Authorization'] = `Bearer ${endpoint.token}`;
    let text: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      text = JSON.stringify(body);
    }
    try {
      // redirect: 'error' — a redirect could carry the bearer token to another host.
      const response = await options.fetch(url, {
        method,
        headers,
        ...(text === undefined ? {} : { body: text }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      const answer = await response.text();
      return ok({
        status: response.status,
        body: parseBody(answer, secret),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), now()),
      });
    } catch (error) {
      const failure = describeFetchFailure(error, timeoutMs);
      return fail(failure.code, secret.redact(failure.message));
    }
  }

  return {
    session: () => exchange({ method: 'GET', path: ERP_PATHS.session }),
    push: (request) => exchange({ method: 'POST', path: ERP_PATHS.push, body: request }),
    changes: ({ cursor, limit }) =>
      exchange({
        method: 'GET',
        path: ERP_PATHS.changes,
        query: { limit: String(limit), ...(cursor === null ? {} : { cursor }) },
      }),
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
