import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_PART_BYTES } from '@shared/erp/blobs';
import type { DemoErp } from '../../../../electron/demo-erp/index';
import { fileBytes, getParts, partOf, putPart, sha256Of } from './blob-kit';
import { call, changes, Device, notBehindPrism, startTestErp, TOKEN } from './erp-test-kit';

let erp: DemoErp;
let stopServer: () => Promise<void>;

beforeAll(async () => {
  const started = await startTestErp({ testMode: true });
  erp = started.erp;
  stopServer = started.stop;
});
afterAll(() => stopServer());
afterEach(() => erp.faults.reset());

async function rawPost(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

// Behind Prism, a connection the server cuts becomes Prism's own 500, and the admin routes are not
// part of the protocol document: those tests run against the server directly only.
describe('fault knobs (programmatic)', () => {
  it('are all off by default', () => {
    expect(erp.faults.get()).toMatchObject({
      delayMs: 0,
      resetBeforeCommit: 0,
      resetAfterCommit: 0,
      truncateResponse: 0,
      serverErrors: 0,
      retryAfter: 0,
    });
  });

  it('answer 5xx the given number of times, then work again', async () => {
    const device = new Device(erp.url);
    const ticket = await device.create();
    erp.faults.set({ serverErrors: 2, serverErrorStatus: 502 });
    const command = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'a' },
    });
    expect((await device.send([command])).status).toBe(502);
    expect((await device.send([command])).status).toBe(502);
    expect((await device.send([command])).body.results[0]!.status).toBe('applied');
  });

  it('answer 429 and 503 with Retry-After', async () => {
    erp.faults.set({ retryAfter: 1, retryAfterStatus: 503, retryAfterSeconds: 7 });
    const first = await changes(erp.url);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await changes(erp.url)).status).toBe(200);
    erp.faults.set({ retryAfter: 1, retryAfterStatus: 429, retryAfterSeconds: 2 });
    const throttled = await new Device(erp.url).send([]);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
  });

  notBehindPrism('reset before commit: the connection dies and nothing was written', async () => {
    const device = new Device(erp.url);
    const ticket = await device.create();
    const command = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'b' },
    });
    erp.faults.set({ resetBeforeCommit: 1 });
    await expect(device.send([command])).rejects.toThrow();
    expect((await device.send([command])).body.results[0]!.status).toBe('applied');
  });

  notBehindPrism('reset after commit: the connection dies but the push was applied', async () => {
    const device = new Device(erp.url);
    const ticket = await device.create();
    const command = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'c' },
    });
    erp.faults.set({ resetAfterCommit: 1 });
    await expect(device.send([command])).rejects.toThrow();
    expect((await device.send([command])).body.results[0]!.status).toBe('duplicate');
  });

  notBehindPrism('truncates a response body after commit', async () => {
    const device = new Device(erp.url);
    const ticket = await device.create();
    const command = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'd' },
    });
    erp.faults.set({ truncateResponse: 1 });
    await expect(device.send([command])).rejects.toThrow();
    expect((await device.send([command])).body.results[0]!.status).toBe('duplicate');
  });

  it('can be limited to one endpoint, and a delay still answers', async () => {
    erp.faults.set({ serverErrors: 1, endpoints: ['changes'], delayMs: 20 });
    expect((await new Device(erp.url).send([])).status).toBe(200);
    expect((await changes(erp.url)).status).toBe(500);
    expect((await changes(erp.url)).status).toBe(200);
  });

  it('refuse unknown or invalid knobs instead of silently doing nothing', () => {
    expect(() => erp.faults.set({ serverErrors: -1 })).toThrow();
    expect(() => erp.faults.set({ resetBeforCommit: 1 } as never)).toThrow();
  });
});

describe('admin routes (test mode)', () => {
  notBehindPrism('set, read and clear the knobs over HTTP', async () => {
    const set = await rawPost(`${erp.url}/__test/faults`, { serverErrors: 1 });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { serverErrors: number }).serverErrors).toBe(1);
    expect((await new Device(erp.url).send([])).status).toBe(500);

    const bad = await rawPost(`${erp.url}/__test/faults`, { truncateResponse: 'yes' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^truncateResponse: /,
    );
    await rawPost(`${erp.url}/__test/faults`, { delayMs: 5 });
    expect((await call(`${erp.url}/__test/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await call<{ delayMs: number }>(`${erp.url}/__test/faults`)).body.delayMs).toBe(0);
    expect((await call(`${erp.url}/__test/faults`, { token: null })).status).toBe(401);
  });

  notBehindPrism('compact and delete a ticket over HTTP', async () => {
    const ticket = await new Device(erp.url).create();
    const deleted = await rawPost(`${erp.url}/__test/tickets/${ticket.id}/delete`, {});
    expect(deleted.status).toBe(200);
    expect((await rawPost(`${erp.url}/__test/tickets/${ticket.id}/delete`, {})).status).toBe(404);
    const compacted = await rawPost(`${erp.url}/__test/compact`, {});
    expect(compacted.status).toBe(200);
    expect(await compacted.json()).toMatchObject({ removed: expect.any(Number) });
  });
});

// A client's upload must survive a connection cut on either side of storing a part.
describe('fault knobs on the blob endpoints', () => {
  const bytes = fileBytes(BLOB_PART_BYTES + 40, 61);
  const sha256 = sha256Of(bytes);
  const query = { parts: 2, size: bytes.length };

  notBehindPrism(
    'hit blobs only when listed, and cut a part upload before or after storing it',
    async () => {
      erp.faults.set({ serverErrors: 1 });
      expect((await putPart(erp.url, sha256, { part: 0, ...query }, partOf(bytes, 0))).status).toBe(
        200,
      );
      erp.faults.set({ serverErrors: 0, resetBeforeCommit: 1, endpoints: ['blobs'] });
      await expect(
        putPart(erp.url, sha256, { part: 1, ...query }, partOf(bytes, 1)),
      ).rejects.toThrow();
      expect((await getParts(erp.url, sha256)).body.received).toEqual([0]);
      erp.faults.set({ resetAfterCommit: 1 });
      await expect(
        putPart(erp.url, sha256, { part: 1, ...query }, partOf(bytes, 1)),
      ).rejects.toThrow();
      // The answer was lost, the part was not: asking says so, and nothing needs sending again.
      expect((await getParts(erp.url, sha256)).body).toMatchObject({
        received: [0, 1],
        complete: true,
      });
    },
  );
});
