import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run test:contract`: the reference server held to docs/erp-openapi.json by third-party
// tools. The demo ERP's black-box suite and the sync transport-fault suite run again with
// Stoplight Prism between them and the server (ERP_CONTRACT_PROXY=prism, see
// tests/fixtures/prism-proxy.ts); then requests generated from the document's schemas hit every
// endpoint (tests/contract/). `npm run test:erp` runs the same against another server.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  test: {
    include: [
      'tests/contract/**/*.test.ts',
      'tests/unit/electron/demo-erp/{session,push,team,bad-input,changes,faults,blobs,attach,windows}.test.ts',
      'tests/unit/sync/transport-faults.test.ts',
    ],
    environment: 'node',
    pool: 'threads',
    // The files share one module cache per worker, so PGlite's wasm is compiled once, not once per
    // file (a third of this run's CPU). They share no state: each starts its own server and Prism.
    isolate: false,
    // Prism unless the caller says otherwise (npm run test:erp without --prism says "none").
    env: { ERP_CONTRACT_PROXY: process.env['ERP_CONTRACT_PROXY'] ?? 'prism' },
    // As in tests/vitest.config.ts: real servers on a busy two-core machine; no test asserts on time.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
