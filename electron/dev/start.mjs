// `npm start`: build with electron-vite, then run the app in Electron. Where Electron cannot be
// fetched or started (as on the CI and dev machines of this project), say so in one sentence and
// point to the browser shell instead of dumping the installer's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronViteCli, repoRoot } from './paths.mjs';

const FALLBACK =
  'Electron cannot run on this machine (its binary could not be downloaded or started), so use `npm run dev:web` to open the app in a browser instead.';

function giveUp() {
  console.error(FALLBACK);
  process.exit(1);
}

// `require('electron')` downloads the binary on first use and throws when it cannot; it does so
// in a child process with captured output so none of that noise reaches the terminal.
function resolveElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  if (binary === '' || !existsSync(binary)) return null;
  // A binary that is present but cannot start (missing system libraries) is just as unusable.
  const version = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 60_000 });
  return version.status === 0 ? binary : null;
}

const electron = resolveElectron();
if (electron === null) giveUp();

// Checked first, built second: no point building for a runtime that is not there.
const build = spawnSync(process.execPath, [electronViteCli, 'build'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
// Set in some shells and CI images; it would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron, ['.'], { cwd: repoRoot, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => app.kill(signal));
}
app.on('error', giveUp);
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
