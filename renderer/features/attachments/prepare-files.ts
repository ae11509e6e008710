import { sanitizeFileName } from '@shared/files/file-name';
import { SNIFF_BYTES, sniffMediaType } from '@shared/files/sniff-type';
import type { PreparedFile } from './data';

/** Where the files came from: a clipboard image has no name of its own. */
export type FileSource = 'pick' | 'drop' | 'paste' | 'letter';

const EXTENSION_OF: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

// Chromium names every pasted bitmap "image.png" (and some apps give no name at all).
const CLIPBOARD_NAMES = new Set(['', 'image.png', 'image.jpeg', 'image.jpg', 'image.gif']);

/**
 * The name and type a file is attached with: the type from its first bytes (never the name), the
 * name sanitized; a pasted screenshot gets "Снимок экрана 2026-12-07 14.05.png" in the device's
 * local time. Null when the file cannot be read (deleted or locked meanwhile).
 */
export async function prepareFile(
  file: Blob & { name?: string },
  source: FileSource,
  screenshotBase: (at: Date) => string,
  now: Date = new Date(),
): Promise<PreparedFile | null> {
  let type: string;
  try {
    type = sniffMediaType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  } catch {
    return null;
  }
  const given = file.name ?? '';
  const extension = EXTENSION_OF[type];
  const named =
    source === 'paste' && extension && CLIPBOARD_NAMES.has(given.toLowerCase())
      ? `${screenshotBase(now)}.${extension}`
      : given;
  return { name: sanitizeFileName(named), type, blob: file };
}

/** "2026-12-07" and "14.05" of `at` on this computer's clock: a name sorts by date in folders. */
export function screenshotStamp(at: Date): { date: string; time: string } {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`,
    time: `${two(at.getHours())}.${two(at.getMinutes())}`,
  };
}
