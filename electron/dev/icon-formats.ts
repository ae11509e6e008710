// Readers for the three icon containers `npm run icons` writes. They parse only what a packager or
// an OS reads first (PNG header, ICO directory, ICNS chunk list), so a test can tell a truncated,
// mislabelled or wrongly sized file from a good one without an image library.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSize {
  width: number;
  height: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Width and height from a PNG's IHDR chunk, which the format requires to come first. */
export function readPngSize(bytes: Buffer): Read<PngSize> {
  if (!isPng(bytes)) return fail('not a PNG: the 8-byte signature is missing');
  if (bytes.length < 24) return fail('PNG is truncated before its IHDR chunk');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return fail('PNG does not start with IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) return fail(`PNG has an empty size ${width}x${height}`);
  return { ok: true, value: { width, height } };
}

export interface IcoEntry {
  /** Pixel size from the directory entry; 0 there means 256. */
  width: number;
  height: number;
  bitsPerPixel: number;
  /** How the image data is stored: Windows Vista+ reads PNG; older readers need BMP (DIB). */
  encoding: 'png' | 'bmp';
}

/** The ICO directory, each entry checked to point at image data inside the file. */
export function readIcoEntries(bytes: Buffer): Read<IcoEntry[]> {
  if (bytes.length < 6) return fail('ICO is shorter than its 6-byte header');
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) {
    return fail('not an ICO: header is not reserved=0, type=1');
  }
  const count = bytes.readUInt16LE(4);
  if (count === 0) return fail('ICO holds no images');
  if (bytes.length < 6 + count * 16) return fail(`ICO directory of ${count} entries is truncated`);
  const entries: IcoEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = 6 + index * 16;
    const size = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    if (size === 0 || offset + size > bytes.length) {
      return fail(`ICO entry ${index} points outside the file (offset ${offset}, size ${size})`);
    }
    const data = bytes.subarray(offset, offset + size);
    // A DIB starts with its BITMAPINFOHEADER, whose first field is its own size, 40.
    const encoding = isPng(data)
      ? 'png'
      : data.length >= 4 && data.readUInt32LE(0) === 40
        ? 'bmp'
        : null;
    if (encoding === null) return fail(`ICO entry ${index} is neither PNG nor BMP data`);
    const entry: IcoEntry = {
      width: bytes[at] === 0 ? 256 : bytes[at]!,
      height: bytes[at + 1] === 0 ? 256 : bytes[at + 1]!,
      bitsPerPixel: bytes.readUInt16LE(at + 6),
      encoding,
    };
    if (encoding === 'png') {
      const png = readPngSize(data);
      if (!png.ok) return fail(`ICO entry ${index}: ${png.message}`);
      if (png.value.width !== entry.width || png.value.height !== entry.height) {
        return fail(
          `ICO entry ${index} says ${entry.width}x${entry.height} but its PNG is ${png.value.width}x${png.value.height}`,
        );
      }
    }
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

export interface IcnsEntry {
  type: string;
  /** Pixel size when the chunk is PNG data (the modern ic07–ic14 types), else null. */
  png: PngSize | null;
}

/** The ICNS chunk list; the lengths must add up exactly to the length in the file header. */
export function readIcnsEntries(bytes: Buffer): Read<IcnsEntry[]> {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns') {
    return fail('not an ICNS: the "icns" magic is missing');
  }
  const total = bytes.readUInt32BE(4);
  if (total !== bytes.length)
    return fail(`ICNS header says ${total} bytes, file has ${bytes.length}`);
  const entries: IcnsEntry[] = [];
  let at = 8;
  while (at < total) {
    if (at + 8 > total) return fail(`ICNS chunk at byte ${at} is truncated`);
    const type = bytes.toString('latin1', at, at + 4);
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > total) {
      return fail(`ICNS chunk "${type}" at byte ${at} has a bad length ${length}`);
    }
    const data = bytes.subarray(at + 8, at + length);
    let png: PngSize | null = null;
    if (isPng(data)) {
      const size = readPngSize(data);
      if (!size.ok) return fail(`ICNS chunk "${type}": ${size.message}`);
      png = size.value;
    }
    entries.push({ type, png });
    at += length;
  }
  return { ok: true, value: entries };
}
