import type { HttpPort } from '@shared/sync';

/**
 * The sync transport's HTTP port over same-origin fetch, as the browser host's `erp:request`
 * does it: the serving process forwards /erp/* to the ERP and adds the token. Kept here rather
 * than going through the host so the bench measures the sync path, not the host's dispatcher.
 */
export const fetchHttpPort: HttpPort = async (request) => {
  const url = new URL(`/erp${request.path}`, window.location.origin);
  for (const [key, value] of Object.entries(request.query ?? {}))
    url.searchParams.append(key, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
      credentials: 'omit',
    });
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    return {
      ok: true,
      status: response.status,
      body: text === '' ? null : parseJson(text),
      retryAfterSeconds:
        retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null,
    };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, kind: timedOut ? 'timeout' : 'network', message: String(error) };
  }
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
