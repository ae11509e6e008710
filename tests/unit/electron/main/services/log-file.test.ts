import { describe, expect, it, vi } from 'vitest';
import {
  createLogFile,
  LOG_QUEUE_MAX,
  type LogConsole,
} from '../../../../../electron/main/services/log-file';
import type { FilePort } from '../../../../../electron/main/services/file-port';
import { createMemoryFiles } from './memory-files';

const PATH = '/userData/logs/main.log';
const AT = new Date('2026-12-02T19:30:00.000Z');

function quietConsole() {
  return {
    log: vi.fn<LogConsole['log']>(),
    warn: vi.fn<LogConsole['warn']>(),
    error: vi.fn<LogConsole['error']>(),
  };
}

function setup(options: { maxBytes?: number; keep?: number; files?: FilePort } = {}) {
  const memory = createMemoryFiles();
  const out = quietConsole();
  const log = createLogFile({
    files: options.files ?? memory.files,
    path: PATH,
    now: () => AT,
    console: out,
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.keep === undefined ? {} : { keep: options.keep }),
  });
  const lines = (path: string) => memory.text(path)?.split('\n').filter(Boolean) ?? null;
  return { memory, out, log, lines };
}

// Every line below is `2026-12-02T19:30:00.000Z INFO  t mNN` + "\n": 37 bytes.
const LINE_BYTES = 37;

describe('main.log', () => {
  it('writes one line per event: ISO time, level, scope, message', async () => {
    const { log, lines } = setup();
    log.info('main', 'starting');
    log.warn('ipc', 'refused erp:request from https://evil.example/');
    log.error('erp', 'the embedded demo ERP did not start', new Error('port in use'));
    await log.flush();
    const written = lines(PATH)!;
    expect(written[0]).toBe('2026-12-02T19:30:00.000Z INFO  main starting');
    expect(written[1]).toBe(
      '2026-12-02T19:30:00.000Z WARN  ipc refused erp:request from https://evil.example/',
    );
    // A stack is folded onto the same line, so "the last N lines" are N events.
    expect(written).toHaveLength(3);
    expect(written[2]).toMatch(
      /^2026-12-02T19:30:00\.000Z ERROR erp the embedded demo ERP did not start — Error: port in use ⏎ at /,
    );
  });

  it('fills a file up to the limit exactly, and rotates on the line that would pass it', async () => {
    const { log, lines } = setup({ maxBytes: 3 * LINE_BYTES });
    for (const n of [1, 2, 3]) log.info('t', `m0${n}`);
    await log.flush();
    expect(lines(PATH)).toHaveLength(3);
    expect(lines(`${PATH}.1`)).toBeNull();

    log.info('t', 'm04');
    await log.flush();
    expect(lines(PATH)).toEqual(['2026-12-02T19:30:00.000Z INFO  t m04']);
    expect(lines(`${PATH}.1`)?.map((line) => line.slice(-3))).toEqual(['m01', 'm02', 'm03']);
  });

  it('keeps three files: the oldest is dropped, never a fourth kept', async () => {
    const { log, lines, memory } = setup({ maxBytes: 2 * LINE_BYTES });
    for (let n = 1; n <= 9; n += 1) log.info('t', `m0${n}`);
    await log.flush();
    const tags = (path: string) => lines(path)?.map((line) => line.slice(-3));
    expect(tags(PATH)).toEqual(['m09']);
    expect(tags(`${PATH}.1`)).toEqual(['m07', 'm08']);
    expect(tags(`${PATH}.2`)).toEqual(['m05', 'm06']);
    expect([...memory.store.keys()].sort()).toEqual([PATH, `${PATH}.1`, `${PATH}.2`]);
  });

  it('continues an existing file and counts its size from the disk', async () => {
    const memory = createMemoryFiles({ [PATH]: 'x'.repeat(LINE_BYTES * 2 - 1) + '\n' });
    const log = createLogFile({
      files: memory.files,
      path: PATH,
      now: () => AT,
      maxBytes: 3 * LINE_BYTES,
      console: null,
    });
    log.info('t', 'm01');
    log.info('t', 'm02');
    await log.flush();
    expect(memory.text(`${PATH}.1`)).toMatch(/^x+\n.*m01\n$/);
    expect(memory.text(PATH)).toMatch(/m02\n$/);
  });

  it('with keep 1, starts the file over instead of keeping a copy', async () => {
    const { log, lines, memory } = setup({ maxBytes: 2 * LINE_BYTES, keep: 1 });
    for (let n = 1; n <= 5; n += 1) log.info('t', `m0${n}`);
    await log.flush();
    expect(lines(PATH)?.map((line) => line.slice(-3))).toEqual(['m05']);
    expect([...memory.store.keys()]).toEqual([PATH]);
  });

  it('tail reads the last N lines across the rotated files, oldest first', async () => {
    const { log } = setup({ maxBytes: 2 * LINE_BYTES });
    for (let n = 1; n <= 7; n += 1) log.info('t', `m0${n}`);
    // No flush: tail waits for the lines logged before it.
    const tags = (lines: string[]) => lines.map((line) => line.slice(-3));
    expect(tags(await log.tail(4))).toEqual(['m04', 'm05', 'm06', 'm07']);
    expect(tags(await log.tail(1))).toEqual(['m07']);
    // Only what the three files still hold: m01 and m02 were rotated away.
    expect(tags(await log.tail(100))).toEqual(['m03', 'm04', 'm05', 'm06', 'm07']);
    expect(await log.tail(0)).toEqual([]);
  });

  it('redacts secrets before they reach the disk', async () => {
    const { log, memory } = setup();
    log.warn('erp', 'GET https://erp.example/api/changes?cursor=c1&access_token=SECRET-A failed');
    log.error('erp', 'refused', new Error('sent Authorization: Bearer SECRET-B'));
    log.info('settings', 'ERP at https://ivan:SECRET-C@erp.example/');
    log.info('erp', 'payload {"token":"SECRET-D","ok":true}');
    await log.flush();
    const text = memory.text(PATH)!;
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('access_token=[redacted]');
    expect(text).toContain('https://[redacted]@erp.example/');
    expect(await log.tail(10)).toHaveLength(4);
  });

  it('redacts lines already on disk when they are read back', async () => {
    const memory = createMemoryFiles({ [PATH]: 'old line Bearer SECRET-OLD\n' });
    const log = createLogFile({ files: memory.files, path: PATH, now: () => AT, console: null });
    expect(await log.tail(5)).toEqual(['old line Bearer [redacted]']);
  });

  it('a failing disk never throws into the caller, is reported once, and is retried', async () => {
    const memory = createMemoryFiles();
    let broken = true;
    const files: FilePort = {
      ...memory.files,
      append: async (path, text) => {
        if (broken) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return memory.files.append(path, text);
      },
    };
    const { log, out } = setup({ files });
    expect(() => log.error('main', 'first')).not.toThrow();
    log.warn('main', 'second');
    await expect(log.flush()).resolves.toBeUndefined();
    expect(out.error.mock.calls.filter(([line]) => String(line).startsWith('[log]'))).toHaveLength(
      1,
    );
    expect(memory.text(PATH)).toBeUndefined();

    broken = false;
    log.info('main', 'third');
    await log.flush();
    expect(memory.text(PATH)).toMatch(/INFO {2}main third\n$/);
  });

  it('a log that cannot be read answers tail with what it has', async () => {
    const memory = createMemoryFiles({ [`${PATH}.1`]: 'older\n' });
    const files: FilePort = {
      ...memory.files,
      read: async (path) => {
        if (path === PATH) throw new Error('EACCES: permission denied');
        return memory.files.read(path);
      },
    };
    const out = quietConsole();
    const log = createLogFile({ files, path: PATH, now: () => AT, console: out });
    expect(await log.tail(5)).toEqual(['older']);
    expect(out.error).toHaveBeenCalledTimes(1);
  });

  it('a clock or console that throws does not reach the caller either', async () => {
    const { files } = createMemoryFiles();
    const log = createLogFile({
      files,
      path: PATH,
      now: () => new Date(Number.NaN),
      console: { log: vi.fn(), warn: vi.fn(), error: () => undefined },
    });
    expect(() => log.info('main', 'bad clock')).not.toThrow();
    await expect(log.tail(5)).resolves.toEqual([]);
  });
});

/** A disk whose appends wait until `recover` is called, as a hung network drive does. */
function hangingDisk() {
  const memory = createMemoryFiles();
  let recover!: () => void;
  const recovered = new Promise<void>((resolve) => (recover = resolve));
  const files: FilePort = {
    ...memory.files,
    append: async (path, text) => {
      await recovered;
      await memory.files.append(path, text);
    },
  };
  const lines = () => memory.text(PATH)?.split('\n').filter(Boolean) ?? [];
  return { files, recover, lines };
}

describe('main.log on a disk that hangs', () => {
  it('holds at most the queue limit, counts the rest, and the file says how many at their place', async () => {
    const disk = hangingDisk();
    const out = quietConsole();
    const log = createLogFile({ files: disk.files, path: PATH, now: () => AT, console: out });
    const total = LOG_QUEUE_MAX + 500;
    for (let n = 1; n <= total; n += 1) log.info('t', `m${n}`);

    // One line is with the disk and LOG_QUEUE_MAX wait; the rest were only on the console.
    const dropped = total - 1 - LOG_QUEUE_MAX;
    expect(log.dropped()).toBe(dropped);
    expect(out.log).toHaveBeenCalledTimes(total);

    disk.recover();
    await log.flush();
    const written = disk.lines();
    expect(written).toHaveLength(LOG_QUEUE_MAX + 2);
    expect(written[0]).toMatch(/ m1$/);
    expect(written[LOG_QUEUE_MAX]).toMatch(new RegExp(` m${LOG_QUEUE_MAX + 1}$`));
    expect(written[LOG_QUEUE_MAX + 1]).toBe(
      `2026-12-02T19:30:00.000Z WARN  log ${dropped} lines could not be written to this file ` +
        `(the disk failed, or fell more than ${LOG_QUEUE_MAX} lines behind)`,
    );
    expect(log.dropped()).toBe(dropped);
  });

  it('writes the count at once when nothing follows the dropped lines', async () => {
    const disk = hangingDisk();
    const log = createLogFile({
      files: disk.files,
      path: PATH,
      now: () => AT,
      console: null,
      maxQueuedLines: 2,
    });
    for (let n = 1; n <= 6; n += 1) log.info('t', `m${n}`);
    expect(log.dropped()).toBe(3);
    disk.recover();
    await log.flush();
    expect(disk.lines().map((line) => line.slice(25))).toEqual([
      'INFO  t m1',
      'INFO  t m2',
      'INFO  t m3',
      'WARN  log 3 lines could not be written to this file (the disk failed, or fell more than 2 lines behind)',
    ]);
  });

  it('counts lines whose write failed, and the file says so before the next line it takes', async () => {
    const memory = createMemoryFiles();
    let broken = true;
    const files: FilePort = {
      ...memory.files,
      append: async (path, text) => {
        if (broken) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return memory.files.append(path, text);
      },
    };
    const log = createLogFile({ files, path: PATH, now: () => AT, console: null });
    log.info('t', 'm1');
    log.info('t', 'm2');
    await log.flush();
    expect(log.dropped()).toBe(2);
    broken = false;
    log.info('t', 'm3');
    await log.flush();
    expect(
      memory
        .text(PATH)
        ?.split('\n')
        .filter(Boolean)
        .map((line) => line.slice(25)),
    ).toEqual([
      'WARN  log 2 lines could not be written to this file (the disk failed, or fell more than 1000 lines behind)',
      'INFO  t m3',
    ]);
  });
});
