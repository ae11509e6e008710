import { z } from 'zod';

/*
 * The browser host's counterpart of main: the process that serves the page (electron/dev/
 * serve-web.mjs) keeps the ERP token in its memory and adds it to the /erp/* requests it forwards.
 * The page sends the token there once and keeps nothing but the answer "a token is set".
 */

const HOST_PREFIX = '/host';
const TIMEOUT_MS = 5_000;

const tokenStatusSchema = z.strictObject({ present: z.boolean() });
const erpEndpointSchema = z.strictObject({
  kind: z.enum(['demo', 'configured']),
  url: z.string().max(2048).nullable(),
  tokenPresent: z.boolean(),
});
export type ServedErpEndpoint = z.output<typeof erpEndpointSchema>;

export type ServerAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<ServerAnswer<T>> {
  try {
    const response = await fetch(`${HOST_PREFIX}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
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
      };
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: `unexpected answer from ${path}` };
  } catch (error) {
    return { ok: false, message: `the serving process could not be reached: ${String(error)}` };
  }
}

/** The token arrives validated by the dispatcher; null clears it. The answer says only whether one is set. */
export function putErpToken(token: string | null): Promise<ServerAnswer<{ present: boolean }>> {
  return token === null
    ? call('DELETE', '/erp-token', tokenStatusSchema)
    : call('PUT', '/erp-token', tokenStatusSchema, { token });
}

export function getErpTokenStatus(): Promise<ServerAnswer<{ present: boolean }>> {
  return call('GET', '/erp-token', tokenStatusSchema);
}

/** Which ERP the serving process forwards /erp/* to, as the user may see it. */
export function getErpEndpoint(): Promise<ServerAnswer<ServedErpEndpoint>> {
  return call('GET', '/erp', erpEndpointSchema);
}
