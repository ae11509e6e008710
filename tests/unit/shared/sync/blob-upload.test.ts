import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOB_PART_BYTES, partCount } from '../../../../shared/erp/blobs';
import { fail, ok } from '../../../../shared/host/result';
import type { CommandError } from '../../../../shared/domain/apply-command';
import { createBlobTransport, type ErpBlobPort } from '../../../../shared/sync/blob-transport';
import {
  uploadPendingBlobs,
  type BlobUploadStore,
  type PendingUpload,
} from '../../../../shared/sync/blob-upload';
import {
  createBlobServerState,
  type BlobAnswer,
  type BlobServerState,
} from '../../../fixtures/blobs/blob-server-state';
import { fileBytes } from '../../../fixtures/blobs/attachment-rig';

/** What happens to one request on its way: the faults a network and a busy ERP produce. */
type Fault = 'pass' | 'lost-request' | 'lost-answer' | 'duplicate' | 'unavailable';

/** The blob endpoints in memory, each request meeting the next fault of the script. */
function faultyPort(server: BlobServerState, script: Fault[]): ErpBlobPort {
  const deliver = (exchange: () => BlobAnswer) => {
    const fault = script.shift() ?? 'pass';
    if (fault === 'lost-request') return fail('erp_unreachable', 'connection reset');
    if (fault === 'unavailable') {
      return ok({
        status: 503,
        body: { error: { code: 'unavailable', message: 'busy' } },
        retryAfterSeconds: null,
      });
    }
    let answer = exchange();
    if (fault === 'duplicate') answer = exchange();
    if (fault === 'lost-answer') return fail('erp_unreachable', 'reset before the answer');
    return ok({ status: answer.status, body: answer.body, retryAfterSeconds: null });
  };
  return {
    parts: async (sha256) => deliver(() => server.parts(sha256)),
    put: async ({ sha256, part, parts, size, bytes }) =>
      deliver(() => server.put(sha256, { part, parts, size }, bytes)),
    get: async () => fail('internal', 'not used here'),
  };
}

/** One pending blob in memory; every read is recorded to check that memory stays bounded. */
function memoryStore(pending: PendingUpload, content: Uint8Array) {
  const state = {
    pending: [pending],
    sent: [] as string[],
    refused: [] as CommandError[],
    largestRead: 0,
  };
  const store: BlobUploadStore = {
    pendingUploads: async () => [...state.pending],
    async readBytes(_sha256, start, end) {
      state.largestRead = Math.max(state.largestRead, end - start);
      return content.slice(start, end);
    },
    async markSent(sha256) {
      state.sent.push(sha256);
      state.pending = [];
    },
    async refuse(_sha256, error) {
      state.refused.push(error);
      state.pending = [];
      return [];
    },
  };
  return { store, state };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const sizes = fc.oneof(
  fc.integer({ min: 1, max: 4 * BLOB_PART_BYTES }),
  // The boundaries, where an off-by-one would show.
  fc.constantFrom(
    1,
    BLOB_PART_BYTES - 1,
    BLOB_PART_BYTES,
    BLOB_PART_BYTES + 1,
    2 * BLOB_PART_BYTES,
    3 * BLOB_PART_BYTES - 1,
  ),
);

describe('uploadPendingBlobs', () => {
  it('ends with the exact bytes on the ERP, or a clear refusal, whatever the network does', async () => {
    await fc.assert(
      fc.asyncProperty(
        sizes,
        fc.array(
          fc.constantFrom<Fault>('pass', 'lost-request', 'lost-answer', 'duplicate', 'unavailable'),
          { maxLength: 12 },
        ),
        // Parts that arrived in an earlier attempt (or from a colleague's device).
        fc.array(fc.nat({ max: 4 }), { maxLength: 4 }),
        fc.boolean(),
        async (size, faults, earlier, damaged) => {
          const content = fileBytes(size, size);
          const hash = sha256(content);
          // A damaged copy: the bytes stored on the device no longer match the hash it was filed under.
          const stored = damaged ? fileBytes(size, size + 1) : content;
          const server = createBlobServerState();
          const parts = partCount(size);
          const arrived = new Map(
            earlier
              .filter((part) => part < parts)
              .map((part) => {
                const start = part * BLOB_PART_BYTES;
                return [part, content.slice(start, Math.min(size, start + BLOB_PART_BYTES))];
              }),
          );
          if (arrived.size > 0 && arrived.size < parts) server.preload(hash, size, arrived);
          const { store, state } = memoryStore({ sha256: hash, size }, stored);
          const env = {
            transport: createBlobTransport(faultyPort(server, [...faults])),
            store,
            deadLettered: () => undefined,
          };
          // Each run is one sync; the faults run out, so it settles within a few.
          for (let run = 0; run < faults.length + 3 && state.pending.length > 0; run += 1) {
            await uploadPendingBlobs(env);
          }
          expect(state.pending).toEqual([]);
          expect(state.largestRead).toBeLessThanOrEqual(BLOB_PART_BYTES);
          const held = server.complete.get(hash);
          if (damaged && size > 0 && sha256(stored) !== hash) {
            expect(state.refused.map((error) => error.code)).toEqual(['blob_hash_mismatch']);
            expect(state.refused[0]!.message).toContain(hash);
            expect(state.sent).toEqual([]);
            expect(held).toBeUndefined();
          } else {
            expect(state.refused).toEqual([]);
            expect(state.sent).toEqual([hash]);
            expect(held && Buffer.from(held).equals(Buffer.from(content))).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stops at a failure that may pass (503, no network) without refusing anything', async () => {
    const content = fileBytes(10, 1);
    const server = createBlobServerState();
    const { store, state } = memoryStore({ sha256: sha256(content), size: 10 }, content);
    const transport = createBlobTransport(faultyPort(server, ['pass', 'unavailable']));
    const outcome = await uploadPendingBlobs({ transport, store, deadLettered: () => undefined });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'http', status: 503 } });
    expect(state).toMatchObject({ refused: [], sent: [], pending: [{ size: 10 }] });
  });

  it('refuses a blob over the ERP limit (413) naming the limit, and never sends a part of it', async () => {
    const content = fileBytes(BLOB_PART_BYTES + 1, 2);
    const server = createBlobServerState({ limitBytes: BLOB_PART_BYTES });
    const { store, state } = memoryStore(
      { sha256: sha256(content), size: content.length },
      content,
    );
    const transport = createBlobTransport(faultyPort(server, []));
    expect(await uploadPendingBlobs({ transport, store, deadLettered: () => undefined })).toEqual({
      ok: true,
    });
    expect(state.refused).toEqual([
      { code: 'blob_too_large', message: `a blob may hold at most ${BLOB_PART_BYTES} bytes` },
    ]);
    expect(server.storedParts.size).toBe(0);
  });

  it('refuses a blob whose stored content is gone, so its attach does not wait forever', async () => {
    const server = createBlobServerState();
    const { store, state } = memoryStore({ sha256: 'f'.repeat(64), size: 5 }, new Uint8Array(0));
    store.readBytes = async () => null;
    const transport = createBlobTransport(faultyPort(server, []));
    await uploadPendingBlobs({ transport, store, deadLettered: () => undefined });
    expect(state.refused.map((error) => error.code)).toEqual(['blob_missing']);
  });
});
