import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Thrown when the client went away mid-body: there is nobody left to answer. */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

/**
 * Reads and parses a JSON body of at most `maxBytes`. An oversized body is still drained (up to a
 * hard cap) before the 413 is sent, because a client that is still writing when the server
 * closes the socket sees a reset instead of the answer that tells it to send less.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Draining costs nothing but bandwidth (bytes past the limit are dropped), so the cap is high.
  const hardCap = Math.max(maxBytes * 4, 256 * 1024 * 1024);
  if (declared > hardCap) {
    req.socket.destroy();
    throw new ClientGoneError('request body far over the limit');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > hardCap) {
        req.socket.destroy();
        reject(new ClientGoneError('request body far over the limit'));
      } else if (total <= maxBytes) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve());
    req.on('aborted', () => reject(new ClientGoneError('the client aborted the request')));
    req.on('error', (error) => reject(new ClientGoneError(error.message)));
  });
  if (total > maxBytes) {
    throw new HttpError(
      413,
      'body_too_large',
      `request body: ${total} bytes, at most ${maxBytes} are accepted; push fewer commands at a time`,
      { maxBytes },
    );
  }
  if (total === 0) throw new HttpError(400, 'malformed_json', 'request body: empty, expected JSON');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'malformed_json', 'request body: not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'cannot be parsed';
    throw new HttpError(400, 'malformed_json', `request body: malformed JSON (${detail})`);
  }
}
