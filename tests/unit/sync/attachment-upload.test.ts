import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { BLOB_PART_BYTES } from '../../../shared/erp/blobs';
import type { Device } from '../../fixtures/sync/device';
import { startErpHarness, type ErpHarness } from '../../fixtures/sync/erp-harness';
import { syncedDevice } from '../../fixtures/sync/scenario';
import { startTcpProxy, type TcpProxy } from '../../fixtures/tcp-proxy';
import { startBlobHttpServer, type BlobHttpServer } from '../../fixtures/blobs/blob-server-http';
import {
  createAttachmentRig,
  createBlobAwarePush,
  fileBytes,
  prepared,
  type AttachmentRig,
} from '../../fixtures/blobs/attachment-rig';

/*
 * Attachments through the client that ships: the Dexie stores, the engine, main's dispatcher,
 * schemas and gateway over real HTTP through the byte-level fault proxy, against the blob
 * endpoints as contract 2 defines them (tests/fixtures/blobs: a fake where each fault can be
 * placed exactly). Tickets come from the demo ERP; pushes are answered as an ERP that knows blobs.
 */

const TOKEN = 'token-engineer-a';
let harness: ErpHarness;
let blobs: BlobHttpServer;
let proxy: TcpProxy;
const open: Array<{ rig: AttachmentRig; device: Device }> = [];

beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());

async function fresh(options: { limitBytes?: number } = {}) {
  blobs = await startBlobHttpServer({ token: TOKEN, ...options });
  const { hostname, port } = new URL(blobs.url);
  proxy = await startTcpProxy({ host: hostname, port: Number(port) });
}

afterEach(async () => {
  for (const { rig, device } of open.splice(0)) {
    rig.dispose();
    device.close();
  }
  await proxy.close();
  await blobs.close();
});

/** A device with the demo ERP's tickets, syncing through the blob-aware push. */
async function deviceWithTickets() {
  const device = await syncedDevice(harness);
  const ticket = await device.db.tickets.toCollection().first();
  const push = createBlobAwarePush(blobs.state);
  const rig = createAttachmentRig({
    db: device.db,
    push: push.transport,
    blobUrl: () => proxy.url,
    token: TOKEN,
  });
  open.push({ rig, device });
  return { device, rig, push, ticketId: ticket!.id };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const partsSent = (hash: string) => blobs.state.storedParts.get(hash) ?? [];
/** The SHA-256 of what the server holds complete (a byte-wise toEqual of megabytes is slow). */
const heldBytes = (hash: string) => {
  const held = blobs.state.complete.get(hash);
  return held ? sha256(held) : null;
};

describe('an attachment upload', () => {
  it('cut in the middle of a part resumes without sending again what arrived', async () => {
    await fresh();
    const { device, rig, push, ticketId } = await deviceWithTickets();
    // 2 MiB + 100 bytes: three parts, the last of 100 bytes.
    const bytes = fileBytes(2 * BLOB_PART_BYTES + 100, 7);
    const [outcome] = await rig.attach(ticketId, [prepared('journal.log', bytes)]);
    expect(outcome).toEqual({ ok: true, sha256: sha256(bytes), alreadyAttached: false });
    // Connections in order: GET …/parts, PUT part 0, PUT part 1 (cut after 300 kB of its body).
    proxy.enqueue({ kind: 'pass' }, { kind: 'pass' }, { kind: 'cut-request', afterBytes: 300_000 });
    const first = await rig.engine.syncNow();
    expect(first.ok).toBe(false);
    expect(partsSent(sha256(bytes))).toEqual([0]);
    expect(push.applied.filter((command) => command.type === 'attach')).toEqual([]);

    const runs = await rig.syncUntilSettled();
    expect(runs.at(-1)).toEqual({ ok: true });
    // Part 0 arrived once and was never sent again; the cut part 1 went whole the second time.
    expect(partsSent(sha256(bytes))).toEqual([0, 1, 2]);
    expect(heldBytes(sha256(bytes))).toBe(sha256(bytes));
    expect(push.applied.filter((command) => command.type === 'attach')).toHaveLength(1);
    expect((await device.db.blobs.get(sha256(bytes)))?.state).toBe('sent');
  });

  it('whose answer was lost asks what arrived and sends only the rest', async () => {
    await fresh();
    const { rig, ticketId } = await deviceWithTickets();
    const bytes = fileBytes(2 * BLOB_PART_BYTES + 1, 8);
    await rig.attach(ticketId, [prepared('photo.bin', bytes, 'application/octet-stream')]);
    // GET …/parts, PUT 0, PUT 1 stored by the server but its answer lost.
    proxy.enqueue({ kind: 'pass' }, { kind: 'pass' }, { kind: 'reset-after-request' });
    expect((await rig.engine.syncNow()).ok).toBe(false);
    expect(partsSent(sha256(bytes))).toEqual([0, 1]);
    expect((await rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(partsSent(sha256(bytes))).toEqual([0, 1, 2]);
    expect(heldBytes(sha256(bytes))).toBe(sha256(bytes));
  });

  it('of a file two devices attached is stored once, and the second sends no part', async () => {
    await fresh();
    const one = await deviceWithTickets();
    const two = await deviceWithTickets();
    const bytes = fileBytes(BLOB_PART_BYTES + 10, 9);
    await one.rig.attach(one.ticketId, [prepared('screen.png', bytes, 'image/png')]);
    await two.rig.attach(two.ticketId, [prepared('same-screen.png', bytes, 'image/png')]);
    expect((await one.rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect((await two.rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(partsSent(sha256(bytes))).toEqual([0, 1]);
    expect([...blobs.state.complete.keys()]).toEqual([sha256(bytes)]);
    expect((await two.device.db.blobs.get(sha256(bytes)))?.state).toBe('sent');
    expect(two.push.applied.filter((command) => command.type === 'attach')).toHaveLength(1);
  });

  it('not complete yet leaves its attach deferred, then applied once the blob is', async () => {
    await fresh();
    const { rig, push, ticketId } = await deviceWithTickets();
    const bytes = fileBytes(300, 10);
    await rig.attach(ticketId, [prepared('note.txt', bytes)]);
    await rig.comment(ticketId, 'после вложения');
    // The ERP fails on the blob (503), not on the push: the attach goes and is deferred.
    blobs.failNext(503);
    const first = await rig.engine.syncNow();
    expect(first).toMatchObject({ ok: false });
    expect(push.applied).toEqual([]);
    expect(await rig.syncUntilSettled()).toContainEqual({ ok: true });
    expect(push.applied.map((command) => command.type)).toEqual(['attach', 'comment']);
  });

  it('lost to a restart in the middle goes on where it stopped, nothing lost', async () => {
    await fresh();
    const { device, rig, ticketId } = await deviceWithTickets();
    const bytes = fileBytes(3 * BLOB_PART_BYTES, 11);
    await rig.attach(ticketId, [prepared('dump.bin', bytes, 'application/octet-stream')]);
    proxy.enqueue({ kind: 'pass' }, { kind: 'pass' }, { kind: 'refuse' });
    await rig.engine.syncNow();
    expect(partsSent(sha256(bytes))).toEqual([0]);
    rig.dispose();
    const reopened = await device.crash();
    expect((await reopened.db.blobs.get(sha256(bytes)))?.state).toBe('pending');
    expect(await reopened.db.outbox.count()).toBe(1);
    const push = createBlobAwarePush(blobs.state);
    const again = createAttachmentRig({
      db: reopened.db,
      push: push.transport,
      blobUrl: () => proxy.url,
      token: TOKEN,
    });
    open.push({ rig: again, device: reopened });
    expect((await again.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(partsSent(sha256(bytes))).toEqual([0, 1, 2]);
    expect(heldBytes(sha256(bytes))).toBe(sha256(bytes));
    expect(push.applied.map((command) => command.type)).toEqual(['attach']);
  });
});

describe('a blob the ERP will never take', () => {
  it('over its limit (413) becomes a refused action and the rest of the outbox flows', async () => {
    await fresh({ limitBytes: BLOB_PART_BYTES });
    const { device, rig, push, ticketId } = await deviceWithTickets();
    const big = fileBytes(BLOB_PART_BYTES + 1, 12);
    const small = fileBytes(50, 13);
    await rig.attach(ticketId, [prepared('big.bin', big, 'application/octet-stream')]);
    await rig.comment(ticketId, 'до маленького файла');
    await rig.attach(ticketId, [prepared('small.txt', small)]);
    expect((await rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(push.applied.map((command) => command.type)).toEqual(['comment', 'attach']);
    const [letter] = await device.db.deadLetters.toArray();
    expect(letter).toMatchObject({
      type: 'attach',
      status: 'rejected',
      error: { code: 'blob_too_large' },
    });
    expect(letter!.error.message).toContain(String(BLOB_PART_BYTES));
    // The refused file is still on this device (the dead letter can be acted on): nothing lost.
    expect((await device.db.blobs.get(sha256(big)))?.state).toBe('pending');
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('whose content does not match its hash (400) is refused with both hashes named', async () => {
    await fresh();
    const { device, rig, push, ticketId } = await deviceWithTickets();
    const bytes = fileBytes(1000, 14);
    const [outcome] = await rig.attach(ticketId, [prepared('log.txt', bytes)]);
    const key = (outcome as { sha256: string }).sha256;
    // The stored content went bad after it was hashed (a disk error, a bug).
    await device.db.blobs.update(key, { blob: new Blob([fileBytes(1000, 15)]) });
    await rig.comment(ticketId, 'после испорченного файла');
    expect((await rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(push.applied.map((command) => command.type)).toEqual(['comment']);
    const [letter] = await device.db.deadLetters.toArray();
    expect(letter?.error.code).toBe('blob_hash_mismatch');
    expect(letter?.error.message).toContain(key);
    expect(blobs.state.complete.size).toBe(0);
  });
});
