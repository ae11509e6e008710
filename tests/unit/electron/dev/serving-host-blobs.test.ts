import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_PART_BYTES } from '../../../../shared/erp/blobs';
import { createServingHost } from '../../../../electron/dev/serving-host/index';
import { startBlobHttpServer, type BlobHttpServer } from '../../../fixtures/blobs/blob-server-http';
import { fileBytes } from '../../../fixtures/blobs/attachment-rig';

/*
 * The browser host's blob channels: a part travels from the page to the serving process as raw
 * bytes (not base64 in JSON) and on to the ERP with the token held there; a download comes back
 * as raw bytes with the ERP's status in a header.
 */

const TOKEN = 'demo-token-0123';
const servers: Server[] = [];
let erp: BlobHttpServer;
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await erp.close();
});

async function setup() {
  erp = await startBlobHttpServer({ token: TOKEN });
  const host = createServingHost({
    erp: { url: new URL(erp.url), demo: true, demoToken: TOKEN },
    timeoutMs: 5_000,
  });
  const server = createServer((req, res) => host.handle(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the serving host’s blob endpoints', () => {
  it('carry a part as raw bytes to the ERP and its content back, the token staying there', async () => {
    const base = await setup();
    const bytes = fileBytes(BLOB_PART_BYTES + 7, 1);
    const hash = sha256(bytes);
    for (const part of [0, 1]) {
      const body = bytes.slice(part * BLOB_PART_BYTES, (part + 1) * BLOB_PART_BYTES);
      const query = `sha256=${hash}&part=${part}&parts=2&size=${bytes.length}`;
      const response = await fetch(`${base}/host/erp/blob-part?${query}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body,
      });
      expect(await response.json()).toMatchObject({
        ok: true,
        value: { status: 200, body: { complete: part === 1 } },
      });
    }
    expect(erp.state.storedParts.get(hash)).toEqual([0, 1]);

    const download = await fetch(`${base}/host/erp/blob-get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sha256: hash, start: BLOB_PART_BYTES, end: BLOB_PART_BYTES + 99 }),
    });
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('x-erp-status')).toBe('206');
    expect(download.headers.get('x-erp-content-range')).toBe(
      `bytes ${BLOB_PART_BYTES}-${BLOB_PART_BYTES + 6}/${bytes.length}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes.slice(BLOB_PART_BYTES));
  });

  it('answer a download the ERP does not have as JSON, and refuse a part over one part', async () => {
    const base = await setup();
    const missing = await fetch(`${base}/host/erp/blob-get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sha256: 'a'.repeat(64) }),
    });
    expect(await missing.json()).toMatchObject({
      ok: true,
      value: { status: 404, bytes: null, body: { error: { code: 'blob_unknown' } } },
    });
    const size = 2 * BLOB_PART_BYTES;
    const tooBig = await fetch(
      `${base}/host/erp/blob-part?sha256=${'b'.repeat(64)}&part=0&parts=2&size=${size}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(BLOB_PART_BYTES + 1),
      },
    );
    expect(await tooBig.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const asJson = await fetch(
      `${base}/host/erp/blob-part?sha256=${'b'.repeat(64)}&part=0&parts=1&size=3`,
      { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '[1,2,3]' },
    );
    expect(asJson.status).toBe(415);
    expect(erp.state.storedParts.size).toBe(0);
  });
});
