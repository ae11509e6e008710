import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readIcnsEntries,
  readIcoEntries,
  readPngSize,
} from '../../../../electron/dev/icon-formats';
import {
  FAVICON,
  ICON_SIZES,
  ICON_SOURCE,
  parseMakeIconsFlags,
  renderIconSet,
} from '../../../../electron/dev/icon-set';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const committed = (path: string) => readFileSync(join(repoRoot, path));
const source = () => readFileSync(join(repoRoot, ICON_SOURCE), 'utf8');

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('npm run icons', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'icons-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('regenerates exactly the committed icons from build/icon.svg', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/dev/make-icons.ts', '--out', outDir],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(written).toEqual(expect.arrayContaining([FAVICON, 'build/icon.ico', 'build/icon.icns']));
    // A stale file means build/icon.svg changed without `npm run icons`, or an output was edited.
    const stale = written.filter(
      (path) => !readFileSync(join(outDir, path)).equals(committed(path)),
    );
    expect(stale).toEqual([]);
  });

  it('leaves no icon in build/icons that the script does not make', () => {
    const expected = ICON_SIZES.map((size) => `${size}x${size}.png`).sort();
    expect(readdirSync(join(repoRoot, 'build/icons')).sort()).toEqual(expected);
  });

  it('refuses a source that is not square', () => {
    const wide = source().replace('height="1024" viewBox', 'height="512" viewBox');
    expect(() => renderIconSet(wide)).toThrow(/must be square: rendered 16x8/);
  });

  it('validates its flags', () => {
    expect(parseMakeIconsFlags([])).toEqual({ ok: true, flags: { help: false } });
    expect(parseMakeIconsFlags(['--out', 'x'])).toEqual({
      ok: true,
      flags: { out: 'x', help: false },
    });
    expect(parseMakeIconsFlags(['--out', '  '])).toEqual({
      ok: false,
      message: '--out must name a folder',
    });
    expect(parseMakeIconsFlags(['--size', '3'])).toMatchObject({ ok: false, message: /'--size'/ });
    expect(parseMakeIconsFlags(['build'])).toMatchObject({ ok: false, message: /positional/ });
  });
});

describe('the committed icons', () => {
  it('are PNGs of the size their name says', () => {
    for (const size of ICON_SIZES) {
      expect(ok(readPngSize(committed(`build/icons/${size}x${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(ok(readPngSize(committed('build/icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('give Windows an ICO with every shell size up to 256, small ones as BMP', () => {
    const entries = ok(readIcoEntries(committed('build/icon.ico')));
    expect(entries.map((entry) => entry.width)).toEqual([256, 128, 96, 72, 64, 48, 32, 24, 16]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect(entry.bitsPerPixel).toBe(32);
      expect(entry.encoding).toBe(entry.width >= 64 ? 'png' : 'bmp');
    }
  });

  it('give macOS an ICNS with every PNG type at its own size, up to 512@2x', () => {
    const entries = ok(readIcnsEntries(committed('build/icon.icns')));
    const pngTypes = Object.fromEntries(
      entries.filter((entry) => entry.png !== null).map((entry) => [entry.type, entry.png!.width]),
    );
    expect(pngTypes).toEqual({
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    });
    expect(entries.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['is32', 's8mk', 'il32', 'l8mk']),
    );
  });
});

describe('icon readers on damaged files', () => {
  const png = () => Buffer.from(committed('build/icons/16x16.png'));
  const ico = () => Buffer.from(committed('build/icon.ico'));
  const icns = () => Buffer.from(committed('build/icon.icns'));

  it('reject a PNG without its signature or with an empty size', () => {
    const renamed = png();
    renamed[1] = 0x51;
    expect(readPngSize(renamed)).toMatchObject({ ok: false, message: /signature/ });
    expect(readPngSize(png().subarray(0, 20))).toMatchObject({ ok: false, message: /truncated/ });
    const empty = png();
    empty.writeUInt32BE(0, 16);
    expect(readPngSize(empty)).toMatchObject({ ok: false, message: /empty size 0x16/ });
  });

  it('reject an ICO that is not one, lies about a size, or points outside itself', () => {
    expect(readIcoEntries(png())).toMatchObject({ ok: false, message: /not an ICO/ });
    const lying = ico();
    lying[6] = 200; // the first entry (a 256-px PNG) now claims 200 px
    expect(readIcoEntries(lying)).toMatchObject({ ok: false, message: /says 200x256/ });
    const cut = ico().subarray(0, 3000);
    expect(readIcoEntries(cut)).toMatchObject({ ok: false, message: /outside the file/ });
  });

  it('reject an ICNS whose lengths do not add up', () => {
    const file = icns();
    expect(readIcnsEntries(file.subarray(0, file.length - 1))).toMatchObject({
      ok: false,
      message: /header says/,
    });
    const badChunk = icns();
    badChunk.writeUInt32BE(badChunk.length, 12);
    expect(readIcnsEntries(badChunk)).toMatchObject({ ok: false, message: /bad length/ });
    expect(readIcnsEntries(ico())).toMatchObject({ ok: false, message: /magic/ });
  });
});
