import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeFiles } from '../../../../../electron/main/adapters/node-files';

// The calls below are the ones that reach the disk; spying on node:fs records what the adapter
// (and write-file-atomic under it) asks of the OS, and lets a test make the disk fail.

type Callback = (error: NodeJS.ErrnoException | null, ...results: unknown[]) => void;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prokontakt-files-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Records open/fsync/rename as `fsync <path>` lines, the fd resolved back to the path opened. */
function traceDiskCalls(): string[] {
  const trace: string[] = [];
  const pathOf = new Map<number, string>();
  const open = fs.open;
  const fsync = fs.fsync;
  const rename = fs.rename;
  vi.spyOn(fs, 'open').mockImplementation(((path: string, ...rest: unknown[]) => {
    const callback = rest.pop() as Callback;
    (open as (...args: unknown[]) => void)(path, ...rest, (error: Error | null, fd: number) => {
      if (!error) pathOf.set(fd, String(path));
      callback(error, fd);
    });
  }) as typeof fs.open);
  vi.spyOn(fs, 'fsync').mockImplementation((fd: number, callback: Callback) => {
    trace.push(`fsync ${pathOf.get(fd)}`);
    fsync(fd, callback);
  });
  vi.spyOn(fs, 'rename').mockImplementation(((from: string, to: string, callback: Callback) => {
    trace.push(`rename ${String(from)} -> ${String(to)}`);
    rename(from, to, callback);
  }) as typeof fs.rename);
  return trace;
}

describe('node files: writeAtomic', () => {
  it.skipIf(process.platform === 'win32')(
    'syncs a temporary file, renames it over the target, then syncs the folder',
    async () => {
      const path = join(dir, 'settings.json');
      await writeFile(path, '{"old":true}');
      const trace = traceDiskCalls();

      await createNodeFiles().writeAtomic(path, '{"new":true}');

      expect(trace).toHaveLength(3);
      const [fileSync, move, folderSync] = trace;
      const temporary = /^fsync (.+)$/.exec(fileSync!)![1]!;
      expect(dirname(temporary)).toBe(dir);
      expect(temporary).not.toBe(path);
      expect(move).toBe(`rename ${temporary} -> ${path}`);
      expect(folderSync).toBe(`fsync ${dir}`);
      expect(await readFile(path, 'utf8')).toBe('{"new":true}');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    },
  );

  it('a disk that fills up mid-write leaves the old file whole and no temporary file', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"old":true}');
    vi.spyOn(fs, 'write').mockImplementation((...args: unknown[]) => {
      const callback = args.pop() as Callback;
      callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    });

    await expect(
      createNodeFiles().writeAtomic(path, new TextEncoder().encode('{"new":true}')),
    ).rejects.toThrow(/ENOSPC/);

    expect(await readFile(path, 'utf8')).toBe('{"old":true}');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('writes bytes given as a view into a larger buffer exactly', async () => {
    const path = join(dir, 'nested', 'erp-token.bin');
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await createNodeFiles().writeAtomic(path, backing.subarray(2, 5));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });

  it.skipIf(process.platform === 'win32')(
    'a file system that cannot sync a folder still gets the write',
    async () => {
      const path = join(dir, 'alerts.json');
      const fsync = fs.fsync;
      vi.spyOn(fs, 'fsync').mockImplementation((fd: number, callback: Callback) => {
        if (fs.fstatSync(fd).isDirectory()) {
          callback(Object.assign(new Error('EINVAL: invalid argument'), { code: 'EINVAL' }));
        } else fsync(fd, callback);
      });

      await createNodeFiles().writeAtomic(path, '[]');
      expect(await readFile(path, 'utf8')).toBe('[]');
    },
  );
});
