import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type {
  ChildMessage,
  ParentMessage,
  StandInCommand,
  StandInRecord,
  StandInState,
} from '../../fixtures/electron-stand-in/protocol';

/*
 * The built main process (out/main/index.js) in its own Node process, with `electron` resolved to
 * the stand-in (tests/fixtures/electron-stand-in). The harness hears what main did to the desktop
 * (records), acts as the user and the OS (commands), and drives the window's page through the same
 * Chromium over CDP.
 */

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN_ENTRY = join(repoRoot, 'out/main/index.js');
const REGISTER = join(repoRoot, 'tests/fixtures/electron-stand-in/register.mjs');

export interface TimedRecord {
  record: StandInRecord;
  /** When main did it (ms since the epoch, the stand-in's clock: the same machine's). */
  at: number;
}

export interface LaunchOptions {
  userData: string;
  /** More command-line arguments, as a launch by the OS would pass (`--hidden`). */
  args?: string[];
  env?: Record<string, string>;
}

export class MainProcess {
  readonly records: TimedRecord[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly #child: ChildProcess;
  #output = '';
  #nextCommand = 1;
  readonly #replies = new Map<
    number,
    (message: Extract<ChildMessage, { type: 'reply' }>) => void
  >();
  readonly #waiters = new Set<() => void>();
  #browser: Browser | null = null;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  private constructor(options: LaunchOptions) {
    this.#child = fork(
      MAIN_ENTRY,
      [`--user-data-dir=${options.userData}`, ...(options.args ?? [])],
      {
        cwd: repoRoot,
        // Electron's own choice for main: an unhandled rejection is a warning, not a crash.
        execArgv: [
          '--import',
          'tsx',
          '--import',
          REGISTER,
          '--unhandled-rejections=warn-with-error-code',
        ],
        env: {
          ...process.env,
          // The app's own zone and language, as a desk engineer in Moscow has them.
          TZ: 'Europe/Moscow',
          LANG: 'ru_RU.UTF-8',
          // Main must load the built page, never a dev server someone left in the environment.
          ELECTRON_RENDERER_URL: '',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    const collect = (chunk: Buffer) => {
      this.#output += chunk.toString('utf8');
    };
    this.#child.stdout!.on('data', collect);
    this.#child.stderr!.on('data', collect);
    this.#child.on('message', (raw) => this.#onMessage(raw as ChildMessage));
    this.exited = new Promise((resolve) => {
      this.#child.on('exit', (code, signal) => {
        this.#exit = { code, signal };
        for (const wake of this.#waiters) wake();
        resolve({ code, signal });
      });
    });
  }

  static launch(options: LaunchOptions): MainProcess {
    return new MainProcess(options);
  }

  get pid(): number {
    return this.#child.pid ?? -1;
  }

  /** Everything main and the stand-in wrote to stdout and stderr. */
  output(): string {
    return this.#output;
  }

  #onMessage(message: ChildMessage): void {
    if (message.type === 'record') {
      this.records.push({ record: message.record, at: message.at });
      for (const wake of this.#waiters) wake();
      return;
    }
    this.#replies.get(message.id)?.(message);
    this.#replies.delete(message.id);
  }

  /** The first record (from the start) that matches, waiting for it if need be. */
  async waitForRecord<R extends StandInRecord>(
    description: string,
    matches: (record: StandInRecord) => record is R,
    options: { timeout?: number; after?: number } = {},
  ): Promise<R & { at: number }> {
    const deadline = Date.now() + (options.timeout ?? 60_000);
    for (;;) {
      const found = this.records.slice(options.after ?? 0).find((entry) => matches(entry.record));
      if (found) return { ...(found.record as R), at: found.at };
      if (this.#exit) {
        throw new Error(`main exited (${JSON.stringify(this.#exit)}) before ${description}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${description}`);
      await new Promise<void>((wake) => {
        const waiters = this.#waiters;
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          wake();
        };
        const timer = setTimeout(done, Math.min(left, 1_000));
        waiters.add(done);
      });
    }
  }

  command<T = unknown>(command: StandInCommand): Promise<T> {
    const id = this.#nextCommand++;
    return new Promise<T>((resolve, reject) => {
      this.#replies.set(id, (reply) => {
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(`${command.op}: ${reply.error}`));
      });
      this.#child.send({ type: 'command', id, command } satisfies ParentMessage);
    });
  }

  state(): Promise<StandInState> {
    return this.command<StandInState>({ op: 'state' });
  }

  /** The page of the app's window (the first one), driven over CDP. */
  async windowPage(timeout = 90_000): Promise<Page> {
    if (!this.#browser) {
      const { cdpEndpoint } = await this.waitForRecord(
        'Chromium to start',
        (r): r is Extract<StandInRecord, { kind: 'chromium' }> => r.kind === 'chromium',
        { timeout },
      );
      this.#browser = await chromium.connectOverCDP(cdpEndpoint);
    }
    const context = this.#browser.contexts()[0]!;
    const deadline = Date.now() + timeout;
    for (;;) {
      const page = context.pages().find((candidate) => candidate.url().startsWith('file:'));
      if (page) return page;
      if (Date.now() > deadline) throw new Error('the window never loaded the app page');
      await new Promise((wait) => setTimeout(wait, 200));
    }
  }

  /** Asks main to quit as the OS does at logout (SIGTERM); kills it if it does not. */
  async stop(): Promise<void> {
    await this.#browser?.close().catch(() => undefined);
    this.#browser = null;
    if (this.#exit) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
