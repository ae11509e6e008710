import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../../electron/demo-erp/store/data-dir-lock';
import { processStartTime, spawnUnreapedChild, untilZombie } from '../../../fixtures/processes';
import { tempDir } from './erp-test-kit';

// The lock file's owner is judged by what the OS says about its pid. Real processes stand in for
// the owners: a zombie (killed, not yet reaped), a live unrelated process, this process.

const linux = process.platform === 'linux';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

function track(child: ChildProcess): ChildProcess {
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

const lockPath = (dir: string) => join(dir, 'demo-erp.lock');

describe('data directory lock', () => {
  it('records its owner with the start time, and refuses a second lock while it runs', async () => {
    const dir = await dataDir();
    const unlock = await lockDataDir(dir);
    const recorded = JSON.parse(await readFile(lockPath(dir), 'utf8')) as Record<string, unknown>;
    expect(recorded.pid).toBe(process.pid);
    if (linux) expect(recorded.startTime).toBe(await processStartTime(process.pid));
    await expect(lockDataDir(dir)).rejects.toThrow(
      `data directory ${dir} is in use by process ${process.pid} (this one)`,
    );
    await unlock();
    await (
      await lockDataDir(dir)
    )();
  });

  it.runIf(linux)('takes over a lock whose owner is a zombie not yet reaped', async () => {
    const dir = await dataDir();
    const { pid, parent } = await spawnUnreapedChild();
    track(parent);
    await untilZombie(pid);
    await writeFile(lockPath(dir), JSON.stringify({ pid, startTime: await processStartTime(pid) }));

    const unlock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    await unlock();
  });

  it.runIf(linux)('takes over a lock whose pid now belongs to another process', async () => {
    const dir = await dataDir();
    const other = track(spawn('sleep', ['600'], { stdio: 'ignore' }));
    const pid = other.pid!;
    const started = await processStartTime(pid);
    await writeFile(lockPath(dir), JSON.stringify({ pid, startTime: `${Number(started) - 1}` }));
    await (
      await lockDataDir(dir)
    )();

    // With its own start time the same process is the owner.
    await writeFile(lockPath(dir), JSON.stringify({ pid, startTime: started }));
    await expect(lockDataDir(dir)).rejects.toThrow(`is in use by process ${pid}`);
  });

  it('reads a lock written by an older build (a bare pid)', async () => {
    const dir = await dataDir();
    const other = track(spawn('sleep', ['600'], { stdio: 'ignore' }));
    await writeFile(lockPath(dir), String(other.pid));
    await expect(lockDataDir(dir)).rejects.toThrow(`is in use by process ${other.pid}`);

    other.kill('SIGKILL');
    await new Promise((resolve) => other.once('exit', resolve));
    await (
      await lockDataDir(dir)
    )();
  });

  it('takes over a lock file its writer never finished', async () => {
    const dir = await dataDir();
    await writeFile(lockPath(dir), '');
    await (
      await lockDataDir(dir)
    )();
    await writeFile(lockPath(dir), '{"pid":');
    await (
      await lockDataDir(dir)
    )();
  });
});
