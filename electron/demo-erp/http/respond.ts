import type { ServerResponse } from 'node:http';
import type { HttpError } from './http-error';

export interface SendOptions {
  headers?: Record<string, string>;
  /** Fault injection: announce the full length, send half, then cut the connection. */
  truncate?: boolean;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: SendOptions = {},
): void {
  sendJsonText(res, status, JSON.stringify(body), options);
}

/** Sends a body that is JSON text already (the changes feed builds its own). */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  json: string,
  options: SendOptions = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(json, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    ...options.headers,
  });
  if (options.truncate) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}

export function sendError(res: ServerResponse, error: HttpError, truncate = false): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message }, ...error.extra },
    { headers: error.headers, truncate },
  );
}
