import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_PART_BYTES } from '../../../shared/erp/blobs';
import { createErpSyncTransport } from '../../../shared/sync/erp-transport';
import type { Ticket } from '../../../shared/domain/ticket';
import { startErpHarness, USERS, type ErpHarness } from '../../fixtures/sync/erp-harness';
import { createMainErpPort } from '../../fixtures/sync/main-erp-port';
import { syncedDevice } from '../../fixtures/sync/scenario';
import { createAttachmentRig, fileBytes, prepared } from '../../fixtures/blobs/attachment-rig';

/*
 * The attachment faults against the reference ERP itself: uploads, pushes and pulls all through
 * main's gateway and the byte-level fault proxy (attachment-upload.test.ts runs the same
 * scenarios against a fake of the blob endpoints, where each fault can be placed exactly).
 */

let harness: ErpHarness;

beforeAll(async () => {
  harness = await startErpHarness();
});
afterAll(() => harness.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Part uploads of `hash` the proxy saw answered, in order: what reached the ERP and came back. */
function partsAnswered(hash: string): number[] {
  return harness.proxy
    .recordings()
    .filter((recording) => recording.complete && recording.requestLine.startsWith(`PUT `))
    .filter((recording) => recording.requestLine.includes(hash))
    .map((recording) => Number(/[?&]part=(\d+)/.exec(recording.requestLine)?.[1]));
}

async function engineer() {
  const device = await syncedDevice(harness);
  const ticket = await device.db.tickets.toCollection().first();
  const push = createErpSyncTransport(
    createMainErpPort({ baseUrl: () => harness.proxy.url, token: () => USERS.a.token }),
  );
  const rig = createAttachmentRig({
    db: device.db,
    push,
    blobUrl: () => harness.proxy.url,
    token: USERS.a.token,
  });
  return { device, rig, ticketId: ticket!.id };
}

/** The ticket's files of that content on the ERP (every test works on the seed's first ticket). */
async function attachmentsOnServer(ticketId: string, content: Uint8Array) {
  const snapshot = await harness.snapshot();
  const hash = sha256(content);
  return ((snapshot.tickets.get(ticketId)?.data as Ticket | undefined)?.attachments ?? []).filter(
    (attachment) => !attachment.removed && attachment.sha256 === hash,
  );
}

describe('attachments against the reference ERP', () => {
  it('an upload cut mid-part resumes without sending again what arrived', async () => {
    const { rig, device, ticketId } = await engineer();
    const bytes = fileBytes(2 * BLOB_PART_BYTES + 5, 21);
    await rig.attach(ticketId, [prepared('journal.log', bytes)]);
    // The clock probe (an empty push), GET …/parts, PUT part 0, then part 1 cut mid-body.
    harness.proxy.enqueue(
      { kind: 'pass' },
      { kind: 'pass' },
      { kind: 'pass' },
      { kind: 'cut-request', afterBytes: 200_000 },
    );
    expect((await rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(partsAnswered(sha256(bytes))).toEqual([0, 1, 2]);
    expect(await attachmentsOnServer(ticketId, bytes)).toEqual([
      expect.objectContaining({ sha256: sha256(bytes), name: 'journal.log', size: bytes.length }),
    ]);
    rig.dispose();
    device.close();
  });

  it('the same file attached on two devices is stored once; the second sends no part', async () => {
    const one = await engineer();
    const two = await engineer();
    const bytes = fileBytes(BLOB_PART_BYTES + 3, 22);
    await one.rig.attach(one.ticketId, [prepared('screen.png', bytes, 'image/png')]);
    await two.rig.attach(two.ticketId, [prepared('screen.png', bytes, 'image/png')]);
    expect((await one.rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    const before = partsAnswered(sha256(bytes)).length;
    expect((await two.rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(partsAnswered(sha256(bytes))).toHaveLength(before);
    expect(await attachmentsOnServer(two.ticketId, bytes)).toHaveLength(1);
    for (const { rig, device } of [one, two]) {
      rig.dispose();
      device.close();
    }
  });

  it('an attach whose blob is not complete is deferred, then applied, and nothing else waits wrongly', async () => {
    const { rig, device, ticketId } = await engineer();
    const bytes = fileBytes(400, 23);
    await rig.attach(ticketId, [prepared('note.txt', bytes)]);
    // The blob's parts request fails; the push still goes and the ERP defers the attach.
    harness.proxy.enqueue({ kind: 'pass' }, { kind: 'refuse' });
    expect((await rig.engine.syncNow()).ok).toBe(false);
    expect(await attachmentsOnServer(ticketId, bytes)).toEqual([]);
    expect((await rig.syncUntilSettled()).at(-1)).toEqual({ ok: true });
    expect(await attachmentsOnServer(ticketId, bytes)).toHaveLength(1);
    expect(await device.db.deadLetters.count()).toBe(0);
    rig.dispose();
    device.close();
  });
});
