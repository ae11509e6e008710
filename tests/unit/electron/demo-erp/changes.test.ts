import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import type { DemoErp } from '../../../../electron/demo-erp/index';
import {
  changes,
  createPayload,
  Device,
  EXTERNAL_ERP,
  pullAll,
  referenceOnly,
  startTestErp,
} from './erp-test-kit';

// A frozen server clock: all 1,000 tickets share one createdAt and one updatedAt, the case where
// paging by timestamp loses or repeats rows. Another implementation keeps its own clock, and its
// feed holds more than these tickets.
const FROZEN = Date.parse('2026-11-24T06:00:00.000Z');
let erp: DemoErp;
let stopServer: () => Promise<void>;
let device: Device;
const ticketIds: string[] = [];

beforeAll(async () => {
  const started = await startTestErp({ now: () => FROZEN });
  erp = started.erp;
  stopServer = started.stop;
  device = new Device(erp.url);
  const createdAt = new Date((EXTERNAL_ERP ? Date.now() : FROZEN) - 3600_000).toISOString();
  for (let batch = 0; batch < 2; batch++) {
    const commands = Array.from({ length: 500 }, () => {
      const id = randomUUID();
      ticketIds.push(id);
      return device.command({
        type: 'create',
        ticketId: id,
        payload: createPayload({ createdAt }),
      });
    });
    const answer = await device.send(commands);
    if (answer.status !== 200 || answer.body.results.some((r) => r.status !== 'applied')) {
      throw new Error(`seeding failed: ${answer.status}`);
    }
  }
}, 60_000);
afterAll(() => stopServer());

describe('changes', () => {
  it('pages through 1,000 tickets with equal timestamps while they change, missing none', async () => {
    const seen = new Map<string, number>();
    const latest = new Map<string, number>(ticketIds.map((id) => [id, 1]));
    const ours = new Set(ticketIds);
    let cursor: string | undefined;
    let page = 0;
    for (;;) {
      const answer = await changes(erp.url, { ...(cursor ? { cursor } : {}), limit: 100 });
      expect(answer.status).toBe(200);
      for (const change of answer.body.changes) {
        if (change.entity !== 'ticket' || !ours.has(change.id)) continue;
        if (!EXTERNAL_ERP) {
          expect((change.data as Ticket).updatedAt).toBe(new Date(FROZEN).toISOString());
        }
        seen.set(change.id, Math.max(seen.get(change.id) ?? 0, change.version));
      }
      cursor = answer.body.nextCursor;
      if (!answer.body.hasMore) break;
      // Between pages, change one ticket already pulled and one not pulled yet.
      page += 1;
      // (Modulo: another implementation's feed may hold many more pages than these tickets.)
      for (const id of [ticketIds[(page * 7) % 1000]!, ticketIds[999 - ((page * 5) % 1000)]!]) {
        const result = await device.one({
          type: 'comment',
          ticketId: id,
          payload: { text: `стр. ${page}` },
        });
        latest.set(id, result.ticket!.version);
      }
    }
    expect(page).toBeGreaterThanOrEqual(9);
    expect(seen.size).toBe(1000);
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(latest));

    // Nothing new since the last cursor: an empty page, the same position (on a server nobody
    // else uses meanwhile).
    const tail = await changes(erp.url, { cursor: cursor });
    expect(tail.body).toMatchObject({ hasMore: false });
    if (!EXTERNAL_ERP) expect(tail.body).toMatchObject({ changes: [], nextCursor: cursor });
  });

  referenceOnly(
    'lists the organizations first and returns at most the default 500 per page',
    async () => {
      const first = await changes(erp.url);
      expect(first.body.changes).toHaveLength(500);
      expect(first.body.hasMore).toBe(true);
      const orgs = first.body.changes.filter((c) => c.entity === 'organization');
      expect(orgs).toHaveLength(12);
    },
  );

  referenceOnly(
    'sends a deleted ticket as a tombstone, and commands on it are rejected',
    async () => {
      const { cursor } = await pullAll(erp.url);
      const id = ticketIds[500]!;
      expect(await erp.deleteTicket(id)).toBe(true);
      expect(await erp.deleteTicket(id)).toBe(false);
      const after = await pullAll(erp.url, cursor);
      expect(after.changes).toEqual([
        { entity: 'ticket', id, version: expect.any(Number), deleted: true, data: null },
      ]);
      const result = await device.one({
        type: 'comment',
        ticketId: id,
        payload: { text: 'поздно' },
      });
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'ticket_deleted' } });
      const recreate = await device.one({ type: 'create', ticketId: id, payload: createPayload() });
      expect(recreate.status).toBe('rejected');
    },
  );

  referenceOnly(
    'answers 410 to a cursor older than a compaction, and a fresh pull is consistent',
    async () => {
      const old = (await changes(erp.url, { limit: 10 })).body.nextCursor;
      const recent = (await pullAll(erp.url)).cursor;
      const compacted = await erp.compact();
      expect(compacted.removed).toBeGreaterThan(0);

      const expired = await changes(erp.url, { cursor: old });
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('cursor_expired');
      // A cursor at the head of the log is still good: nothing it needed was removed.
      expect((await changes(erp.url, { cursor: recent })).status).toBe(200);

      // A full pull that starts after the compaction pages through it without a 410, even though
      // its first cursors are behind the head the compaction saw.
      const fresh = await pullAll(erp.url, undefined, 50);
      const ids = fresh.changes.map((c) => `${c.entity}:${c.id}`);
      expect(new Set(ids).size).toBe(ids.length); // one row per entity after compaction
      expect(fresh.changes.filter((c) => c.entity === 'ticket')).toHaveLength(1000);
      expect(fresh.changes.filter((c) => c.deleted)).toHaveLength(1);
    },
  );
});
