import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };

export default defineConfig({
  root,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  // As electron.vite.config.ts defines it for the renderer.
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    // Suites that start a real demo ERP (PGlite) and sync thousands of commands through it need
    // more than the defaults on a busy two-core machine; no test asserts on time, so these only
    // keep a slow machine from failing a correct run.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
