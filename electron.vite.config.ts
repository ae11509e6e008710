import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => resolve(root, path);
const alias = { '@shared': fromRoot('shared') };
const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

// electron-vite 6 finds no entries by itself in this layout, so each one is named here.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: fromRoot('out/main'),
      rolldownOptions: {
        input: {
          index: fromRoot('electron/main/index.ts'),
          // Separate entries so `npm run dev:web` runs the same embedded demo ERP, and main's own
          // ERP gateway for the browser host, in plain Node.
          'demo-erp': fromRoot('electron/demo-erp/index.ts'),
          'serving-host': fromRoot('electron/dev/serving-host/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: fromRoot('out/preload'),
      // A sandboxed preload cannot `require` anything but a few Electron modules: it must be one
      // self-contained CommonJS file (.cjs, because package.json says "type": "module").
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    resolve: { alias },
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // Module workers split like the page: the export worker loads exceljs or pdfmake only for
    // the format asked (a CSV needs neither).
    worker: { format: 'es' },
    build: {
      outDir: fromRoot('out/renderer'),
      // One page per host, chosen at build time: index.html (main.electron.ts) is what Electron
      // loads, web.html (main.web.ts, the browser host) what dev:web and the browser tests serve.
      rolldownOptions: {
        input: { index: fromRoot('renderer/index.html'), web: fromRoot('renderer/web.html') },
      },
    },
  },
});
