import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'demo-erp.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no locking of its own, and two servers on one data directory would corrupt it (the
 * embedded ERP and a standalone one pointed at the same folder, or a test that forgot to close).
 * A lock left by a killed process (kill -9) is taken over: its pid is no longer alive.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `data directory ${dataDir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`data directory ${dataDir}: could not take the lock ${path}`);
}
