import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_PART_BYTES } from '@shared/erp/blobs';
import {
  expectReferenceWording,
  OTHER_TOKEN,
  referenceDirectly,
  referenceOnly,
  startTestErp,
  TOKEN,
} from './erp-test-kit';
import { fileBytes, getBlob, getParts, partOf, putPart, sha256Of, upload } from './blob-kit';

// Contract 2, "Blobs": content-addressed, resumable uploads in parts of BLOB_PART_BYTES, verified
// by hash on completion, downloaded with Range. Black-box over HTTP (also run behind Prism by
// `npm run test:contract`); what is on disk is checked only against the reference server.

const LIMIT = 3 * BLOB_PART_BYTES;
let server: Awaited<ReturnType<typeof startTestErp>>;
let url: string;

beforeAll(async () => {
  server = await startTestErp({ maxBlobBytes: LIMIT });
  url = server.erp.url;
});
afterAll(() => server.stop());

/** Complete blobs on the reference server's disk: files named by a SHA-256 in `<data>/blobs`. */
async function blobFiles(): Promise<string[]> {
  const entries = await readdir(join(server.dataDir, 'blobs'), { withFileTypes: true });
  return entries.filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name)).map((e) => e.name);
}

describe('upload in parts', () => {
  it('stores a 2.5-part file part by part and gives back exactly its bytes', async () => {
    const bytes = fileBytes(2.5 * BLOB_PART_BYTES, 11);
    const sha256 = sha256Of(bytes);
    const size = bytes.length;
    const first = await putPart(url, sha256, { part: 0, parts: 3, size }, partOf(bytes, 0));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ sha256, size, parts: 3, received: [0], complete: false });
    // Out of order is fine: the client resumes with whatever is missing.
    const third = await putPart(url, sha256, { part: 2, parts: 3, size }, partOf(bytes, 2));
    expect(third.body).toMatchObject({ received: [0, 2], complete: false });
    expect((await getParts(url, sha256)).body).toMatchObject({ received: [0, 2] });
    expect((await getBlob(url, sha256)).error?.error.code).toBe('blob_unknown');

    const last = await putPart(url, sha256, { part: 1, parts: 3, size }, partOf(bytes, 1));
    expect(last.body).toEqual({ sha256, size, parts: 3, received: [0, 1, 2], complete: true });
    const download = await getBlob(url, sha256);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-length')).toBe(String(size));
    expect(download.headers.get('accept-ranges')).toBe('bytes');
    expect(download.headers.get('etag')).toBe(`"${sha256}"`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256Of(download.bytes)).toBe(sha256);
  });

  it('answers a part sent twice with the same status, and any part of a complete blob too', async () => {
    const bytes = fileBytes(BLOB_PART_BYTES + 10, 12);
    const sha256 = sha256Of(bytes);
    const query = { parts: 2, size: bytes.length };
    await putPart(url, sha256, { part: 0, ...query }, partOf(bytes, 0));
    const again = await putPart(url, sha256, { part: 0, ...query }, partOf(bytes, 0));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ received: [0], complete: false });
    await putPart(url, sha256, { part: 1, ...query }, partOf(bytes, 1));
    const afterComplete = await putPart(url, sha256, { part: 0, ...query }, partOf(bytes, 0));
    expect(afterComplete.status).toBe(200);
    expect(afterComplete.body).toMatchObject({ received: [0, 1], complete: true });
    expect(sha256Of((await getBlob(url, sha256)).bytes)).toBe(sha256);
  });

  it('says nothing of a blob that never arrived: 404 blob_unknown', async () => {
    const sha256 = sha256Of(fileBytes(5, 13));
    expect((await getParts(url, sha256)).status).toBe(404);
    expect((await getParts(url, sha256)).body.error.code).toBe('blob_unknown');
    const download = await getBlob(url, sha256);
    expect([download.status, download.error?.error.code]).toEqual([404, 'blob_unknown']);
  });

  referenceOnly('stores a file uploaded by two users once, by its hash', async () => {
    const before = await blobFiles();
    const bytes = fileBytes(1500, 14);
    const byOne = await upload(url, bytes);
    const byOther = await upload(url, bytes, { token: OTHER_TOKEN });
    expect([byOne.body.complete, byOther.body.complete]).toEqual([true, true]);
    const after = await blobFiles();
    expect(after.filter((name) => !before.includes(name))).toEqual([sha256Of(bytes)]);
  });
});

describe('refusals', () => {
  it('discards the parts when the whole does not hash to its name, naming both hashes', async () => {
    const bytes = fileBytes(BLOB_PART_BYTES + 100, 21);
    const claimed = sha256Of(fileBytes(BLOB_PART_BYTES + 100, 22));
    const query = { parts: 2, size: bytes.length };
    await putPart(url, claimed, { part: 0, ...query }, partOf(bytes, 0));
    const last = await putPart(url, claimed, { part: 1, ...query }, partOf(bytes, 1));
    expect(last.status).toBe(400);
    expect(last.body.error.code).toBe('blob_hash_mismatch');
    expect(last.body.error.message).toContain(claimed);
    expect(last.body.error.message).toContain(sha256Of(bytes));
    expect((await getParts(url, claimed)).status).toBe(404);
  });

  // The limit is the reference server's option, lowered for the test.
  referenceOnly('refuses a file over the limit with 413 naming the limit in bytes', async () => {
    const size = LIMIT + 1;
    const sha256 = sha256Of(fileBytes(8, 23));
    const answer = await putPart(url, sha256, { part: 0, parts: 4, size }, new Uint8Array(10));
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('blob_too_large');
    expectReferenceWording(answer.body.error.message, new RegExp(`at most ${LIMIT} bytes`));
  });

  // Prism reads the whole request before it forwards it.
  referenceDirectly('answers 413 from the size alone, before the body has been sent', async () => {
    const sha256 = sha256Of(fileBytes(8, 24));
    const target = new URL(`${url}/sync/v1/blobs/${sha256}?part=0&parts=4&size=${LIMIT + 1}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(target, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(BLOB_PART_BYTES),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      // A tenth of the part, and the rest never: only an answer that did not wait can arrive.
      req.write(new Uint8Array(BLOB_PART_BYTES / 10));
    });
    expect(status).toBe(413);
  });

  it.each([
    [
      'a first part one byte short',
      { part: 0, parts: 2 },
      BLOB_PART_BYTES - 1,
      /part 0 of 2: 1048575 bytes, expected 1048576/,
    ],
    ['a first part one byte long', { part: 0, parts: 2 }, BLOB_PART_BYTES + 1, /expected 1048576/],
    [
      'a last part of the wrong length',
      { part: 1, parts: 2 },
      10,
      /part 1 of 2: 10 bytes, expected 100/,
    ],
    [
      'parts that do not fit the size',
      { part: 0, parts: 3 },
      BLOB_PART_BYTES,
      /parts=3, but a file of 1048676 bytes travels in 2/,
    ],
    [
      'an index past the last part',
      { part: 2, parts: 2 },
      100,
      /part=2 is out of range: parts are numbered 0 to 1/,
    ],
  ])('refuses %s with 400 blob_part_invalid', async (_case, where, length, wording) => {
    // Size 1 MiB + 100 bytes: two parts, the last 100 bytes long.
    const size = BLOB_PART_BYTES + 100;
    const sha256 = sha256Of(fileBytes(size, 25));
    const answer = await putPart(url, sha256, { ...where, size }, new Uint8Array(length));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('blob_part_invalid');
    expectReferenceWording(answer.body.error.message, wording);
    expect((await getParts(url, sha256)).status).toBe(404);
  });

  it('refuses a part whose size differs from the earlier parts of the same blob', async () => {
    const bytes = fileBytes(BLOB_PART_BYTES + 100, 26);
    const sha256 = sha256Of(bytes);
    await putPart(url, sha256, { part: 0, parts: 2, size: bytes.length }, partOf(bytes, 0));
    const other = await putPart(
      url,
      sha256,
      { part: 1, parts: 2, size: bytes.length + 1 },
      new Uint8Array(101),
    );
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('blob_part_invalid');
    expectReferenceWording(
      other.body.error.message,
      /is 1048676 bytes in 2 part\(s\).*size=1048677/,
    );
    expect((await getParts(url, sha256)).body).toMatchObject({ size: bytes.length, received: [0] });
  });

  it('names a malformed hash and a missing query parameter', async () => {
    const badHash = await putPart(url, 'ABC', { part: 0, parts: 1, size: 3 }, new Uint8Array(3));
    expect(badHash.status).toBe(400);
    expectReferenceWording(badHash.body.error.message, /sha256 must be 64 lowercase hexadecimal/);
    const sha256 = sha256Of(fileBytes(3, 27));
    const response = await fetch(`${url}/sync/v1/blobs/${sha256}?part=0&parts=1`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: new Uint8Array(3),
    });
    expect(response.status).toBe(400);
    expectReferenceWording(
      ((await response.json()) as { error: { message: string } }).error.message,
      /query parameter size is required/,
    );
  });

  it('answers 401 without a valid token, whatever the blob', async () => {
    const sha256 = sha256Of(fileBytes(3, 28));
    expect(
      (await putPart(url, sha256, { part: 0, parts: 1, size: 3 }, new Uint8Array(3), null)).status,
    ).toBe(401);
    expect(
      (await putPart(url, sha256, { part: 0, parts: 1, size: 3 }, new Uint8Array(3), 'not-a-token'))
        .status,
    ).toBe(401);
  });
});

describe('download with Range', () => {
  const bytes = fileBytes(1000, 31);
  const sha256 = sha256Of(bytes);
  beforeAll(async () => {
    expect((await upload(url, bytes)).body.complete).toBe(true);
  });

  it.each([
    // A 1000-byte blob: bytes 0…999.
    ['bytes=0-99', 0, 99],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=500-5000', 500, 999],
  ])('%s → 206 with bytes %i to %i', async (range, start, end) => {
    const answer = await getBlob(url, sha256, range);
    expect(answer.status).toBe(206);
    expect(answer.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(answer.bytes).toEqual(bytes.subarray(start, end + 1));
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])(
    '%s → 416 naming the size',
    async (range) => {
      const answer = await getBlob(url, sha256, range);
      expect(answer.status).toBe(416);
      expect(answer.headers.get('content-range')).toBe('bytes */1000');
    },
  );
});
