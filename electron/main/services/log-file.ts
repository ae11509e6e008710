import { DIAGNOSTIC_LINE_MAX } from '@shared/host/diagnostics';
import { formatLogLine, type LogLevel } from '@shared/host/log-line';
import { redactSecrets } from '@shared/host/redact';
import type { FilePort } from './file-port';

export type { LogLevel };

/** Where lines are echoed (main's stdout in development) and a broken log is reported once. */
export interface LogConsole {
  log(line: string): void;
  warn(line: string): void;
  error(line: string, error?: unknown): void;
}

export interface LogFileOptions {
  files: FilePort;
  /** userData/logs/main.log; rotated copies are main.log.1 (newer) … main.log.<keep-1>. */
  path: string;
  now: () => Date;
  /** A file is rotated before it would grow past this. Default 1 MiB. */
  maxBytes?: number;
  /** How many files are kept, the current one included. Default 3. */
  keep?: number;
  /** Lines waiting for the disk, at most; later ones are dropped and counted. Default 1,000. */
  maxQueuedLines?: number;
  console?: LogConsole | null;
}

export interface LogFile {
  readonly path: string;
  info(scope: string, message: string, error?: unknown): void;
  warn(scope: string, message: string, error?: unknown): void;
  error(scope: string, message: string, error?: unknown): void;
  /** The last `n` lines, oldest first, across the rotated files. Never rejects. */
  tail(n: number): Promise<string[]>;
  /** Settles once every line logged so far is written (or has failed). Never rejects. */
  flush(): Promise<void>;
  /**
   * Lines that never reached the file since start (the queue was full, or the write failed); the
   * console still saw them.
   */
  dropped(): number;
}

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 3;
/** With lines of at most 4,000 characters, a disk that hangs holds at most ~8 MB here. */
export const LOG_QUEUE_MAX = 1000;
const TAIL_MAX = 5_000;

/**
 * main's log: one line per event, `ISO-time LEVEL scope message`, secrets redacted before they
 * reach the disk, rotated by size. Logging must never take the app down: every failure is
 * swallowed here and reported once to the console, and the next line tries the disk again. A disk
 * that hangs must not grow main's memory either: at most `maxQueuedLines` wait, the rest are
 * dropped, and once the disk takes lines again the file says how many it missed.
 */
export function createLogFile(options: LogFileOptions): LogFile {
  const { files, path, now } = options;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, Math.floor(options.keep ?? LOG_KEEP));
  const maxQueued = Math.max(1, Math.floor(options.maxQueuedLines ?? LOG_QUEUE_MAX));
  const out = options.console ?? null;
  const encoder = new TextEncoder();
  const rotated = (index: number) => (index === 0 ? path : `${path}.${index}`);

  // Writes run one after another, so the size bookkeeping and the rotation never interleave.
  // A run of dropped lines stays in the queue as a count, where they were logged, so the file
  // says how many it missed at the right place.
  const queued: Array<string | { dropped: number }> = [];
  let queuedLines = 0;
  let draining: Promise<void> | null = null;
  let dropped = 0;
  // Lines lost just before the next one written, which the file has not been told about yet.
  let untold = 0;
  // Bytes in the current file; null until read from the disk (and again after a failure).
  let size: number | null = null;
  let reported = false;

  const report = (error: unknown) => {
    if (reported) return;
    reported = true;
    try {
      out?.error(`[log] ${path} cannot be written or read; the app goes on without it`, error);
    } catch {
      // A console that throws leaves nobody to tell.
    }
  };

  async function rotate(): Promise<void> {
    if (keep === 1) {
      await files.remove(path);
      return;
    }
    // Oldest first: main.log.1 → main.log.2 replaces the oldest, then main.log → main.log.1.
    for (let index = keep - 1; index >= 1; index -= 1) {
      const from = rotated(index - 1);
      if ((await files.size(from)) !== null) await files.rename(from, rotated(index));
    }
  }

  /** True once the line is in the file. */
  async function append(line: string): Promise<boolean> {
    const text = `${line}\n`;
    const bytes = encoder.encode(text).length;
    try {
      size ??= (await files.size(path)) ?? 0;
      if (size > 0 && size + bytes > maxBytes) {
        await rotate();
        size = 0;
      }
      await files.append(path, text);
      size += bytes;
      return true;
    } catch (error) {
      size = null;
      report(error);
      return false;
    }
  }

  /** Writes how many lines were lost since the file last heard of it; true once it is written. */
  async function tellDropped(): Promise<boolean> {
    const count = untold;
    let notice: string;
    try {
      notice = formatLogLine(
        now(),
        'warn',
        'log',
        `${count} lines could not be written to this file (the disk failed, or fell more than ${maxQueued} lines behind)`,
      );
    } catch (error) {
      report(error);
      return false;
    }
    if (!(await append(notice))) return false;
    untold -= count;
    return true;
  }

  async function drain(): Promise<void> {
    while (queued.length > 0 || untold > 0) {
      const entry = queued.shift();
      if (entry === undefined) {
        // No line follows the lost ones yet: say so now. A notice that fails waits for a line.
        if (!(await tellDropped()) && queued.length === 0) break;
      } else if (typeof entry !== 'string') {
        untold += entry.dropped;
      } else {
        queuedLines -= 1;
        if (untold > 0) await tellDropped();
        if (!(await append(entry))) {
          dropped += 1;
          untold += 1;
        }
      }
    }
    draining = null;
  }

  function enqueue(line: string): void {
    if (queuedLines < maxQueued) {
      queued.push(line);
      queuedLines += 1;
      draining ??= drain();
      return;
    }
    dropped += 1;
    const last = queued.at(-1);
    if (typeof last === 'object') last.dropped += 1;
    else queued.push({ dropped: 1 });
  }

  function write(level: LogLevel, scope: string, message: string, error?: unknown): void {
    try {
      const line = formatLogLine(now(), level, scope, message, error);
      if (level === 'error') out?.error(line);
      else if (level === 'warn') out?.warn(line);
      else out?.log(line);
      enqueue(line);
    } catch (failure) {
      report(failure);
    }
  }

  async function readLines(file: string): Promise<string[]> {
    try {
      const data = await files.read(file);
      if (data === null) return [];
      return new TextDecoder()
        .decode(data)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => redactSecrets(line).slice(0, DIAGNOSTIC_LINE_MAX));
    } catch (error) {
      report(error);
      return [];
    }
  }

  return {
    path,
    info: (scope, message, error) => write('info', scope, message, error),
    warn: (scope, message, error) => write('warn', scope, message, error),
    error: (scope, message, error) => write('error', scope, message, error),
    flush: () => draining ?? Promise.resolve(),
    dropped: () => dropped,
    async tail(n) {
      const wanted = Math.min(TAIL_MAX, Math.max(0, Math.floor(n)));
      await draining;
      const lines: string[] = [];
      for (let index = 0; index < keep && lines.length < wanted; index += 1) {
        const older = await readLines(rotated(index));
        lines.unshift(...older.slice(Math.max(0, older.length - (wanted - lines.length))));
      }
      return lines;
    },
  };
}
