import { BLOB_PART_BYTES, BLOB_PATHS, MAX_ATTACHMENT_BYTES } from '../../../shared/erp/blobs';
import type { JsonObject } from './json-pointer';
import { common, json, ref } from './operation-helpers';

/*
 * The blob endpoints of contract 2 (docs/erp-protocol.md, "Blobs"): a file is uploaded in parts
 * under its SHA-256, resumably, and only then referred to by an `attach` command.
 */

const PATH_TEMPLATE = '{sha256}';

const sha256Parameter = {
  name: 'sha256',
  in: 'path',
  required: true,
  description: "The SHA-256 of the whole file, 64 lowercase hex digits: the blob's name.",
  schema: ref('schemas', 'Sha256'),
};

const wholeNumber = (name: string, minimum: number, description: string) => ({
  name,
  in: 'query',
  required: true,
  description,
  schema: { type: 'integer', minimum },
});

const binary = {
  'application/octet-stream': {
    schema: { type: 'string', contentMediaType: 'application/octet-stream' },
  },
};

const header = (description: string, schema: JsonObject = { type: 'string' }) => ({
  description,
  schema,
});

const downloadHeaders = {
  'Content-Length': header('Bytes in this answer.', { type: 'integer', minimum: 0 }),
  'Accept-Ranges': header('Always `bytes`: ask for a part with `Range`.', {
    type: 'string',
    const: 'bytes',
  }),
  ETag: header('The SHA-256 in quotes; the content behind a name never changes.'),
};

const putPart = {
  operationId: 'putBlobPart',
  tags: ['blobs'],
  summary: 'Upload one part of a file',
  description:
    `The file travels in \`parts\` = ceil(size / ${BLOB_PART_BYTES}) parts (at least 1), numbered ` +
    `from 0; every part but the last is exactly ${BLOB_PART_BYTES} bytes, the last holds the ` +
    'rest. Parts may come in any order, from any user, and again: a part already stored (or any ' +
    'part of a complete blob) is answered with the status and changes nothing. When the last ' +
    'missing part arrives the server joins them and checks the SHA-256; only then is the blob ' +
    'complete and can `attach` refer to it. To resume, ask `GET …/parts` and send only what is ' +
    'missing. The size is checked against the limit before the body is read.',
  parameters: [
    sha256Parameter,
    wholeNumber('part', 0, 'Which part this is: 0 … parts − 1.'),
    wholeNumber('parts', 1, 'How many parts the file travels in: ceil(size / 1048576).'),
    wholeNumber('size', 1, 'The size of the whole file in bytes; the same in every part.'),
  ],
  requestBody: { required: true, description: "The part's bytes.", content: binary },
  responses: {
    '200': {
      description: 'The part is stored (or was already); what the server holds of the blob now.',
      content: json('BlobUploadStatus', ['blobPartStored', 'blobComplete']),
    },
    '400': {
      description:
        '`blob_part_invalid`: the part is not as long as its index says, `part` ≥ `parts`, ' +
        '`parts` does not fit `size`, or `size`/`parts` differ from earlier parts of the blob; ' +
        "nothing was stored. `blob_hash_mismatch`: the joined parts' SHA-256 is not the blob's " +
        'name (the message names both); every part was discarded, upload the file again. ' +
        '`invalid_request`: the path is not a SHA-256.',
      content: json('ErrorResponse', ['blobPartInvalid', 'blobHashMismatch', 'blobPathInvalid']),
    },
    '413': {
      description: `\`blob_too_large\`: \`size\` is over the server's limit (\`maxBytes\`; the reference server's default is ${MAX_ATTACHMENT_BYTES} bytes), answered before the body is read.`,
      content: json('TooLargeError', ['blobTooLarge']),
    },
    ...common,
  },
};

const download = {
  operationId: 'getBlob',
  tags: ['blobs'],
  summary: 'Download a complete file, or a byte range of it',
  description:
    "The app downloads attachments of other people's tickets on demand, when they are opened. " +
    'One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`) is answered 206; a `Range` that is ' +
    'not one well-formed byte range is ignored (200 with everything).',
  parameters: [
    sha256Parameter,
    {
      name: 'Range',
      in: 'header',
      required: false,
      description: 'One byte range, e.g. `bytes=1048576-` to continue a cut download.',
      schema: { type: 'string', examples: ['bytes=0-1048575'] },
    },
  ],
  responses: {
    '200': { description: 'The whole file.', headers: downloadHeaders, content: binary },
    '206': {
      description: 'The range asked for.',
      headers: {
        ...downloadHeaders,
        'Content-Range': header('`bytes a-b/size`.', { type: 'string' }),
      },
      content: binary,
    },
    '400': {
      description: '`invalid_request`: the path is not a SHA-256.',
      content: json('ErrorResponse', ['blobPathInvalid']),
    },
    '404': {
      description: '`blob_unknown`: no such blob, or its upload is not complete.',
      content: json('ErrorResponse', ['blobUnknown']),
    },
    '416': {
      description: '`range_not_satisfiable`: the range starts past the end.',
      headers: { 'Content-Range': header('`bytes */size`.') },
      content: json('ErrorResponse', ['rangeNotSatisfiable']),
    },
    ...common,
  },
};

const parts = {
  get: {
    operationId: 'getBlobParts',
    tags: ['blobs'],
    summary: 'Which parts of a file the server holds',
    description: 'Asked before an upload resumes, so only the missing parts are sent.',
    parameters: [sha256Parameter],
    responses: {
      '200': {
        description: 'Some or all parts arrived.',
        content: json('BlobUploadStatus', ['blobPartStored', 'blobComplete']),
      },
      '400': {
        description: '`invalid_request`: the path is not a SHA-256.',
        content: json('ErrorResponse', ['blobPathInvalid']),
      },
      '404': {
        description: '`blob_unknown`: nothing of it arrived (or a failed hash check discarded it).',
        content: json('ErrorResponse', ['blobUnknown']),
      },
      ...common,
    },
  },
};

export function blobPaths(): JsonObject {
  return {
    [BLOB_PATHS.blob(PATH_TEMPLATE)]: { put: putPart, get: download },
    [BLOB_PATHS.parts(PATH_TEMPLATE)]: parts,
  };
}
