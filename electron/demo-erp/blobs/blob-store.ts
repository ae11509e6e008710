import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BLOB_PART_BYTES, partCount, type BlobUploadStatus } from '../../../shared/erp/blobs';
import { HttpError } from '../http/http-error';
import { createKeyedLock } from './keyed-lock';
import { receivePart } from './part-body';

/*
 * Blobs on disk, by hash, next to the database and never in it:
 *
 *   <root>/<sha256>                    a complete blob, its hash verified
 *   <root>/uploads/<sha256>/meta.json  {size, parts} of an upload in progress
 *   <root>/uploads/<sha256>/<i>.part   part i, exactly as long as the protocol says
 *   <root>/tmp/<host>-<pid>/…          files being written, by the process that writes them
 *
 * Everything is written under tmp/, flushed, then renamed into place, so a kill -9 leaves at
 * worst a stray file in tmp/ (removed on the next start), never a part or a blob that looks
 * whole and is not. Content-addressed: the same file from two users is stored once, and server
 * processes sharing one database may share the folder (each writes under its own tmp/ folder,
 * and renames put only whole, verified files in place).
 */

export interface PartRequest {
  part: number;
  parts: number;
  size: number;
}

export interface BlobFile {
  path: string;
  size: number;
}

export interface BlobStore {
  readonly maxBlobBytes: number;
  /** What the server holds of the blob, or null when nothing of it arrived. */
  status(sha256: string): Promise<BlobUploadStatus | null>;
  /** Stores one part streamed from `body` (validated first); throws HttpError for a 4xx. */
  putPart(sha256: string, request: PartRequest, body: Readable): Promise<BlobUploadStatus>;
  /** The complete blob, or null while it is not (`attach` waits for it). */
  complete(sha256: string): Promise<BlobFile | null>;
}

/**
 * Whatever a process that is gone was writing is incomplete by definition. Folders of live
 * processes (another server on the same blobs) and of other machines (a shared folder) stay.
 */
async function removeDeadWriters(tmpRoot: string): Promise<void> {
  for (const name of await readdir(tmpRoot).catch(() => [] as string[])) {
    const owner = /^(.+)-(\d+)$/.exec(name);
    const elsewhere = owner !== null && owner[1] !== hostname();
    if (elsewhere || (owner !== null && isAlive(Number(owner[2])))) continue;
    await rm(join(tmpRoot, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface UploadMeta {
  size: number;
  parts: number;
}

const partFile = (index: number) => `${index}.part`;
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** How long part `index` of a `size`-byte blob must be. */
export function partLength(index: number, size: number): number {
  return Math.min(BLOB_PART_BYTES, size - index * BLOB_PART_BYTES);
}

export async function openBlobStore(root: string, maxBlobBytes: number): Promise<BlobStore> {
  const tmpDir = join(root, 'tmp', `${hostname()}-${process.pid}`);
  const uploadsDir = join(root, 'uploads');
  await removeDeadWriters(join(root, 'tmp'));
  await mkdir(tmpDir, { recursive: true });
  await mkdir(uploadsDir, { recursive: true });
  const lock = createKeyedLock();
  const blobPath = (sha256: string) => join(root, sha256);
  const uploadDir = (sha256: string) => join(uploadsDir, sha256);
  const tmpPath = () => join(tmpDir, randomUUID());

  async function complete(sha256: string): Promise<BlobFile | null> {
    const path = blobPath(sha256);
    const info = await stat(path).catch(() => null);
    return info?.isFile() ? { path, size: info.size } : null;
  }

  async function readMeta(sha256: string): Promise<UploadMeta | null> {
    const text = await readFile(join(uploadDir(sha256), 'meta.json'), 'utf8').catch(() => null);
    return text === null ? null : (JSON.parse(text) as UploadMeta);
  }

  async function receivedParts(sha256: string): Promise<number[]> {
    const names = await readdir(uploadDir(sha256)).catch(() => [] as string[]);
    return names
      .map((name) => /^(\d+)\.part$/.exec(name)?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** Writes `text` to `target` through tmp/: flushed, then renamed. */
  async function writeAtomically(target: string, text: string): Promise<void> {
    const temp = tmpPath();
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }

  function completeStatus(sha256: string, size: number): BlobUploadStatus {
    const parts = partCount(size);
    return { sha256, size, parts, received: range(parts), complete: true };
  }

  async function currentStatus(sha256: string): Promise<BlobUploadStatus | null> {
    const whole = await complete(sha256);
    if (whole) return completeStatus(sha256, whole.size);
    const meta = await readMeta(sha256);
    if (!meta) return null;
    const received = await receivedParts(sha256);
    return { sha256, size: meta.size, parts: meta.parts, received, complete: false };
  }

  /**
   * Once every part is there: joins them into tmp/ while hashing, and only a file whose SHA-256
   * is its name becomes the blob. Either way the parts go: a mismatch cannot be repaired by them.
   */
  async function assembleIfReady(sha256: string, meta: UploadMeta): Promise<void> {
    const received = await receivedParts(sha256);
    if (received.length < meta.parts) return;
    const temp = tmpPath();
    const hash = createHash('sha256');
    const out = await open(temp, 'w');
    try {
      // One part in memory at a time, whatever the file's size.
      for (const index of range(meta.parts)) {
        const part = await readFile(join(uploadDir(sha256), partFile(index)));
        hash.update(part);
        await out.write(part);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      await rm(temp, { force: true });
      await rm(uploadDir(sha256), { recursive: true, force: true });
      throw new HttpError(
        400,
        'blob_hash_mismatch',
        `the ${meta.parts} part(s) joined have SHA-256 ${actual}, not ${sha256} as the URL says; they were discarded: upload the file again`,
      );
    }
    await rename(temp, blobPath(sha256));
    await rm(uploadDir(sha256), { recursive: true, force: true });
  }

  function sizeConflict(sha256: string, known: UploadMeta, request: PartRequest): HttpError {
    return new HttpError(
      400,
      'blob_part_invalid',
      `blob ${sha256} is ${known.size} bytes in ${known.parts} part(s) (as earlier parts said); this part says size=${request.size}, parts=${request.parts}`,
    );
  }

  /** The size and parts this request must agree with, if any earlier request set them. */
  async function known(sha256: string): Promise<UploadMeta | null> {
    const whole = await complete(sha256);
    if (whole) return { size: whole.size, parts: partCount(whole.size) };
    return readMeta(sha256);
  }

  // A kill -9 between the last part and its assembly leaves a full set of parts: finish it now.
  for (const sha256 of await readdir(uploadsDir)) {
    const meta = await readMeta(sha256);
    if ((await complete(sha256)) || !meta) {
      await rm(uploadDir(sha256), { recursive: true, force: true });
    } else {
      // Not fatal to the start: the next part sent for it tries again, and answers the reason.
      await assembleIfReady(sha256, meta).catch((error: unknown) =>
        console.error(`[demo-erp] blob ${sha256}: joining its parts failed: ${String(error)}`),
      );
    }
  }

  return {
    maxBlobBytes,
    status: (sha256) => lock.run(sha256, () => currentStatus(sha256)),
    complete,
    async putPart(sha256, request, body) {
      const before = await known(sha256);
      if (before && (before.size !== request.size || before.parts !== request.parts)) {
        throw sizeConflict(sha256, before, request);
      }
      // Read outside the lock: a slow sender must not hold up other uploads of the same blob.
      const temp = tmpPath();
      await receivePart(body, temp, partLength(request.part, request.size), request);
      return lock.run(sha256, async () => {
        try {
          const whole = await complete(sha256);
          if (whole) return completeStatus(sha256, whole.size);
          let meta = await readMeta(sha256);
          if (meta && (meta.size !== request.size || meta.parts !== request.parts)) {
            throw sizeConflict(sha256, meta, request);
          }
          if (!meta) {
            meta = { size: request.size, parts: request.parts };
            await mkdir(uploadDir(sha256), { recursive: true });
            await writeAtomically(join(uploadDir(sha256), 'meta.json'), JSON.stringify(meta));
          }
          await rename(temp, join(uploadDir(sha256), partFile(request.part)));
          await assembleIfReady(sha256, meta);
          return (await currentStatus(sha256))!;
        } finally {
          await rm(temp, { force: true });
        }
      });
    },
  };
}
