import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  DEFAULT_PACKAGE_DIR,
  findUnpackedApp,
  PACKAGE_DIR_ENV,
  repoRoot,
  standInElectron,
} from './package-check';

// `npm run test:package`, step two (after `npm run build`): runs electron-builder exactly as
// `npm run dist` would, as far as it gets without the Electron binary. `--linux dir` against a
// stand-in electronDist schema-checks the configuration, copies the production dependencies,
// writes the real app.asar and flips the fuses on the stand-in; tests/package/*.test.ts inspect it.

const USAGE = `Usage: tsx tests/package/pack-dir.ts [options]

  --out <folder>   where electron-builder writes (default ${relative(repoRoot, DEFAULT_PACKAGE_DIR)});
                   the tests read it from ${PACKAGE_DIR_ENV} when it is not the default
  --help           print this and exit`;

const flagsSchema = z.object({
  out: z.string().trim().min(1, '--out must name a folder').default(DEFAULT_PACKAGE_DIR),
  help: z.boolean().default(false),
});

function parseFlags(argv: string[]): z.infer<typeof flagsSchema> {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { out: { type: 'string' }, help: { type: 'boolean' } },
    });
    const parsed = flagsSchema.safeParse(values);
    if (parsed.success) return parsed.data;
    throw new Error(parsed.error.issues[0]!.message);
  } catch (error) {
    stop(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
}

function stop(message: string, code = 1): never {
  console.error(`pack-dir: ${message}`);
  process.exit(code);
}

/** Empties the output folder, but only one that is empty or holds an earlier run's result. */
function clearOutput(out: string): void {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes('linux-unpacked')) {
    stop(`${out} is not empty and holds no earlier pack-dir result; refusing to delete it`);
  }
  rmSync(out, { recursive: true, force: true });
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) {
    stop('out/main/index.js is missing: run `npm run build` first');
  }
  const out = resolve(flags.out);
  clearOutput(out);

  const electronDist = mkdtempSync(join(tmpdir(), 'electron-dist-'));
  try {
    writeFileSync(join(electronDist, 'electron'), standInElectron(), { mode: 0o755 });
    const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
    const args = [
      cli,
      '--linux',
      'dir',
      '--publish',
      'never',
      `--config.electronDist=${electronDist}`,
      `--config.directories.output=${out}`,
    ];
    const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    if (run.status !== 0) {
      const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
      const why = run.error?.message ?? `exit ${run.status ?? run.signal}`;
      stop(`electron-builder failed (${why}):\n${output}`);
    }
    const app = findUnpackedApp(out);
    const megabytes = (statSync(app.asar).size / 1_000_000).toFixed(1);
    console.log(`pack-dir: ${relative(repoRoot, app.asar)} (${megabytes} MB)`);
  } finally {
    rmSync(electronDist, { recursive: true, force: true });
  }
}

main();
