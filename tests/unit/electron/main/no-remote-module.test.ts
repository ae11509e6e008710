import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The remote module hands the page every main-process object; it must not come back in any form.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const REMOTE_PACKAGES = ['@electron/remote', 'electron-remote'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|js|mjs|cjs|html)$/.test(file))
    .map((file) => join(dir, file));
}

describe('no remote module', () => {
  it('is not a dependency of the app', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const declared = [
      'dependencies',
      'devDependencies',
      'optionalDependencies',
      'peerDependencies',
    ].flatMap((field) => Object.keys((pkg[field] as Record<string, string> | undefined) ?? {}));
    for (const name of REMOTE_PACKAGES) expect(declared).not.toContain(name);
    const lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
    for (const name of REMOTE_PACKAGES) expect(lock).not.toContain(`node_modules/${name}"`);
  });

  it('is neither imported nor enabled by any source file', () => {
    const files = ['electron', 'renderer', 'shared'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return (
        REMOTE_PACKAGES.some((name) => text.includes(`'${name}'`) || text.includes(`"${name}"`)) ||
        /enableRemoteModule|\bremote\s*\.\s*(require|getGlobal|getCurrentWindow)\b/.test(text) ||
        /import\s*(type\s*)?\{[^}]*\bremote\b[^}]*\}\s*from\s*['"]electron['"]/.test(text) ||
        /require\(\s*['"]electron['"]\s*\)\s*\.\s*remote\b/.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });
});
