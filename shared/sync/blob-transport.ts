import { blobUploadStatus, type BlobUploadStatus } from '../erp/blobs';
import { errorResponse } from '../erp/protocol';
import type { HostBridge } from '../host/contract';
import type { HostResult } from '../host/result';
import type {
  ErpBlobGetInput,
  ErpBlobPutInput,
  ErpBlobResponse,
  ErpResponse,
} from '../host/schemas';
import { failureOfHostError } from './erp-transport';
import type { TransportFailure, TransportResult } from './ports';

/**
 * The blob endpoints of contract 2 as the host offers them (`erp:blob-parts`, `erp:blob-put`,
 * `erp:blob-get`): the address, method, path and token are the host's.
 */
export interface ErpBlobPort {
  parts(sha256: string): Promise<HostResult<ErpResponse>>;
  put(input: ErpBlobPutInput): Promise<HostResult<ErpResponse>>;
  get(input: ErpBlobGetInput): Promise<HostResult<ErpBlobResponse>>;
}

export function hostBlobPort(host: Pick<HostBridge, 'request'>): ErpBlobPort {
  return {
    parts: (sha256) => host.request('erp:blob-parts', { sha256 }),
    put: (input) => host.request('erp:blob-put', input),
    get: (input) => host.request('erp:blob-get', input),
  };
}

/** A stretch of a blob's content and the blob's whole size (from Content-Range, or the length). */
export interface BlobBytes {
  bytes: Uint8Array;
  total: number;
}

/** The blob endpoints with every answer checked: typed values or typed failures, never raw bodies. */
export interface BlobTransport {
  /** What the ERP holds of the blob; null when nothing of it arrived (404 `blob_unknown`). */
  status(sha256: string): Promise<TransportResult<BlobUploadStatus | null>>;
  putPart(input: ErpBlobPutInput): Promise<TransportResult<BlobUploadStatus>>;
  /** Bytes `start..end` inclusive; null when the ERP has no complete blob by that hash. */
  read(sha256: string, start: number, end: number): Promise<TransportResult<BlobBytes | null>>;
}

export function createBlobTransport(port: ErpBlobPort): BlobTransport {
  return {
    async status(sha256) {
      const answer = await port.parts(sha256);
      if (
        answer.ok &&
        answer.value.status === 404 &&
        codeOf(answer.value.body) === 'blob_unknown'
      ) {
        return { ok: true, value: null };
      }
      return interpretStatus(answer, sha256);
    },
    async putPart(input) {
      const answer = await port.put(input);
      if (!answer.ok && answer.error.code === 'invalid_input') {
        // The host refused the part itself: sending it again cannot help (a permanent refusal).
        return httpFailure(400, 'blob_part_invalid', answer.error.message);
      }
      return interpretStatus(answer, input.sha256);
    },
    async read(sha256, start, end) {
      const answer = await port.get({ sha256, start, end });
      if (!answer.ok) return hostFailure(answer.error.code, answer.error.message);
      const { status, bytes, contentRange, body } = answer.value;
      if (status === 404 && codeOf(body) === 'blob_unknown') return { ok: true, value: null };
      if ((status === 200 || status === 206) && bytes !== null) {
        const total = status === 206 ? totalOf(contentRange) : bytes.byteLength;
        if (total === null) return malformed(`blob ${sha256}: 206 without a usable Content-Range`);
        const expected = Math.min(end, total - 1) - start + 1;
        const fromStart = status === 200 ? bytes.subarray(start, end + 1) : bytes;
        if (fromStart.byteLength !== expected) {
          return malformed(
            `blob ${sha256}: ${fromStart.byteLength} bytes where ${expected} were asked`,
          );
        }
        return { ok: true, value: { bytes: fromStart, total } };
      }
      return httpAnswer(status, body, null);
    },
  };
}

function interpretStatus(
  answer: HostResult<ErpResponse>,
  sha256: string,
): TransportResult<BlobUploadStatus> {
  if (!answer.ok) return hostFailure(answer.error.code, answer.error.message);
  const { status, body, retryAfterSeconds } = answer.value;
  if (status !== 200) return httpAnswer(status, body, retryAfterSeconds);
  const parsed = blobUploadStatus.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return malformed(`blob status: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`);
  }
  if (parsed.data.sha256 !== sha256) {
    return malformed(`blob status names ${parsed.data.sha256}, not the blob asked for`);
  }
  return { ok: true, value: parsed.data };
}

function httpAnswer<T>(
  status: number,
  body: unknown,
  retryAfterSeconds: number | null,
): TransportResult<T> {
  if (status === 401) {
    return { ok: false, failure: { kind: 'unauthorized', message: messageOf(body, status) } };
  }
  return httpFailure(status, codeOf(body) ?? `http_${status}`, messageOf(body, status), {
    retryAfterMs: retryAfterSeconds === null ? null : retryAfterSeconds * 1000,
  });
}

function httpFailure<T>(
  status: number,
  code: string,
  message: string,
  { retryAfterMs = null }: { retryAfterMs?: number | null } = {},
): TransportResult<T> {
  return { ok: false, failure: { kind: 'http', status, retryAfterMs, code, message } };
}

function hostFailure<T>(code: string, message: string): TransportResult<T> {
  return { ok: false, failure: failureOfHostError(code, message) };
}

function malformed<T>(message: string): TransportResult<T> {
  const failure: TransportFailure = { kind: 'malformed', message };
  return { ok: false, failure };
}

function codeOf(body: unknown): string | null {
  const error = errorResponse.safeParse(body);
  return error.success ? error.data.error.code : null;
}

function messageOf(body: unknown, status: number): string {
  const error = errorResponse.safeParse(body);
  return error.success ? error.data.error.message : `HTTP ${status}`;
}

/** The total of `bytes a-b/total`; null when absent, unknown (`*`) or not a number. */
function totalOf(contentRange: string | null): number | null {
  const match = /^bytes \d+-\d+\/(\d+)$/.exec(contentRange?.trim() ?? '');
  return match ? Number(match[1]) : null;
}
