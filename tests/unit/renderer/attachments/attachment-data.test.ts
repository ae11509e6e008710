import { createHash } from 'node:crypto';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/erp/blobs';
import { fail, ok } from '../../../../shared/host/result';
import { createBlobTransport, type ErpBlobPort } from '../../../../shared/sync/blob-transport';
import type { AppDb } from '../../../../renderer/db/schema';
import { attachFiles } from '../../../../renderer/features/attachments/data/attach-files';
import {
  freeAttachmentCache,
  readAttachmentStorage,
} from '../../../../renderer/features/attachments/data/attachment-storage';
import {
  ATTACHMENT_QUOTA_BYTES,
  type DeviceUsage,
} from '../../../../renderer/features/attachments/data/device-quota';
import { createAttachmentOpener } from '../../../../renderer/features/attachments/data/open-attachment';
import { readTicketAttachments } from '../../../../renderer/features/attachments/data/ticket-attachments';
import { createBlobServerState } from '../../../fixtures/blobs/blob-server-state';
import { fileBytes, prepared } from '../../../fixtures/blobs/attachment-rig';
import { intake } from '../../../fixtures/sync/inputs';
import { ORG, seededDb } from '../db/db-fixture';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MIB = 1024 * 1024;

/** An engineer offline with one ticket registered on this device. */
async function offlineTicket(onOpen?: (db: AppDb) => void, device: DeviceUsage | null = null) {
  const { db, actions } = await seededDb(onOpen);
  const created = await actions.create(intake(ORG.id, 'Не печатается акт'));
  if (!created.ok) throw new Error(created.error.message);
  const deps = { db, actions, device: async () => device, now: () => 1_000 };
  return { db, actions, deps, ticketId: created.ticketId };
}

describe('attachFiles', () => {
  it('stores the file as pending and records its attach: the ticket lists it at once, offline', async () => {
    const { db, deps, ticketId } = await offlineTicket();
    const bytes = fileBytes(3000, 1);
    const outcomes = await attachFiles(deps, ticketId, [prepared('журнал.log', bytes)]);
    expect(outcomes).toEqual([{ ok: true, sha256: sha256(bytes), alreadyAttached: false }]);
    expect(await db.blobs.get(sha256(bytes))).toMatchObject({
      state: 'pending',
      size: 3000,
      type: 'text/plain',
    });
    const attach = (await db.outbox.toArray()).filter((row) => row.type === 'attach');
    expect(attach.map((row) => row.payload)).toEqual([
      { sha256: sha256(bytes), name: 'журнал.log', type: 'text/plain', size: 3000 },
    ]);
    expect(await readTicketAttachments(db, ticketId)).toEqual([
      expect.objectContaining({ name: 'журнал.log', size: 3000, local: 'pending' }),
    ]);
  });

  it('keeps one copy of a file attached twice, and says the second time it is attached already', async () => {
    const { db, actions, deps, ticketId } = await offlineTicket();
    const other = await actions.create(intake(ORG.id, 'Вторая заявка'));
    const bytes = fileBytes(500, 2);
    await attachFiles(deps, ticketId, [prepared('a.txt', bytes)]);
    const again = await attachFiles(deps, ticketId, [prepared('a (копия).txt', bytes)]);
    expect(again).toEqual([{ ok: true, sha256: sha256(bytes), alreadyAttached: true }]);
    await attachFiles(deps, other.ok ? other.ticketId : '', [prepared('a.txt', bytes)]);
    expect(await db.blobs.count()).toBe(1);
    expect((await db.outbox.toArray()).filter((row) => row.type === 'attach')).toHaveLength(2);
  });

  it('refuses an empty file and one over the limit, naming the limit, and stores nothing', async () => {
    const { db, deps, ticketId } = await offlineTicket();
    const huge = {
      name: 'видео.mp4',
      type: 'video/mp4',
      blob: new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)]),
    };
    const outcomes = await attachFiles(deps, ticketId, [
      prepared('пусто.txt', new Uint8Array(0)),
      huge,
      prepared('ok.txt', fileBytes(10, 3)),
    ]);
    expect(outcomes).toEqual([
      { ok: false, code: 'empty' },
      {
        ok: false,
        code: 'too_large',
        limitBytes: MAX_ATTACHMENT_BYTES,
        neededBytes: MAX_ATTACHMENT_BYTES + 1,
      },
      expect.objectContaining({ ok: true }),
    ]);
    expect(await db.blobs.count()).toBe(1);
  });

  it('refuses a file the device quota cannot hold, with the numbers, and stores nothing of it', async () => {
    // The browser reports 10 MiB free (the 4 MiB already stored are counted in its usage):
    // attachments may grow by those 10 MiB, not up to 2 GiB.
    const device = { usage: 90 * MIB, quota: 100 * MIB };
    const { db, deps, ticketId } = await offlineTicket(undefined, device);
    await attachFiles(deps, ticketId, [prepared('small.bin', fileBytes(4 * MIB, 4))]);
    const outcomes = await attachFiles(deps, ticketId, [
      prepared('big.bin', fileBytes(11 * MIB, 5)),
    ]);
    expect(outcomes).toEqual([
      {
        ok: false,
        code: 'quota',
        limitBytes: 14 * MIB,
        neededBytes: 11 * MIB,
        freeBytes: 10 * MIB,
      },
    ]);
    expect(await db.blobs.count()).toBe(1);
    expect((await db.outbox.toArray()).filter((row) => row.type === 'attach')).toHaveLength(1);
  });

  it('never lets attachments hold more than 2 GiB, however much the device has free', async () => {
    const { db, deps, ticketId } = await offlineTicket(undefined, {
      usage: 0,
      quota: 100 * 1024 ** 3,
    });
    // A row recorded as almost 2 GiB (its size is what counts).
    await db.blobs.add({
      sha256: 'e'.repeat(64),
      blob: new Blob(['x']),
      size: ATTACHMENT_QUOTA_BYTES - 100,
      type: 'application/octet-stream',
      state: 'cached',
      storedAt: 0,
      openedAt: 0,
    });
    const [outcome] = await attachFiles(deps, ticketId, [prepared('x.txt', fileBytes(101, 6))]);
    expect(outcome).toMatchObject({ ok: false, code: 'quota', limitBytes: ATTACHMENT_QUOTA_BYTES });
  });

  it('leaves neither the file nor the command when the outbox write fails', async () => {
    const failOutbox = (db: AppDb) =>
      db.use({
        stack: 'dbcore',
        name: 'outbox-fails',
        create: (down: DBCore): DBCore => ({
          ...down,
          table(name) {
            const table = down.table(name);
            if (name !== 'outbox') return table;
            return {
              ...table,
              mutate(request) {
                const attach =
                  request.type === 'add' &&
                  request.values.some((row) => (row as { type: string }).type === 'attach');
                if (attach) throw new Error('disk full');
                return table.mutate(request);
              },
            };
          },
        }),
      });
    const { db, deps, ticketId } = await offlineTicket(failOutbox);
    const [outcome] = await attachFiles(deps, ticketId, [prepared('a.txt', fileBytes(10, 7))]);
    expect(outcome).toMatchObject({ ok: false, code: 'storage_failed' });
    expect(await db.blobs.count()).toBe(0);
    expect((await db.outbox.toArray()).filter((row) => row.type === 'attach')).toEqual([]);
    expect(await readTicketAttachments(db, ticketId)).toEqual([]);
  });
});

describe('freeAttachmentCache', () => {
  it('frees what the ERP also holds and never a file not yet sent', async () => {
    const { db, deps, ticketId } = await offlineTicket();
    await attachFiles(deps, ticketId, [prepared('pending.txt', fileBytes(100, 8))]);
    const row = (state: 'sent' | 'cached', size: number, fill: string) => ({
      sha256: fill.repeat(64),
      blob: new Blob([new Uint8Array(size)]),
      size,
      type: 'image/png',
      state,
      storedAt: 0,
      openedAt: 0,
    });
    await db.blobs.bulkAdd([row('sent', 200, 'a'), row('cached', 300, 'b')]);
    expect(await freeAttachmentCache(db)).toEqual({ freedBytes: 500 });
    expect((await db.blobs.toArray()).map((blob) => blob.state)).toEqual(['pending']);
    expect(await readAttachmentStorage(db, null)).toMatchObject({
      pending: { count: 1, bytes: 100 },
      sent: { count: 0, bytes: 0 },
      cached: { count: 0, bytes: 0 },
      limitBytes: ATTACHMENT_QUOTA_BYTES,
    });
  });
});

describe('openAttachment', () => {
  /** A colleague's 5 MiB file on the ERP, read through the blob endpoints' Range answers. */
  function erpWith(bytes: Uint8Array, tamper = false) {
    const server = createBlobServerState();
    const hash = sha256(bytes);
    server.preload(hash, bytes.length, new Map());
    for (let part = 0; part * MIB < bytes.length; part += 1) {
      const total = Math.ceil(bytes.length / MIB);
      server.put(
        hash,
        { part, parts: total, size: bytes.length },
        bytes.slice(part * MIB, (part + 1) * MIB),
      );
    }
    const requests: string[] = [];
    const port: ErpBlobPort = {
      parts: async () => fail('internal', 'unused'),
      put: async () => fail('internal', 'unused'),
      async get({ sha256: asked, start, end }) {
        requests.push(`${start}-${end}`);
        const answer = server.get(
          asked,
          start === undefined ? null : `bytes=${start}-${end ?? ''}`,
        );
        const body = answer.bytes ? answer.bytes.slice() : null;
        if (body && tamper) body[0] = body[0]! ^ 0xff;
        return ok({
          status: answer.status,
          bytes: body,
          contentRange: answer.headers?.['content-range'] ?? null,
          body: answer.body,
        });
      },
    };
    return { hash, port, requests };
  }

  it('downloads a file not on this device in ranges, checks its hash and keeps it cached', async () => {
    const { db } = await offlineTicket();
    const bytes = fileBytes(5 * MIB + 3, 9);
    const { hash, port, requests } = erpWith(bytes);
    const open = createAttachmentOpener({
      db,
      transport: createBlobTransport(port),
      device: async () => null,
      now: () => 42,
    });
    const opened = await open(hash, { type: 'image/png' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.blob.type).toBe('image/png');
    expect(sha256(new Uint8Array(await opened.blob.arrayBuffer()))).toBe(hash);
    // 4 MiB a request: no request carried the whole file.
    expect(requests).toEqual([`0-${4 * MIB - 1}`, `${4 * MIB}-${8 * MIB - 1}`]);
    expect(await db.blobs.get(hash)).toMatchObject({
      state: 'cached',
      size: bytes.length,
      openedAt: 42,
    });
    // The second time it comes from this device.
    expect((await open(hash)).ok).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('refuses content that does not match its hash and keeps nothing of it', async () => {
    const { db } = await offlineTicket();
    const { hash, port } = erpWith(fileBytes(1000, 10), true);
    const open = createAttachmentOpener({
      db,
      transport: createBlobTransport(port),
      device: async () => null,
      now: () => 1,
    });
    const opened = await open(hash);
    expect(opened).toMatchObject({ ok: false, code: 'failed' });
    expect(opened.ok || opened.message).toContain(hash);
    expect(await db.blobs.count()).toBe(0);
  });

  it('says offline when the ERP cannot be reached, and not_found when it has no such file', async () => {
    const { db } = await offlineTicket();
    const offline: ErpBlobPort = {
      parts: async () => fail('erp_unreachable', 'x'),
      put: async () => fail('erp_unreachable', 'x'),
      get: async () => fail('erp_unreachable', 'connection refused'),
    };
    const transport = createBlobTransport(offline);
    const open = createAttachmentOpener({ db, transport, device: async () => null, now: () => 1 });
    expect(await open('c'.repeat(64))).toMatchObject({ ok: false, code: 'offline' });
    const { port } = erpWith(fileBytes(10, 11));
    const unknown = createAttachmentOpener({
      db,
      transport: createBlobTransport(port),
      device: async () => null,
      now: () => 1,
    });
    expect(await unknown('d'.repeat(64))).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('detach', () => {
  it('takes the file off the list (its content stays on the device)', async () => {
    const { db, actions, deps, ticketId } = await offlineTicket();
    const bytes = fileBytes(64, 12);
    await attachFiles(deps, ticketId, [prepared('a.txt', bytes)]);
    const detached = await actions.perform('detach', ticketId, { sha256: sha256(bytes) });
    expect(detached.ok).toBe(true);
    expect(await readTicketAttachments(db, ticketId)).toEqual([]);
    expect(await db.blobs.count()).toBe(1);
  });
});
