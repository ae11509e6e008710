import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OCTET_STREAM,
  previewKind,
  SNIFF_BYTES,
  sniffMediaType,
} from '../../../../shared/files/sniff-type';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(new TextEncoder().encode(part)) : part,
    ),
  );
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('sniffMediaType: from the first bytes', () => {
  it.each([
    ['PNG', bytes(PNG, [0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['RIFF that is a WAV, not WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), OCTET_STREAM],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['ZIP', bytes([0x50, 0x4b, 3, 4, 20, 0], 'readme.txt'), 'application/zip'],
    [
      'DOCX (a ZIP whose entries are word/…)',
      bytes([0x50, 0x4b, 3, 4, 20, 0], '[Content_Types].xml', [0, 0], 'word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0]), 'application/x-msdownload'],
    ['a UTF-8 log in Russian', bytes('2026-12-07 14:05:01 ОШИБКА: нет связи\r\n'), 'text/plain'],
    [
      'a log with a BOM and colour codes',
      bytes([0xef, 0xbb, 0xbf], '\u001b[31mERR\u001b[0m\n'),
      'text/plain',
    ],
    ['Windows-1251 text (not UTF-8)', bytes([0xce, 0xf8, 0xe8, 0xe1, 0xea, 0xe0]), OCTET_STREAM],
    ['binary with NUL bytes', bytes('abc', [0, 1, 2]), OCTET_STREAM],
  ])('%s', (_what, content, type) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it('never reads the name: the same bytes are the same type whatever the file is called', () => {
    // sniffMediaType takes no name at all; this pins that an HTML page is HTML even if the
    // caller got it as "error.png".
    expect(sniffMediaType(bytes('<!DOCTYPE html><script>alert(1)</script>'))).toBe('text/html');
  });
});

describe('polyglots and script-capable markup', () => {
  it('an SVG (script-capable) is named SVG and only ever saved', () => {
    const svg = bytes(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    expect(sniffMediaType(svg)).toBe('image/svg+xml');
    expect(previewKind('image/svg+xml')).toBe('save');
  });

  it.each([
    ['a page', '<html><body>hi</body></html>'],
    ['a page after blank lines', '\n\n   <!doctype html>'],
    ['a bare script', '<script>fetch("//evil")</script>'],
    ['a script after a harmless first line', 'hello\n<script>x()</script>'],
    ['an iframe', '<iframe src="https://example.com">'],
  ])('HTML (%s) is HTML, saved and never drawn', (_what, text) => {
    const type = sniffMediaType(bytes(text));
    expect(type).toBe('text/html');
    expect(previewKind(type)).toBe('save');
  });

  it('a PDF that is also a ZIP is the PDF its first bytes announce (drawn by pdf.js only)', () => {
    const polyglot = bytes('%PDF-1.4\n1 0 obj<<>>endobj\n', [0x50, 0x4b, 3, 4], 'payload.exe');
    expect(sniffMediaType(polyglot)).toBe('application/pdf');
  });

  it('a ZIP with a PDF inside it is a ZIP, saved only', () => {
    const zip = bytes([0x50, 0x4b, 3, 4, 20, 0], 'a.pdf', '%PDF-1.4');
    expect(previewKind(sniffMediaType(zip))).toBe('save');
  });

  it('a PNG with HTML after its header is an image: <img> never runs script', () => {
    const gifar = bytes(PNG, '<html><script>alert(1)</script>');
    expect(sniffMediaType(gifar)).toBe('image/png');
  });
});

describe('text cut at the sniffing limit', () => {
  it('a multi-byte character split by the limit still reads as text', () => {
    // "Ж" is two bytes (D0 96): 4095 ASCII bytes then "Ж" puts its second byte past the head.
    const head = bytes('a'.repeat(SNIFF_BYTES - 1), 'Ж').subarray(0, SNIFF_BYTES);
    expect(sniffMediaType(head)).toBe('text/plain');
  });

  it('a whole (short) file that ends inside a character is not text', () => {
    expect(sniffMediaType(bytes('abc', [0xd0]))).toBe(OCTET_STREAM);
  });

  it.each([
    ['an overlong "/"', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded as UTF-8', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('invalid UTF-8 (%s) is not text', (_what, invalid) => {
    expect(sniffMediaType(bytes('ok', invalid))).toBe(OCTET_STREAM);
  });
});

describe('properties', () => {
  it('any printable Unicode text is text (agrees with the platform UTF-8 decoder)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        // Controls and '<' (markup) out: what is left is plain text by any definition.
        // eslint-disable-next-line no-control-regex
        const clean = text.replace(/[\u0000-\u001f\u007f<]/g, ' ');
        expect(sniffMediaType(new TextEncoder().encode(clean))).toBe('text/plain');
      }),
    );
  });

  it('only raster images and PDF are ever drawn, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (content) => {
        const type = sniffMediaType(content);
        expect(
          ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(type),
        ).toBe(previewKind(type) !== 'save');
      }),
    );
  });
});
