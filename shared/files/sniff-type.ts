/*
 * The media type of an attachment, read from its first bytes and never from its name: a name is
 * whatever the sender typed ("invoice.pdf.exe", "error.png" holding HTML). The app previews only
 * what `previewKind` allows, so a type this table does not know is simply saved, never opened.
 *
 * A small table rather than a detection library: the app needs a handful of exact answers (which
 * images and PDFs it may draw, and which text is script-capable markup), and every row here is a
 * signature anyone can check against the format's specification.
 */

/** How many leading bytes `sniffMediaType` looks at. */
export const SNIFF_BYTES = 4096;

export const OCTET_STREAM = 'application/octet-stream';

interface Signature {
  type: string;
  /** Bytes at `offset`; null matches any byte. */
  bytes: ReadonlyArray<number | null>;
  offset?: number;
}

const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));

// Checked in order; the first that matches wins. A PDF that is also a ZIP (a valid trick: the
// ZIP directory sits at the end) is a PDF here because its first bytes say so, and pdf.js draws
// it to a canvas, so the ZIP inside it is never opened.
const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/webp', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'image/bmp', bytes: ascii('BM') },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/vnd.rar', bytes: ascii('Rar!\u001a\u0007') },
  { type: 'application/x-msdownload', bytes: ascii('MZ') },
  { type: 'application/x-executable', bytes: [0x7f, ...ascii('ELF')] },
  { type: 'video/mp4', bytes: ascii('ftyp'), offset: 4 },
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** The media type of content that starts with `head` (pass at least `SNIFF_BYTES` of it). */
export function sniffMediaType(head: Uint8Array): string {
  for (const signature of SIGNATURES) {
    if (matches(head, signature.bytes, signature.offset ?? 0)) return signature.type;
  }
  if (matches(head, ZIP_LOCAL_HEADER, 0) || matches(head, ZIP_EMPTY, 0)) return zipFlavour(head);
  return textType(head) ?? OCTET_STREAM;
}

function matches(head: Uint8Array, bytes: ReadonlyArray<number | null>, offset: number): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => byte === null || head[offset + index] === byte);
}

// Office documents and the like are ZIP archives; their first entry names the flavour.
function zipFlavour(head: Uint8Array): string {
  const names = latin1(head);
  if (names.includes('mimetypeapplication/vnd.oasis.opendocument.text'))
    return 'application/vnd.oasis.opendocument.text';
  if (names.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
    return 'application/vnd.oasis.opendocument.spreadsheet';
  if (names.includes('word/'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.includes('xl/'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (names.includes('ppt/'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, SNIFF_BYTES));

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Text: valid UTF-8 without control characters other than tab, line breaks, form feed and ESC
 * (colour codes in logs). Markup that a browser would run (HTML, SVG, XML with its own
 * namespaces) is named as such, so nothing ever mistakes it for plain text.
 */
function textType(head: Uint8Array): string | null {
  const body = matches(head, UTF8_BOM, 0) ? head.subarray(3) : head;
  const text = decodeUtf8Prefix(body, head.length >= SNIFF_BYTES);
  if (text === null) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) return null;
  const start = text.trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<')) {
    if (/<svg[\s>]/.test(start)) return 'image/svg+xml';
    if (/^<(!doctype html|html|head|body|script|iframe)[\s>]/.test(start)) return 'text/html';
    if (start.startsWith('<?xml')) return 'application/xml';
  }
  if (/<(script|html|iframe)[\s>]/.test(start)) return 'text/html';
  return 'text/plain';
}

/**
 * The text of UTF-8 `bytes`, or null when they are not UTF-8 (overlong forms and surrogates
 * included). A head cut from a longer file may end inside a character: that tail is dropped.
 * By hand because shared/ runs without DOM or Node globals (no TextDecoder).
 */
function decodeUtf8Prefix(bytes: Uint8Array, truncated: boolean): string | null {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0) return null;
    if (index + length > bytes.length) return truncated ? text : null;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next]!;
      if ((continuation & 0xc0) !== 0x80) return null;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    const shortest = [0, 0, 0x80, 0x800, 0x10000][length]!;
    if (codePoint < shortest || codePoint > 0x10ffff) return null;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return null;
    text += String.fromCodePoint(codePoint);
    index += length;
  }
  return text;
}

/** What the app may do with a file of `type`: draw it (image, pdf) or only offer to save it. */
export type PreviewKind = 'image' | 'pdf' | 'save';

// Raster images only: SVG can carry script and is saved, never drawn.
const PREVIEWED_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function previewKind(type: string): PreviewKind {
  if (PREVIEWED_IMAGES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return 'save';
}
