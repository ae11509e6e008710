import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run test:package` only: these tests inspect what tests/package/pack-dir.ts packed, so they
// stay out of `npm run test:unit`, which must not need a packaged build.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
  },
});
