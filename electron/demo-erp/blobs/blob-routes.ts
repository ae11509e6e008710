import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { partCount, sha256Hex } from '../../../shared/erp/blobs';
import type { FaultControl } from '../faults';
import { ClientGoneError } from '../http/body';
import { HttpError } from '../http/http-error';
import { sendJson } from '../http/respond';
import type { BlobStore } from './blob-store';
import { partLength, type PartRequest } from './blob-store';
import { parseRange } from './byte-range';
import { wrongLength } from './part-body';

/*
 * The three blob endpoints of contract 2 (docs/erp-protocol.md, "Blobs"). The router has
 * authenticated the request and applied the injected delays and errors before these run.
 */

const wholeNumber = (name: string) =>
  z
    .string({ error: `query parameter ${name} is required` })
    .regex(/^\d{1,15}$/, `query parameter ${name} must be a whole number`)
    .transform(Number);

const partQuery = z.object({
  part: wholeNumber('part'),
  parts: wholeNumber('parts'),
  size: wholeNumber('size'),
});

export function parseSha256(segment: string): string {
  const parsed = sha256Hex.safeParse(segment);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', `blob path: ${parsed.error.issues[0]!.message}`);
  }
  return parsed.data;
}

/** The part's coordinates, checked against the protocol and the limit before any byte is read. */
function partRequestOf(url: URL, maxBlobBytes: number): PartRequest {
  const parsed = partQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    throw new HttpError(400, 'blob_part_invalid', parsed.error.issues[0]!.message);
  }
  const { part, parts, size } = parsed.data;
  if (size < 1) {
    throw new HttpError(400, 'blob_part_invalid', 'size must be at least 1 byte');
  }
  if (size > maxBlobBytes) {
    throw new HttpError(
      413,
      'blob_too_large',
      `the file is ${size} bytes; this server accepts files of at most ${maxBlobBytes} bytes`,
      { maxBytes: maxBlobBytes },
    );
  }
  if (parts !== partCount(size)) {
    throw new HttpError(
      400,
      'blob_part_invalid',
      `parts=${parts}, but a file of ${size} bytes travels in ${partCount(size)} part(s)`,
    );
  }
  if (part >= parts) {
    throw new HttpError(
      400,
      'blob_part_invalid',
      `part=${part} is out of range: parts are numbered 0 to ${parts - 1}`,
    );
  }
  return { part, parts, size };
}

export async function putBlobPart(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: { sha256: string; store: BlobStore; faults: FaultControl },
): Promise<void> {
  const { sha256, store, faults } = context;
  const request = partRequestOf(url, store.maxBlobBytes);
  const expected = partLength(request.part, request.size);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) !== expected) {
    throw wrongLength(request, Number(declared), expected);
  }
  if (faults.take('resetBeforeCommit', 'blobs')) {
    req.socket.destroy();
    return;
  }
  const status = await store.putPart(sha256, request, req);
  if (faults.take('resetAfterCommit', 'blobs')) {
    req.socket.destroy();
    return;
  }
  sendJson(res, 200, status, { truncate: faults.take('truncateResponse', 'blobs') });
}

export async function getBlobParts(
  res: ServerResponse,
  context: { sha256: string; store: BlobStore },
): Promise<void> {
  const status = await context.store.status(context.sha256);
  if (!status) throw blobUnknown(context.sha256, 'nothing of it has arrived');
  sendJson(res, 200, status);
}

export async function getBlob(
  req: IncomingMessage,
  res: ServerResponse,
  context: { sha256: string; store: BlobStore; faults: FaultControl },
): Promise<void> {
  const { sha256, store, faults } = context;
  const file = await store.complete(sha256);
  if (!file) throw blobUnknown(sha256, 'it is not on the server, or its upload is not complete');
  const range = parseRange(req.headers.range, file.size);
  const common = {
    'Accept-Ranges': 'bytes',
    ETag: `"${sha256}"`,
    'Cache-Control': 'no-store',
    // Bytes to save, not a page: a browser pointed at this URL must not guess a type and render it.
    'X-Content-Type-Options': 'nosniff',
  };
  if (range.kind === 'unsatisfiable') {
    throw new HttpError(
      416,
      'range_not_satisfiable',
      `range "${String(req.headers.range).slice(0, 60)}" is outside the blob's ${file.size} bytes`,
      {},
      { ...common, 'Content-Range': `bytes */${file.size}` },
    );
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : file.size - 1;
  const length = end - start + 1;
  res.writeHead(range.kind === 'part' ? 206 : 200, {
    ...common,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(length),
    ...(range.kind === 'part' ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  const truncate = faults.take('truncateResponse', 'blobs');
  const last = truncate ? start + Math.floor(length / 2) - 1 : end;
  try {
    if (last >= start) await pipeline(createReadStream(file.path, { start, end: last }), res);
  } catch (error) {
    throw new ClientGoneError(error instanceof Error ? error.message : String(error));
  }
  if (truncate) res.socket?.destroy();
}

function blobUnknown(sha256: string, why: string): HttpError {
  return new HttpError(404, 'blob_unknown', `blob ${sha256}: ${why}`);
}
