import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { SyncBenchApi } from './protocol';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// TOOLCHAIN.md's flags (without the background-networking ones Chromium floods the closed
// network), plus exact heap numbers and a callable GC for the memory samples.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

export interface BenchBrowser {
  version: string;
  /** A fresh tab on the bench page: every measured step starts with a clean JS heap. */
  call<K extends keyof SyncBenchApi>(
    method: K,
    input: Parameters<SyncBenchApi[K]>[0],
  ): Promise<Awaited<ReturnType<SyncBenchApi[K]>>>;
  close(): Promise<void>;
}

/**
 * A persistent profile on disk, not Playwright's default incognito context, which keeps
 * IndexedDB in memory: the app's database lives on disk, and so does the bench's.
 */
export async function launchBenchBrowser(pageUrl: string): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'sync-bench-profile-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  const open = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.syncBench !== undefined);
    return page;
  };
  const first = await open();
  const version = await first.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]);
  await first.close();
  return {
    version: version ?? 'unknown',
    async call(method, input) {
      const page = await open();
      try {
        return (await page.evaluate(
          ([name, arg]) => (window.syncBench![name] as (value: unknown) => Promise<unknown>)(arg),
          [method, input] as const,
        )) as never;
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
