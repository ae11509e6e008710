import { deflateSync } from 'node:zlib';
import type { TrayCondition } from './tray-state';

/*
 * The tray icon is drawn here rather than shipped as files: three states at two sizes would be
 * six PNGs to keep in step, and the state colours are the app's own tokens (app.css).
 */

const COLOURS: Record<TrayCondition, [number, number, number]> = {
  normal: [0x1d, 0x4f, 0x91], // --accent
  warning: [0xd9, 0x70, 0x0b], // --p2
  breach: [0xc6, 0x28, 0x28], // --p1
};

/** RGBA pixels: a disc in the state colour with a white mark (a dot, or "!" when attention is due). */
export function trayIconPixels(condition: TrayCondition, size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const [r, g, b] = COLOURS[condition];
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let disc = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          // Coordinates in a unit square centred on 0.
          const u = (x + (sx + 0.5) / samples) / size - 0.5;
          const v = (y + (sy + 0.5) / samples) / size - 0.5;
          if (u * u + v * v <= 0.47 * 0.47) {
            disc++;
            if (inMark(condition, u, v)) mark++;
          }
        }
      }
      const total = samples * samples;
      const alpha = disc / total;
      const white = disc === 0 ? 0 : mark / disc;
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(r + (255 - r) * white);
      pixels[i + 1] = Math.round(g + (255 - g) * white);
      pixels[i + 2] = Math.round(b + (255 - b) * white);
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function inMark(condition: TrayCondition, u: number, v: number): boolean {
  if (condition === 'normal') return u * u + v * v <= 0.14 * 0.14;
  const bar = Math.abs(u) <= 0.075 && v >= -0.3 && v <= 0.08;
  const dot = u * u + (v - 0.22) ** 2 <= 0.08 * 0.08;
  return bar || dot;
}

/** The icon as PNG bytes, which every platform's nativeImage reads the same way. */
export function trayIconPng(condition: TrayCondition, size: number): Uint8Array {
  return encodePng(trayIconPixels(condition, size), size, size);
}

export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
