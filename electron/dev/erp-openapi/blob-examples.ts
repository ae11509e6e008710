import type { Example } from './examples';

/* Example bodies of the blob endpoints, as the reference server answers (a 2.5 MiB photo). */

const PHOTO = '9f2c5a1e7b3d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
const OTHER = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d';
const SIZE = 2_621_440;

const error = (code: string, message: string) => ({ error: { code, message } });

export const BLOB_EXAMPLES = {
  blobPartStored: {
    kind: 'blobStatus',
    summary: 'Two of three parts arrived',
    value: { sha256: PHOTO, size: SIZE, parts: 3, received: [0, 2], complete: false },
  },
  blobComplete: {
    kind: 'blobStatus',
    summary: 'Every part arrived and the hash matched',
    value: { sha256: PHOTO, size: SIZE, parts: 3, received: [0, 1, 2], complete: true },
  },
  blobPartInvalid: {
    kind: 'errorResponse',
    summary: 'A part of the wrong length',
    value: error(
      'blob_part_invalid',
      'part 0 of 3: 1000000 bytes, expected 1048576 (every part but the last is exactly 1048576 bytes)',
    ),
  },
  blobHashMismatch: {
    kind: 'errorResponse',
    summary: 'The parts joined do not hash to the name',
    value: error(
      'blob_hash_mismatch',
      `the 3 part(s) joined have SHA-256 ${OTHER}, not ${PHOTO} as the URL says; they were discarded: upload the file again`,
    ),
  },
  blobPathInvalid: {
    kind: 'errorResponse',
    summary: 'The path does not name a SHA-256',
    value: error(
      'invalid_request',
      'blob path: sha256 must be 64 lowercase hexadecimal digits (a SHA-256)',
    ),
  },
  blobTooLarge: {
    kind: 'errorResponse',
    summary: 'A file over the limit',
    value: {
      ...error(
        'blob_too_large',
        'the file is 31457280 bytes; this server accepts files of at most 26214400 bytes',
      ),
      maxBytes: 26_214_400,
    },
  },
  blobUnknown: {
    kind: 'errorResponse',
    summary: 'Nothing of it arrived',
    value: error('blob_unknown', `blob ${PHOTO}: nothing of it has arrived`),
  },
  rangeNotSatisfiable: {
    kind: 'errorResponse',
    summary: 'A range past the end',
    value: error(
      'range_not_satisfiable',
      `range "bytes=3000000-" is outside the blob's ${SIZE} bytes`,
    ),
  },
} satisfies Record<string, Example>;
