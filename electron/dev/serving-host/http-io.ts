import type { IncomingMessage, ServerResponse } from 'node:http';

/* The small HTTP plumbing of the serving process's host endpoints. */

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...HEADERS, ...extra }).end(JSON.stringify(body));
}

/** A refusal the page can show: `{ error: "…" }`. */
export class EndpointError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A page on another site must not use these endpoints: browsers send Origin on such writes and
 * Sec-Fetch-Site on every request, so a mismatch is refused (a JSON body also forces a CORS
 * preflight, which this server never grants).
 */
export function isCrossOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== `http://${request.headers.host ?? ''}`;
}

/** The JSON body, refusing a wrong type, an oversized body or text that is not JSON. */
export async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new EndpointError(415, 'Content-Type must be application/json');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  const text = declared > limit ? null : await readBody(request, limit);
  if (text === null) {
    throw new EndpointError(413, `body is over ${limit} bytes`, { Connection: 'close' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EndpointError(400, 'body is not valid JSON');
  }
}

/** A binary body (application/octet-stream) of at most `limit` bytes: a blob part. */
export async function readBytes(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/octet-stream\b/i.test(type)) {
    throw new EndpointError(415, 'Content-Type must be application/octet-stream');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  const bytes = declared > limit ? null : await readRaw(request, limit);
  if (bytes === null) {
    throw new EndpointError(413, `body is over ${limit} bytes`, { Connection: 'close' });
  }
  return bytes;
}

/** The body as text, or null when it is over the limit (the rest is read and dropped). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const bytes = await readRaw(request, limit);
  return bytes === null ? null : Buffer.from(bytes).toString('utf8');
}

function readRaw(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A blob's bytes with the ERP's status and range in headers (the page reads them back). */
export function sendBytes(
  response: ServerResponse,
  bytes: Uint8Array,
  erp: { status: number; contentRange: string | null },
): void {
  response
    .writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Erp-Status': String(erp.status),
      ...(erp.contentRange === null ? {} : { 'X-Erp-Content-Range': erp.contentRange }),
    })
    .end(bytes);
}

export function allowOnly(request: IncomingMessage, methods: readonly string[]): void {
  if (!methods.includes(request.method ?? '')) {
    throw new EndpointError(405, `only ${methods.join(', ').replace(/, (?=[^,]*$)/, ' and ')}`, {
      Allow: methods.join(', '),
    });
  }
}
