// Locations shared by the dev scripts; resolved from this file so any working directory works.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rendererOut = join(repoRoot, 'out', 'renderer');

const require = createRequire(import.meta.url);

/** The electron-vite CLI, run with this Node so no shell or PATH lookup is involved. */
export const electronViteCli = join(
  dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);
