import type { RedmineMapping } from '@shared/erp/redmine/mapping';
import type { RedmineWrite } from '@shared/erp/redmine/push/push-context';
import { describeFetchFailure } from '@shared/host/erp-failure';
import { fail, ok, type HostResult } from '@shared/host/result';
import { isAcceptableErpUrl } from '@shared/host/schemas';
import { buildUrl, parseBody, parseRetryAfter, type FetchPort } from '../erp-gateway';
import { createSecretRedactor } from '../secret-redactor';

/** One Redmine as Settings configure it: the API key belongs to this address's origin only. */
export interface RedmineEndpoint {
  baseUrl: string;
  apiKey: string | null;
  mapping: RedmineMapping;
}

/** Redmine's answer: HTTP errors are answers (422, 401, 404 mean things), as in the gateway. */
export interface RedmineAnswer {
  status: number;
  /** Parsed JSON, the text when it was not JSON, null when empty; never with the key in it. */
  body: unknown;
  /** Redmine's clock (the Date header, to the second), ISO; null when it sent none. */
  serverDate: string | null;
  retryAfterSeconds: number | null;
}

export interface RedmineHttp {
  get(path: string, query?: Record<string, string>): Promise<HostResult<RedmineAnswer>>;
  /** A write the pure planners made (`shared/erp/redmine/push`), sent as JSON exactly as planned. */
  write(write: RedmineWrite): Promise<HostResult<RedmineAnswer>>;
}

export interface RedmineHttpOptions {
  fetch: FetchPort;
  endpoint: RedmineEndpoint;
  now: () => number;
  timeoutMs?: number;
}

/**
 * Redmine's REST API at one endpoint, bound for one operation (a pull page, a push), so a settings
 * change never mixes two Redmines in one answer. The same rules as the contract-2 gateway: the key
 * travels only to the configured address (X-Redmine-API-Key), never through a redirect, and is
 * scrubbed from whatever comes back (`/users/current.json` even returns it in the body).
 */
export function createRedmineHttp(options: RedmineHttpOptions): RedmineHttp {
  const { endpoint } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secret = createSecretRedactor(endpoint.apiKey);

  async function exchange(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    query: Record<string, string> | undefined,
    body: Record<string, unknown> | undefined,
  ): Promise<HostResult<RedmineAnswer>> {
    if (!isAcceptableErpUrl(endpoint.baseUrl)) {
      return fail('erp_not_configured', 'The configured Redmine address is not allowed');
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (endpoint.apiKey !== null) headers['X-Redmine-API-Key'] = endpoint.apiKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await options.fetch(buildUrl(endpoint.baseUrl, path, query), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      return ok({
        status: response.status,
        body: parseBody(await response.text(), secret),
        serverDate: httpDateToIso(response.headers.get('date')),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), options.now()),
      });
    } catch (error) {
      const failure = describeFetchFailure(error, timeoutMs);
      return fail(failure.code, secret.redact(failure.message));
    }
  }

  return {
    get: (path, query) => exchange('GET', path, query, undefined),
    write: ({ method, path, body }) => exchange(method, path, undefined, body),
  };
}

function httpDateToIso(header: string | null): string | null {
  if (header === null) return null;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}
