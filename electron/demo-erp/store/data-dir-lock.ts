import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'demo-erp.lock';

/** What the lock file records: `{"pid":…,"startTime":…}`; older builds wrote the bare pid. */
interface LockOwner {
  pid: number;
  /** The owner's start time in clock ticks since boot (Linux); null where unknown. */
  startTime: string | null;
}

interface ProcStat {
  state: string;
  startTime: string;
}

/** /proc/<pid>/stat (Linux); null when it cannot be read: no such process, or no /proc at all. */
async function readProcStat(pid: number | 'self'): Promise<ProcStat | null> {
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2, the command name, is in parentheses and may hold spaces and ')' itself, so fields are
  // counted after the last ')': field 3 (the state) comes first there, field 22 (start time) 20th.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, startTime] = [fields[0], fields[19]];
  if (!state || !startTime || !/^\d+$/.test(startTime)) return null;
  return { state, startTime };
}

function isSignalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that wrote the lock still runs. A pid that answers signals is not enough:
 * a process killed with kill -9 stays a zombie until its parent reaps it, and a supervisor that
 * restarts the server at once must not be refused by it; and a pid can be reused by an unrelated
 * process after a reboot or a long time. /proc tells both apart on Linux ('Z'/'X' states; a start
 * time other than the recorded one). macOS and Windows have no /proc: there a pid that answers
 * signals counts as the owner, as before.
 */
async function ownerIsRunning(owner: LockOwner): Promise<boolean> {
  if (!isSignalable(owner.pid)) return false;
  const stat = await readProcStat(owner.pid);
  // No /proc, or the process ended between the two looks: the signal check decides.
  if (stat === null) return isSignalable(owner.pid);
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  return owner.startTime === null || owner.startTime === stat.startTime;
}

function parseOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; startTime?: unknown };
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return null;
    const startTime = typeof value.startTime === 'string' ? value.startTime : null;
    return { pid: value.pid as number, startTime };
  } catch {
    return null;
  }
}

/**
 * PGlite has no locking of its own, and two servers on one data directory would corrupt it (the
 * embedded ERP and a standalone one pointed at the same folder, or a test that forgot to close).
 * A lock left by a process that is gone (kill -9, a crash, a power cut) is taken over; an
 * unreadable lock file is one whose writer died before it finished.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const self: LockOwner = {
    pid: process.pid,
    startTime: (await readProcStat('self'))?.startTime ?? null,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(self), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
      if (owner !== null && (await ownerIsRunning(owner))) {
        throw new Error(
          `data directory ${dataDir} is in use by process ${owner.pid}${owner.pid === process.pid ? ' (this one)' : ''}`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`data directory ${dataDir}: could not take the lock ${path}`);
}
