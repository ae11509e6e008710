import fs from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import type { FilePort } from '../services/file-port';

/** FilePort over node:fs. No Electron here, so it is usable from tests and tools too. */
export function createNodeFiles(): FilePort {
  return {
    async read(path) {
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async writeAtomic(path, data) {
      const folder = dirname(path);
      await mkdir(folder, { recursive: true });
      // A temporary file beside the target, fsync'd, then renamed over it: a crash or a full disk
      // at any point leaves the old file or the new one, never a mix. 0o600: settings and the
      // encrypted token are nobody else's business on a shared machine.
      const bytes =
        typeof data === 'string'
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      await writeFileAtomic(path, bytes, { mode: 0o600 });
      await syncDirectory(folder);
    },
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    async append(path, text) {
      try {
        await appendFile(path, text, { mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, text, { mode: 0o600 });
      }
    },
    async size(path) {
      try {
        return (await stat(path)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

/**
 * The rename lives in the folder's entry list: until the folder is fsync'd, power lost after the
 * rename can bring the old file back (write-file-atomic syncs the file, not its folder). Windows
 * cannot open a folder for fsync, and NTFS journals the rename itself; some file systems (network
 * and FUSE mounts) refuse fsync on a folder, and there is nothing more to do than the write.
 */
async function syncDirectory(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fd = await promisify(fs.open)(folder, 'r');
  try {
    await promisify(fs.fsync)(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  } finally {
    await promisify(fs.close)(fd);
  }
}
