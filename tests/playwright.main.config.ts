import { defineConfig } from '@playwright/test';

/**
 * The e2e suite with the real main process: out/main/index.js runs in Node with the electron
 * stand-in (tests/fixtures/electron-stand-in), its window a page of Debian's Chromium. The built
 * app is needed (npm run test:e2e builds first); no web server: main serves its own window.
 */
export default defineConfig({
  testDir: 'e2e-main',
  outputDir: '../test-results/e2e-main',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  // Each test runs its own main process, Chromium and ERP; two at once would only fight for cores.
  workers: 1,
  // Real timers: an alert fires when its level is reached, half a minute after the test starts.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
});
