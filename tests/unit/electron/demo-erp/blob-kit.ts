import { createHash } from 'node:crypto';
import { BLOB_PART_BYTES, partCount, type BlobUploadStatus } from '@shared/erp/blobs';
import { VIA_PRISM } from '../../../fixtures/prism-proxy';
import { TOKEN, type Answer, type ErrorAnswer } from './erp-test-kit';

/* Binary requests of the blob endpoints (contract 2, "Blobs"), as a client sends them. */

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * `length` bytes that differ from part to part (so a part stored in the wrong place shows). Behind
 * Prism they are printable ASCII: its proxy forwards a request body as UTF-8 text, so any other
 * byte would arrive as U+FFFD (300 random bytes become 546). The direct run sends every byte value.
 */
export function fileBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = VIA_PRISM ? 0x20 + ((state >>> 24) % 95) : state >>> 24;
  }
  return bytes;
}

export function partOf(bytes: Uint8Array, index: number): Uint8Array {
  return bytes.subarray(index * BLOB_PART_BYTES, (index + 1) * BLOB_PART_BYTES);
}

function checked(response: Response, url: string): Response {
  const violations = response.headers.get('sl-violations');
  if (violations !== null) {
    throw new Error(`Prism: ${url} answered outside docs/erp-openapi.json: ${violations}`);
  }
  return response;
}

const auth = (token: string | null): Record<string, string> =>
  token === null ? {} : { Authorization: `Bearer ${token}` };

export async function putPart(
  url: string,
  sha256: string,
  query: { part: number; parts: number; size: number },
  body: Uint8Array,
  token: string | null = TOKEN,
): Promise<Answer<BlobUploadStatus & ErrorAnswer & { maxBytes?: number }>> {
  const target = `${url}/sync/v1/blobs/${sha256}?part=${query.part}&parts=${query.parts}&size=${query.size}`;
  const response = checked(
    await fetch(target, {
      method: 'PUT',
      headers: { ...auth(token), 'Content-Type': 'application/octet-stream' },
      // A copy on its own ArrayBuffer: what fetch's types accept.
      body: new Uint8Array(body),
    }),
    target,
  );
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Sends every part of `bytes` (or only `only`), in order; the answer to the last one sent. */
export async function upload(
  url: string,
  bytes: Uint8Array,
  options: { token?: string; only?: number[] } = {},
) {
  const sha256 = sha256Of(bytes);
  const parts = partCount(bytes.length);
  let last;
  for (const part of options.only ?? Array.from({ length: parts }, (_, i) => i)) {
    last = await putPart(
      url,
      sha256,
      { part, parts, size: bytes.length },
      partOf(bytes, part),
      options.token ?? TOKEN,
    );
  }
  if (!last) throw new Error('upload: no part to send');
  return last;
}

export async function getParts(
  url: string,
  sha256: string,
): Promise<Answer<BlobUploadStatus & ErrorAnswer>> {
  const target = `${url}/sync/v1/blobs/${sha256}/parts`;
  const response = checked(await fetch(target, { headers: auth(TOKEN) }), target);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The blob's bytes (on 200/206) or its JSON error. */
export async function getBlob(
  url: string,
  sha256: string,
  range?: string,
): Promise<{ status: number; bytes: Uint8Array; error: ErrorAnswer | null; headers: Headers }> {
  const target = `${url}/sync/v1/blobs/${sha256}`;
  const response = checked(
    await fetch(target, { headers: { ...auth(TOKEN), ...(range ? { Range: range } : {}) } }),
    target,
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return {
    status: response.status,
    bytes,
    error: isJson ? (JSON.parse(new TextDecoder().decode(bytes)) as ErrorAnswer) : null,
    headers: response.headers,
  };
}
