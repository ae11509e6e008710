import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import * as png2icons from 'png2icons';
import { z } from 'zod';

/** The one image every icon is made from (repository-relative, like every path here). */
export const ICON_SOURCE = 'build/icon.svg';

/** electron-builder takes a Linux icon folder of `<size>x<size>.png` files; these are its sizes. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export const ICON_PNG_SIZE = 1024;

/** The favicon the renderer ships, a copy of the source so the window and installers match. */
export const FAVICON = 'renderer/public/icon.svg';

export interface IconFile {
  path: string;
  bytes: Buffer;
}

function renderPng(svg: string, size: number): Buffer {
  // No text in the mark, so no fonts: system fonts would make the output machine-dependent.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`${ICON_SOURCE} must be square: rendered ${image.width}x${image.height}`);
  }
  return image.asPng();
}

/**
 * Every icon file, rendered from the source in memory. Each PNG is rasterised at its own size
 * (sharper than scaling one bitmap); png2icons packs the ICO from the 256-px rendering and the
 * ICNS from the 1024-px one, losslessly. Same source, same bytes: nothing here reads the clock.
 */
export function renderIconSet(svg: string): IconFile[] {
  const pngs = new Map(ICON_SIZES.map((size) => [size, renderPng(svg, size)] as const));
  const png = (size: (typeof ICON_SIZES)[number]) => pngs.get(size)!;
  try {
    // forWinExe: BMP below 64 px, PNG above, as the Windows executable's resources expect.
    const ico = png2icons.createICO(png(256), png2icons.BICUBIC2, 0, false, true);
    const icns = png2icons.createICNS(png(1024), png2icons.BICUBIC2, 0);
    if (ico === null || icns === null) throw new Error('png2icons could not read the rendered PNG');
    return [
      ...ICON_SIZES.map((size) => ({ path: `build/icons/${size}x${size}.png`, bytes: png(size) })),
      { path: 'build/icon.png', bytes: png(ICON_PNG_SIZE) },
      { path: 'build/icon.ico', bytes: ico },
      { path: 'build/icon.icns', bytes: icns },
      { path: FAVICON, bytes: Buffer.from(svg, 'utf8') },
    ];
  } finally {
    // png2icons caches inputs and scaled images module-wide; a long-lived process must not keep them.
    png2icons.clearCache();
  }
}

export async function writeIconSet(files: readonly IconFile[], root: string): Promise<void> {
  for (const file of files) {
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
}

export const MAKE_ICONS_USAGE = `Usage: npm run icons -- [options]

  Renders ${ICON_SOURCE} into build/icons/<size>x<size>.png (${ICON_SIZES.join(', ')}),
  build/icon.png, build/icon.ico, build/icon.icns, and copies it to ${FAVICON}.

  --out <folder>   write under this folder instead of the repository (same layout inside)
  --help           print this and exit`;

const flagsSchema = z.object({
  out: z.string().trim().min(1, '--out must name a folder').optional(),
  help: z.boolean().default(false),
});
export type MakeIconsFlags = z.infer<typeof flagsSchema>;

export type ParsedMakeIconsFlags =
  { ok: true; flags: MakeIconsFlags } | { ok: false; message: string };

export function parseMakeIconsFlags(argv: readonly string[]): ParsedMakeIconsFlags {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { out: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = flagsSchema.safeParse(values);
  if (parsed.success) return { ok: true, flags: parsed.data };
  return { ok: false, message: parsed.error.issues[0]!.message };
}
