import { describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import { startDemoErp } from '../../../../electron/demo-erp/index';
import { openDatabase } from '../../../../electron/demo-erp/store/database';
import { Device, pullAll, TEAM, tempDir } from './erp-test-kit';

// A data folder written before users had ids (assignee and authors were names) is migrated once,
// on the first start of this version: devices then pull the tickets again, with ids.

/** Rewrites a stored ticket the way the previous version stored it. */
function asBeforeIds(ticket: Ticket, assigneeName: string | null, authorName: string) {
  const byName = <R extends { authorId: string | null }>({ authorId: _id, ...record }: R) => ({
    ...record,
    author: authorName,
  });
  const old: Partial<Ticket> = { ...ticket };
  delete old.assignments;
  return {
    ...old,
    assignee: assigneeName,
    events: ticket.events.map(byName),
    comments: ticket.comments.map(byName),
    workLogs: ticket.workLogs.map(byName),
  };
}

describe('tickets from before user ids', () => {
  it('get ids for their people, a new version, and unknown names become former users', async () => {
    const dir = await tempDir();
    try {
      const first = await startDemoErp({ dataDir: dir.path, users: TEAM, seed: false });
      const device = new Device(first.url);
      const known = await device.create();
      await device.one({ type: 'react', ticketId: known.id });
      const legacy = await device.create();
      const commented = await device.one({
        type: 'comment',
        ticketId: legacy.id,
        payload: { text: 'запись старой версии' },
      });
      const taken = (await pullAll(first.url)).changes.filter((c) => c.id === known.id).at(-1)!;
      await first.close();

      // As the previous version left the folder: names everywhere, no migration mark.
      const { db } = await openDatabase(dir.path);
      const rewrite = async (ticket: Ticket, assignee: string | null, author: string) =>
        db.query('update tickets set data = $2::jsonb where id = $1', [
          ticket.id,
          JSON.stringify(asBeforeIds(ticket, assignee, author)),
        ]);
      await rewrite(taken.data as Ticket, 'Иванов Сергей', 'Иванов Сергей');
      await rewrite(commented.ticket!, null, 'Демо-инженер');
      await db.query(`delete from meta where key = 'tickets_name_user_ids'`);
      await db.close();

      const second = await startDemoErp({ dataDir: dir.path, users: TEAM, seed: false });
      const { changes, cursor } = await pullAll(second.url);
      const latest = (id: string) => changes.filter((c) => c.id === id).at(-1)!;
      expect(latest(known.id)).toMatchObject({ version: taken.version + 1 });
      expect(latest(known.id).data).toMatchObject({
        assignee: 'ivanov',
        events: [{ type: 'reacted', author: 'Иванов Сергей', authorId: 'ivanov' }],
        assignments: [],
      });
      // A name nobody in the team has keeps reading as it did: the id the old session reported.
      expect(latest(legacy.id).data).toMatchObject({
        comments: [{ author: 'Демо-инженер', authorId: 'Демо-инженер' }],
      });
      expect(latest('Демо-инженер').data).toEqual({
        id: 'Демо-инженер',
        name: 'Демо-инженер',
        active: false,
        version: 1,
      });
      await second.close();

      // Once only: the next start changes nothing.
      const third = await startDemoErp({ dataDir: dir.path, users: TEAM, seed: false });
      expect((await pullAll(third.url, cursor)).changes).toEqual([]);
      await third.close();
    } finally {
      await dir.remove();
    }
  });
});
