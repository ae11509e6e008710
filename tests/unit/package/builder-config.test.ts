import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The "build" key of package.json is electron-builder's whole configuration. These checks run
// without Electron: the schema check is electron-builder's own, the rest is the app's policy.

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  build: Record<string, unknown> & {
    files: string[];
    electronFuses: Record<string, boolean>;
    directories: { buildResources: string; output: string };
  };
};
const config = pkg.build;

type Validate = (
  config: unknown,
  debugLogger: { isEnabled: boolean; add(): void },
) => Promise<void>;

/** electron-builder's validator, loaded the way electron-builder itself resolves it. */
function loadValidator(): Validate {
  const fromHere = createRequire(import.meta.url);
  const fromBuilder = createRequire(fromHere.resolve('electron-builder/package.json'));
  const module = fromBuilder('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration?: unknown;
  };
  if (typeof module.validateConfiguration !== 'function') {
    throw new Error('app-builder-lib no longer exports validateConfiguration: update this test');
  }
  return module.validateConfiguration as Validate;
}
const validate = (candidate: unknown) =>
  loadValidator()(candidate, { isEnabled: false, add: () => undefined });

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('fails that check on a misspelt option, with electron-builder naming the section', async () => {
    const nsis = { ...(config.nsis as object), oneClik: false };
    await expect(validate({ ...config, nsis })).rejects.toThrow(/configuration\.nsis/);
    const electronFuses = { ...config.electronFuses, runAsNod: false };
    await expect(validate({ ...config, electronFuses })).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('packages the built out/ and package.json only, never maps or sources of dependencies', () => {
    expect(config.files).toEqual([
      'out/**',
      // The browser host's page: the desktop app must have no page that could start it.
      '!out/renderer/web.html',
      'package.json',
      '!node_modules/**/*.{map,ts,cts,mts,tsx}',
    ]);
    expect(config.asar).toBe(true);
    // PGlite reads its .wasm/.data with fs.readFile, which Electron serves from inside the asar.
    expect(config).not.toHaveProperty('asarUnpack');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
  });

  it('sets the fuses the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The packaged window loads index.html over file:// (electron/main/renderer-location.ts);
      // its module scripts need the privileges this fuse grants.
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('registers no file types and no URL schemes on any platform', () => {
    for (const section of [config, config.linux, config.win, config.mac, config.deb, config.nsis]) {
      expect(section).not.toHaveProperty('fileAssociations');
      expect(section).not.toHaveProperty('protocols');
      expect(section).not.toHaveProperty('mimeTypes');
    }
  });

  it('points every platform at an icon that exists in build/', () => {
    const icons = [
      (config.linux as { icon: string }).icon,
      (config.win as { icon: string }).icon,
      (config.mac as { icon: string }).icon,
    ];
    expect(icons).toEqual(['build/icons', 'build/icon.ico', 'build/icon.icns']);
    for (const icon of icons) expect(existsSync(join(repoRoot, icon)), icon).toBe(true);
  });

  it('writes installers where git, eslint and prettier do not look', () => {
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(readFileSync(join(repoRoot, '.prettierignore'), 'utf8')).toMatch(/^dist$/m);
    expect(readFileSync(join(repoRoot, 'eslint.config.js'), 'utf8')).toContain("'dist/**'");
  });
});
