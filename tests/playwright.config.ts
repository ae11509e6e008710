import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, defineConfig } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env['E2E_PORT'] ?? 4173);

/**
 * Debian's Chromium, never a browser downloaded at test time (this project's machines reach only
 * the npm registry and apt). Order: CHROMIUM_PATH, /usr/bin/chromium, Playwright's own download.
 */
function findChromium(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    if (existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed; handled below.
  }
  throw new Error(
    'No Chromium found for the browser tests: install one with `apt-get install -y chromium` ' +
      '(or set CHROMIUM_PATH to a Chromium binary).',
  );
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: findChromium(),
          // Without the background-networking flags Chromium keeps dialling out on a closed network.
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // The built renderer (npm run test:e2e builds first) with the browser host: the same files
  // and CSP that Electron loads.
  webServer: {
    command: `node electron/dev/serve-web.mjs --no-build --fresh-erp --port ${PORT}`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    // Starting the demo ERP (PGlite plus the seed) takes seconds, much longer on a busy CI core.
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
