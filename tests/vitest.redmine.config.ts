import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Suites against a real Redmine (tests/redmine/): each starts a throwaway instance, ≈30 s on a
// quiet machine, several minutes on a shared two-core one under load. One file at a time: Redmine's migrations and server are CPU-heavy.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  test: {
    include: ['tests/redmine/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 600_000,
    testTimeout: 60_000,
  },
});
