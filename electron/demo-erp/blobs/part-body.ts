import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BLOB_PART_BYTES } from '../../../shared/erp/blobs';
import { ClientGoneError } from '../http/body';
import { HttpError } from '../http/http-error';

/** Bytes past the expected length still read (and dropped) so the sender gets the 400. */
const DRAIN_CAP_BYTES = 4 * BLOB_PART_BYTES;

/**
 * Streams one part into `path` (never more than a chunk in memory), flushed to disk. A part of
 * any other length than `expected` is refused and leaves nothing behind.
 */
export async function receivePart(
  body: Readable,
  path: string,
  expected: number,
  where: { part: number; parts: number },
): Promise<void> {
  const handle = await open(path, 'w');
  let received = 0;
  try {
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > expected + DRAIN_CAP_BYTES) {
          body.destroy();
          throw new ClientGoneError('part body far over its length');
        }
        if (received <= expected) await handle.write(chunk);
      }
    } catch (error) {
      if (error instanceof ClientGoneError) throw error;
      throw new ClientGoneError(error instanceof Error ? error.message : String(error));
    }
    if (received !== expected) throw wrongLength(where, received, expected);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

export function wrongLength(
  where: { part: number; parts: number },
  received: number,
  expected: number,
): HttpError {
  const rule =
    where.part < where.parts - 1
      ? `every part but the last is exactly ${BLOB_PART_BYTES} bytes`
      : 'the last part holds the rest of the file';
  return new HttpError(
    400,
    'blob_part_invalid',
    `part ${where.part} of ${where.parts}: ${received} bytes, expected ${expected} (${rule})`,
  );
}
