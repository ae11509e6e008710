import { attachPayload } from '../../../shared/erp/blobs';
import type { BlobStore } from '../blobs/blob-store';

export type AttachDecision =
  | { kind: 'apply' }
  | { kind: 'defer'; message: string }
  | { kind: 'reject'; code: 'blob_too_large' | 'blob_size_mismatch'; message: string };

/**
 * Whether an `attach` may be applied now: only once its blob is complete on this server, so a
 * ticket never points at a missing file. Deferred without a time bound: the device that sends
 * `attach` holds the file and uploads it first. A file over the limit can never arrive, so that
 * one is refused at once instead of blocking the device's queue for good.
 */
export async function decideAttach(
  payload: unknown,
  blobs: Pick<BlobStore, 'complete' | 'maxBlobBytes'>,
): Promise<AttachDecision> {
  const parsed = attachPayload.safeParse(payload);
  // A malformed payload is refused by applyCommand with the field it names.
  if (!parsed.success) return { kind: 'apply' };
  const { sha256, size } = parsed.data;
  if (size > blobs.maxBlobBytes) {
    return {
      kind: 'reject',
      code: 'blob_too_large',
      message: `attach: payload.size ${size} bytes is over this server's limit of ${blobs.maxBlobBytes} bytes`,
    };
  }
  const blob = await blobs.complete(sha256);
  if (!blob) {
    return {
      kind: 'defer',
      message: `attach: blob ${sha256} is not complete on the server yet; upload it (PUT /sync/v1/blobs/${sha256}), then resend`,
    };
  }
  if (blob.size !== size) {
    return {
      kind: 'reject',
      code: 'blob_size_mismatch',
      message: `attach: payload.size is ${size} bytes, but blob ${sha256} is ${blob.size} bytes`,
    };
  }
  return { kind: 'apply' };
}
