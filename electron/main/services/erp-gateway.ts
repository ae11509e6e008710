import { BLOB_PATHS } from '@shared/erp/blobs';
import { ERP_PATHS, type PushRequest } from '@shared/erp/protocol';
import { describeFetchFailure } from '@shared/host/erp-failure';
import { fail, ok, type HostResult } from '@shared/host/result';
import {
  isAcceptableErpUrl,
  type ErpBlobGetInput,
  type ErpBlobPutInput,
  type ErpBlobResponse,
  type ErpResponse,
} from '@shared/host/schemas';
import { createSecretRedactor, type SecretRedactor } from './secret-redactor';

/** The subset of fetch the gateway needs; Electron's net.fetch in production. */
export type FetchPort = (
  url: string,
  init: {
    method: 'GET' | 'POST' | 'PUT';
    headers: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
    signal: AbortSignal;
    redirect: 'error';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
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
  blobParts(sha256: string): Promise<HostResult<ErpResponse>>;
  putBlobPart(input: ErpBlobPutInput): Promise<HostResult<ErpResponse>>;
  getBlob(input: ErpBlobGetInput): Promise<HostResult<ErpBlobResponse>>;
}

interface Exchange {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string>;
  /** JSON, or a blob part's bytes (sent as application/octet-stream). */
  body?: unknown;
  headers?: Record<string, string>;
}

interface RawAnswer {
  status: number;
  headers: { get(name: string): string | null };
  /** Reads the body as text or as bytes; whichever, once. */
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
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

  /** One request; `read` turns the answer into the value, inside the same timeout and redaction. */
  async function exchange<T>(
    { method, path, query, body, headers: extra }: Exchange,
    read: (answer: RawAnswer, secret: SecretRedactor) => Promise<T>,
  ): Promise<HostResult<T>> {
    const endpoint = await options.endpoint();
    if (endpoint === null) return fail('erp_not_configured', 'No ERP address is configured');
    // Settings were validated when saved; checked again because this is where the token leaves.
    if (!isAcceptableErpUrl(endpoint.baseUrl)) {
      return fail('erp_not_configured', 'The configured ERP address is not allowed');
    }
    const url = buildUrl(endpoint.baseUrl, path, query);
    const secret = createSecretRedactor(endpoint.token);
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (endpoint.token !== null) headers['Authorization'] = `Bearer ${endpoint.token}`;
    let sent: string | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof Uint8Array) {
      headers['Content-Type'] = 'application/octet-stream';
      sent = body as Uint8Array<ArrayBuffer>;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      sent = JSON.stringify(body);
    }
    try {
      // redirect: 'error' — a redirect could carry the bearer token to another host.
      const response = await options.fetch(url, {
        method,
        headers,
        ...(sent === undefined ? {} : { body: sent }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      return ok(await read(response, secret));
    } catch (error) {
      const failure = describeFetchFailure(error, timeoutMs);
      return fail(failure.code, secret.redact(failure.message));
    }
  }

  const json = async (response: RawAnswer, secret: SecretRedactor): Promise<ErpResponse> => ({
    status: response.status,
    body: parseBody(await response.text(), secret),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), now()),
  });

  // The content arrives as bytes only on 200/206; anything else is the ERP's JSON error.
  const content = async (response: RawAnswer, secret: SecretRedactor): Promise<ErpBlobResponse> =>
    response.status === 200 || response.status === 206
      ? {
          status: response.status,
          bytes: new Uint8Array(await response.arrayBuffer()),
          contentRange: response.headers.get('content-range'),
          body: null,
        }
      : {
          status: response.status,
          bytes: null,
          contentRange: null,
          body: parseBody(await response.text(), secret),
        };

  return {
    session: () => exchange({ method: 'GET', path: ERP_PATHS.session }, json),
    push: (request) => exchange({ method: 'POST', path: ERP_PATHS.push, body: request }, json),
    changes: ({ cursor, limit }) =>
      exchange(
        {
          method: 'GET',
          path: ERP_PATHS.changes,
          query: { limit: String(limit), ...(cursor === null ? {} : { cursor }) },
        },
        json,
      ),
    blobParts: (sha256) => exchange({ method: 'GET', path: BLOB_PATHS.parts(sha256) }, json),
    putBlobPart: ({ sha256, part, parts, size, bytes }) =>
      exchange(
        {
          method: 'PUT',
          path: BLOB_PATHS.blob(sha256),
          query: { part: String(part), parts: String(parts), size: String(size) },
          // Exactly the part's bytes, whatever larger buffer they arrived in.
          body: bytes.slice(),
        },
        json,
      ),
    getBlob: ({ sha256, start, end }) =>
      exchange(
        {
          method: 'GET',
          path: BLOB_PATHS.blob(sha256),
          headers: {
            Accept: 'application/octet-stream, application/json',
            ...(start === undefined ? {} : { Range: `bytes=${start}-${end ?? ''}` }),
          },
        },
        content,
      ),
  };
}

export function buildUrl(
  base: string,
  path: string,
  query: Record<string, string> | undefined,
): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.append(key, value);
  return url.toString();
}

/** The answer for the renderer: never with the token in it, even if the ERP echoed it. */
export function parseBody(text: string, secret: SecretRedactor): unknown {
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
