import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { MainProcess, type LaunchOptions } from './main-process';
import { startTestErp, type TestErp } from './test-erp';

interface MainFixtures {
  /** A fresh folder per test (in /tmp: the single-instance socket path must stay short). */
  workDir: string;
  /** The app's userData: settings, token, alerts, logs, and Chromium's profile. */
  userData: string;
  erp: TestErp;
  /** Starts the built main process; every one is stopped when the test ends. */
  launchMain: (options?: Partial<LaunchOptions>) => MainProcess;
  /**
   * Leaves settings.json with an ERP address, as an install from before the first-run screen
   * has it (the address counts as the chosen ERP; sections left out take their defaults), so a
   * scenario that is not about connecting starts already connected.
   */
  configureErpAddress: (url: string) => void;
}

export const test = base.extend<MainFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring; this one has none
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-main-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  userData: async ({ workDir }, use) => {
    await use(join(workDir, 'userData'));
  },
  erp: async ({ workDir }, use) => {
    const erp = await startTestErp(join(workDir, 'erp'));
    await use(erp);
    await erp.close();
  },
  launchMain: async ({ userData }, use, testInfo) => {
    const launched: MainProcess[] = [];
    await use((options = {}) => {
      const main = MainProcess.launch({ userData, ...options });
      launched.push(main);
      return main;
    });
    for (const main of launched) await main.stop();
    if (testInfo.status === testInfo.expectedStatus) return;
    // What each main process printed and did, beside the test's other results.
    for (const [index, main] of launched.entries()) {
      const name = `main-${index + 1}`;
      writeFileSync(testInfo.outputPath(`${name}-output.txt`), main.output());
      writeFileSync(
        testInfo.outputPath(`${name}-records.json`),
        JSON.stringify(main.records, null, 1),
      );
      await testInfo.attach(`${name}-output`, {
        path: testInfo.outputPath(`${name}-output.txt`),
        contentType: 'text/plain',
      });
    }
  },
  configureErpAddress: async ({ userData }, use) => {
    await use((url) => {
      mkdirSync(userData, { recursive: true });
      writeFileSync(
        join(userData, 'settings.json'),
        `${JSON.stringify({ version: 1, erp: { baseUrl: url } }, null, 2)}\n`,
      );
    });
  },
});

export { expect } from '@playwright/test';
