import { z } from 'zod';
import { redmineMapping } from '@shared/erp/redmine/mapping';
import { describeFetchFailure } from '@shared/host/erp-failure';
import { fail, type HostErrorCode, type HostResult } from '@shared/host/result';
import {
  ERP_KINDS,
  ERP_MODES,
  type ErpBlobGetInput,
  type ErpBlobPutInput,
  type ErpBlobResponse,
  type ErpCheckInput,
  type ErpResponse,
  type ErpSettingsChange,
  type ErpTokenStatus,
} from '@shared/host/schemas';
import type { ErpBlobPort } from '@shared/sync/blob-transport';
import type { ErpPort } from '@shared/sync/erp-transport';

/*
 * The browser host's counterpart of main: the process that serves the page (electron/dev/
 * serving-host) runs main's ERP gateway, keeps the ERP token in its memory bound to the ERP's
 * origin, and answers the ERP channels with the same values and error codes main does. The page
 * sends the token there once and keeps nothing but the answer "a token is set".
 */

const HOST_PREFIX = '/host';
const TIMEOUT_MS = 5_000;
// The serving process waits up to 30 s for the ERP; the page waits a little longer for it.
const ERP_TIMEOUT_MS = 35_000;

const tokenStatusSchema = z.strictObject({
  present: z.boolean(),
  origin: z.string().max(2048).nullable(),
  savedAt: z.string().max(64).nullable(),
});
const servedErpSchema = z.strictObject({
  mode: z.enum(ERP_MODES),
  /** The configured address (mode configured), null otherwise. */
  baseUrl: z.string().max(2048).nullable(),
  kind: z.enum(ERP_KINDS),
  redmineMapping: redmineMapping,
  /** Where requests go now, as the user may see it (the demo's too); null: nowhere. */
  url: z.string().max(2048).nullable(),
  tokenPresent: z.boolean(),
});
export type ServedErpState = z.output<typeof servedErpSchema>;

const erpResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    value: z.strictObject({
      status: z.number().int().min(100).max(599),
      body: z.unknown(),
      retryAfterSeconds: z.number().nonnegative().nullable(),
    }),
  }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({ code: z.string().max(64), message: z.string().max(10_000) }),
  }),
]);

export type ServerAnswer<T> =
  | { ok: true; value: T }
  /** `status`: the serving process's HTTP status, null when it could not be reached. */
  | { ok: false; message: string; status: number | null };

async function call<T>(
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  timeoutMs = TIMEOUT_MS,
): Promise<ServerAnswer<T>> {
  const response = await fetch(`${HOST_PREFIX}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
    credentials: 'omit',
    cache: 'no-store',
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ error: z.string() }).safeParse(json);
    return {
      ok: false,
      message: message.success ? message.data.error : `HTTP ${response.status}`,
      status: response.status,
    };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `unexpected answer from ${path}`, status: response.status };
}

async function callOrExplain<T>(...args: Parameters<typeof call<T>>): Promise<ServerAnswer<T>> {
  try {
    return await call(...args);
  } catch (error) {
    return {
      ok: false,
      message: `the serving process could not be reached: ${String(error)}`,
      status: null,
    };
  }
}

/** The token arrives validated by the dispatcher; null clears it. */
export function putErpToken(token: string | null): Promise<ServerAnswer<ErpTokenStatus>> {
  return token === null
    ? callOrExplain('DELETE', '/erp-token', tokenStatusSchema)
    : callOrExplain('PUT', '/erp-token', tokenStatusSchema, { token });
}

export function getErpTokenStatus(): Promise<ServerAnswer<ErpTokenStatus>> {
  return callOrExplain('GET', '/erp-token', tokenStatusSchema);
}

/** Which ERP the serving process talks to: the choice (as in main's settings) and its address. */
export function getServedErp(): Promise<ServerAnswer<ServedErpState>> {
  return callOrExplain('GET', '/erp', servedErpSchema);
}

/** Changes the ERP the serving process talks to; a new origin or kind drops the token there. */
export function putServedErp(choice: ErpSettingsChange): Promise<ServerAnswer<ServedErpState>> {
  return callOrExplain('PUT', '/erp', servedErpSchema, choice);
}

/**
 * One contract-2 exchange through the serving process. Its answer is main's HostResult; a
 * serving process that cannot be reached, or does not answer in time, gives the codes main
 * gives for an ERP it cannot reach.
 */
async function erpCall(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<HostResult<ErpResponse>> {
  let answer: ServerAnswer<z.output<typeof erpResultSchema>>;
  try {
    answer = await call(method, path, erpResultSchema, body, ERP_TIMEOUT_MS);
  } catch (error) {
    const failure = describeFetchFailure(error, ERP_TIMEOUT_MS);
    return fail(failure.code, failure.message);
  }
  if (!answer.ok) return fail('erp_unreachable', `The serving process refused: ${answer.message}`);
  const result = answer.value;
  return result.ok ? result : fail(result.error.code as HostErrorCode, result.error.message);
}

export function servedErpSession(): Promise<HostResult<ErpResponse>> {
  return erpCall('GET', '/erp/session');
}

/** «Проверить подключение»: the session endpoint at an address not saved yet. */
export function servedErpCheck(candidate: ErpCheckInput): Promise<HostResult<ErpResponse>> {
  return erpCall('POST', '/erp/check', candidate);
}

/** The ERP channels of the browser host (and of the sync benchmark's page). */
export const servedErpPort: ErpPort = {
  push: (request) => erpCall('POST', '/erp/push', request),
  changes: (query) => erpCall('POST', '/erp/changes', query),
};

const blobErrorResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    value: z.strictObject({
      status: z.number().int().min(100).max(599),
      bytes: z.null(),
      contentRange: z.null(),
      body: z.unknown(),
    }),
  }),
  erpResultSchema.options[1],
]);

/** A part's bytes go as the body, raw; its numbers in the query (see serving-host/index.ts). */
async function putBlobPart(input: ErpBlobPutInput): Promise<HostResult<ErpResponse>> {
  const query = new URLSearchParams({
    sha256: input.sha256,
    part: String(input.part),
    parts: String(input.parts),
    size: String(input.size),
  });
  return exchangeOrExplain(async () => {
    const response = await fetch(`${HOST_PREFIX}/erp/blob-part?${query.toString()}`, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: input.bytes.slice(),
      signal: AbortSignal.timeout(ERP_TIMEOUT_MS),
      ...FETCH_DEFAULTS,
    });
    return readResult(response, erpResultSchema);
  });
}

/** The bytes arrive raw with the ERP's status in headers; an answer without bytes is JSON. */
async function getBlob(input: ErpBlobGetInput): Promise<HostResult<ErpBlobResponse>> {
  return exchangeOrExplain(async () => {
    const response = await fetch(`${HOST_PREFIX}/erp/blob-get`, {
      method: 'POST',
      headers: {
        Accept: 'application/octet-stream, application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(ERP_TIMEOUT_MS),
      ...FETCH_DEFAULTS,
    });
    const status = Number(response.headers.get('x-erp-status'));
    if (
      response.ok &&
      /^application\/octet-stream\b/.test(response.headers.get('content-type') ?? '')
    ) {
      if (!Number.isInteger(status) || status < 200 || status > 299) {
        return fail('erp_unreachable', 'The serving process sent bytes without the ERP status');
      }
      return {
        ok: true,
        value: {
          status,
          bytes: new Uint8Array(await response.arrayBuffer()),
          contentRange: response.headers.get('x-erp-content-range'),
          body: null,
        },
      };
    }
    return readResult(response, blobErrorResultSchema);
  });
}

const FETCH_DEFAULTS = {
  redirect: 'error',
  credentials: 'omit',
  cache: 'no-store',
} as const;

async function exchangeOrExplain<T>(
  exchange: () => Promise<HostResult<T>>,
): Promise<HostResult<T>> {
  try {
    return await exchange();
  } catch (error) {
    const failure = describeFetchFailure(error, ERP_TIMEOUT_MS);
    return fail(failure.code, failure.message);
  }
}

async function readResult<T>(
  response: Response,
  schema: z.ZodType<
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
  >,
): Promise<HostResult<T>> {
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ error: z.string() }).safeParse(json);
    const why = message.success ? message.data.error : `HTTP ${response.status}`;
    return fail('erp_unreachable', `The serving process refused: ${why}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail('erp_unreachable', 'The serving process answered unexpectedly');
  const result = parsed.data;
  return result.ok ? result : fail(result.error.code as HostErrorCode, result.error.message);
}

/** The blob channels of the browser host. */
export const servedBlobPort: ErpBlobPort = {
  parts: (sha256) => erpCall('POST', '/erp/blob-parts', { sha256 }),
  put: putBlobPart,
  get: getBlob,
};
