import { z } from 'zod';
import { fileNameProblem, MAX_FILE_NAME_LENGTH } from '../files/file-name';

/*
 * Attachments in contract 2 (docs/erp-protocol.md, "Blobs"). A file travels as a content-addressed
 * blob, uploaded in parts and resumable; the ticket refers to it by an `attach` command that the
 * ERP defers until the blob is complete, so a ticket never points at a missing file.
 *
 *   PUT  /sync/v1/blobs/{sha256}?part={index}&parts={total}&size={bytes}   body: the part's bytes
 *   GET  /sync/v1/blobs/{sha256}/parts                                      which parts arrived
 *   GET  /sync/v1/blobs/{sha256}                                            the content (Range)
 */

/** Every part but the last is exactly this long; the last holds the rest. */
export const BLOB_PART_BYTES = 1024 * 1024;
/** The largest attachment the reference ERP and the app accept by default (both configurable). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const BLOB_PATHS = {
  blob: (sha256: string) => `/sync/v1/blobs/${sha256}`,
  parts: (sha256: string) => `/sync/v1/blobs/${sha256}/parts`,
} as const;

/** How many parts a blob of `size` bytes travels in. */
export function partCount(size: number): number {
  return Math.max(1, Math.ceil(size / BLOB_PART_BYTES));
}

export const sha256Hex = z
  .string({ error: 'sha256 must be a string' })
  .regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hexadecimal digits (a SHA-256)');

export const attachmentName = z
  .string({ error: 'name must be a string' })
  .max(MAX_FILE_NAME_LENGTH, `name must be at most ${MAX_FILE_NAME_LENGTH} characters`)
  .superRefine((value, ctx) => {
    const problem = fileNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `name ${problem}` });
  });

/** A media type as sniffed from the content ("image/png", "application/octet-stream"). */
export const mediaType = z
  .string({ error: 'type must be a string' })
  .max(127, 'type must be at most 127 characters')
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/,
    'type must be a media type like image/png, lowercase, without parameters',
  );

const blobSize = z
  .number({ error: 'size must be a number of bytes' })
  .int('size must be a whole number of bytes')
  .positive('size must be at least 1 byte: an empty file is not attached');

/** `attach`: the blob (uploaded before, or deferred until it is) becomes a file of the ticket. */
export const attachPayload = z
  .object({ sha256: sha256Hex, name: attachmentName, type: mediaType, size: blobSize })
  .strict();
/** `detach`: the ticket no longer shows that file (its history keeps that it had it). */
export const detachPayload = z.object({ sha256: sha256Hex }).strict();
export type AttachPayload = z.infer<typeof attachPayload>;

/** The answer to a part upload and to `GET …/parts`: what the ERP holds of the blob. */
export const blobUploadStatus = z.object({
  sha256: sha256Hex,
  size: blobSize,
  parts: z.number().int().positive(),
  /** Indexes of the parts stored, ascending. All of them once `complete`. */
  received: z.array(z.number().int().nonnegative()),
  /** Every part arrived and the content's SHA-256 matched: `attach` can refer to it. */
  complete: z.boolean(),
});
export type BlobUploadStatus = z.infer<typeof blobUploadStatus>;
