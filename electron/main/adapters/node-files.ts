import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FilePort } from '../services/file-port';

/** FilePort over node:fs. No Electron here, so it is usable from tests and tools too. */
export function createNodeFiles(): FilePort {
  let counter = 0;
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
      await mkdir(dirname(path), { recursive: true });
      counter += 1;
      const temporary = `${path}.${process.pid}.${counter}.tmp`;
      // 0o600: settings and the encrypted token are nobody else's business on a shared machine.
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, path);
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
