import { afterEach, describe, expect, it } from 'vitest';
import { startDemoErp } from '../../../../electron/demo-erp/index';
import { changes, Device, pullAll, startTestErp, TEAM, tempDir } from './erp-test-kit';

// The server compacts its change log by itself (changes/auto-compaction.ts). Small thresholds
// make the policy visible in a few pushes; 12 organizations are always in the log.

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function start(compaction: { minSupersededRows?: number; checkEveryRows?: number }) {
  const started = await startTestErp({ compaction });
  stops.push(started.stop);
  return { erp: started.erp, device: new Device(started.erp.url) };
}

const status = async (url: string, cursor: string) => (await changes(url, { cursor })).status;
const generationOf = (cursor: string) =>
  (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { g: number }).g;

describe('automatic compaction of the change log', () => {
  it('compacts right after the push that makes enough rows superseded, and not before', async () => {
    const { erp, device } = await start({ minSupersededRows: 3, checkEveryRows: 1 });
    const ticket = await device.create();
    const other = await device.create();
    // A client in the middle of its first pull, and one that is caught up.
    const midPull = (await changes(erp.url, { limit: 5 })).body.nextCursor;
    const caughtUp = (await pullAll(erp.url)).cursor;

    for (const text of ['1', '2']) {
      await device.one({ type: 'comment', ticketId: ticket.id, payload: { text } });
    }
    // Two superseded rows: below the threshold, every cursor is still good.
    expect(await status(erp.url, midPull)).toBe(200);
    expect(await status(erp.url, caughtUp)).toBe(200);

    await device.one({ type: 'comment', ticketId: other.id, payload: { text: '3' } });
    expect(await status(erp.url, midPull)).toBe(410);
    expect(await status(erp.url, caughtUp)).toBe(410);

    // What is left is the newest row of each entity (3 users, 12 organizations, 2 tickets), and a
    // fresh pull pages through it.
    const fresh = await pullAll(erp.url, undefined, 4);
    const keys = fresh.changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(17);
    expect(generationOf(fresh.cursor)).toBe(1);
    const comments = (id: string) =>
      (fresh.changes.find((c) => c.id === id)!.data as { comments: Array<{ text: string }> })
        .comments;
    expect(comments(ticket.id).map((c) => c.text)).toEqual(['1', '2']);
    expect(comments(other.id).map((c) => c.text)).toEqual(['3']);
  });

  it('never compacts for new tickets alone: they supersede nothing', async () => {
    const { erp, device } = await start({ minSupersededRows: 1, checkEveryRows: 1 });
    const first = (await changes(erp.url, { limit: 1 })).body.nextCursor;
    for (let n = 0; n < 10; n++) await device.create();
    expect(await status(erp.url, first)).toBe(200);
    expect(generationOf((await pullAll(erp.url)).cursor)).toBe(0);
  });

  it('counts superseded rows only every checkEveryRows appended rows', async () => {
    const { erp, device } = await start({ minSupersededRows: 1, checkEveryRows: 4 });
    // The first push after a start counts (13 rows appended since no compaction): none superseded.
    const ticket = await device.create();
    const cursor = (await pullAll(erp.url)).cursor;

    for (const text of ['a', 'b', 'c']) {
      await device.one({ type: 'comment', ticketId: ticket.id, payload: { text } });
    }
    // Three rows appended since that count: superseded rows are there, but not counted yet.
    expect(await status(erp.url, cursor)).toBe(200);
    await device.one({ type: 'comment', ticketId: ticket.id, payload: { text: 'd' } });
    expect(await status(erp.url, cursor)).toBe(410);
  });

  it('compacts only on request when compaction is false', async () => {
    const started = await startTestErp({ compaction: false });
    stops.push(started.stop);
    const device = new Device(started.erp.url);
    const ticket = await device.create();
    const first = (await changes(started.erp.url, { limit: 1 })).body.nextCursor;
    for (let n = 0; n < 5; n++) {
      await device.one({ type: 'comment', ticketId: ticket.id, payload: { text: `${n}` } });
    }
    expect(await status(started.erp.url, first)).toBe(200);
    expect((await started.erp.compact()).removed).toBe(5);
    expect(await status(started.erp.url, first)).toBe(410);
  });

  it.each([
    [
      { minSupersededRows: 0 },
      /compaction\.minSupersededRows must be a positive integer \(got 0\)/,
    ],
    [{ checkEveryRows: 1.5 }, /compaction\.checkEveryRows must be a positive integer \(got 1\.5\)/],
    [{ checkEveryRows: Number.NaN }, /compaction\.checkEveryRows must be a positive integer/],
  ])('refuses a policy that is not positive integers (%o)', async (compaction, message) => {
    const dir = await tempDir();
    stops.push(dir.remove);
    await expect(
      startDemoErp({ dataDir: dir.path, users: TEAM, seed: false, compaction }),
    ).rejects.toThrow(message);
  });
});
