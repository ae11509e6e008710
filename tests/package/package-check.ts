import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// What pack-dir.ts (which runs electron-builder) and the tests under tests/package (which inspect
// its result) agree on: where the unpacked app lands and what the stand-in Electron looks like.

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Inside electron-builder's own output folder, which git, eslint and prettier already ignore. */
export const DEFAULT_PACKAGE_DIR = join(repoRoot, 'dist', 'package-check');

/** Lets the tests inspect a folder pack-dir.ts was told to write elsewhere (`--out`). */
export const PACKAGE_DIR_ENV = 'PACKAGE_CHECK_DIR';

export function packageDir(): string {
  const fromEnv = process.env[PACKAGE_DIR_ENV];
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_PACKAGE_DIR : resolve(fromEnv);
}

export interface UnpackedApp {
  appOutDir: string;
  asar: string;
  /** app.asar.unpacked, which exists only when something is unpacked. */
  unpackedDir: string;
  executable: string;
}

/** The `--linux dir` result, or an error that says how to make one. */
export function findUnpackedApp(dir = packageDir()): UnpackedApp {
  const appOutDir = join(dir, 'linux-unpacked');
  const asar = join(appOutDir, 'resources', 'app.asar');
  if (!existsSync(asar)) {
    throw new Error(
      `${asar} does not exist: run \`npm run test:package\` (it builds and packs first)`,
    );
  }
  // electron-builder renames the stand-in `electron` to the app's executable, the only file here.
  const files = readdirSync(appOutDir).filter((name) => statSync(join(appOutDir, name)).isFile());
  if (files.length !== 1)
    throw new Error(`expected one executable in ${appOutDir}, found ${files.join(', ')}`);
  return {
    appOutDir,
    asar,
    unpackedDir: `${asar}.unpacked`,
    executable: join(appOutDir, files[0]!),
  };
}

export interface PackageJson {
  name: string;
  main: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export function readRepoPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
}

/** @electron/fuses finds the fuse wire right after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's V1 fuse wire as an unmodified binary ships it (build/fuses/fuses.json5 in
 * electron/electron): RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, then
 * EmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges.
 * Starting from these defaults means a fuse the configuration forgets keeps its unsafe value.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * A stand-in for the `electron` executable: not a program, only the bytes @electron/fuses reads
 * and rewrites (sentinel, wire version 1, wire length, one ASCII '0'/'1' per fuse).
 */
export function standInElectron(): Buffer {
  return Buffer.concat([
    Buffer.from('stand-in for the Electron binary, which cannot be downloaded here\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
    Buffer.from('\n'),
  ]);
}
