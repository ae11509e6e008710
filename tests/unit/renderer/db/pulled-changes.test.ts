import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPulledPage, beginFullResync } from '../../../../renderer/db/repos/pulled-changes';
import { intake } from '../../../fixtures/sync/inputs';
import { ME, ORG, seededDb, serverTicket, ticketChange, tombstone } from './db-fixture';

const page = (
  changes: Parameters<typeof applyPulledPage>[1]['changes'],
  nextCursor: string,
  hasMore = false,
) => ({ changes, nextCursor, hasMore });

describe('a pulled page', () => {
  it('stores the server copy, its queue line and the cursor (with the one it replaces)', async () => {
    const { db } = await seededDb();
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 2))], 'c1'));
    expect(await db.tickets.get('t1')).toMatchObject({
      serverVersion: 3,
      pending: 0,
      view: { state: 'open', assignee: null, number: 42 },
      organizationId: ORG.id,
    });
    expect(await db.queue.get('t1')).toMatchObject({ id: 't1', state: 'open' });
    expect((await db.meta.get('cursor'))?.value).toEqual({ cursor: 'c1', previous: ['c0'] });
  });

  it('never moves a ticket back: an older or equal version changes nothing', async () => {
    const { db } = await seededDb();
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 4))], 'c1'));
    const newest = await db.tickets.get('t1');
    await applyPulledPage(
      db,
      page([ticketChange(serverTicket('t1', 1)), ticketChange(serverTicket('t1', 4))], 'c2'),
    );
    expect(await db.tickets.get('t1')).toEqual(newest);
  });

  it('rebuilds the view as the new server copy plus the commands still pending', async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 1))], 'c1'));
    await actions.perform('comment', 't1', { text: 'моё, ещё не отправлено' });
    await actions.perform('react', 't1', {});
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 3))], 'c2'));
    const row = (await db.tickets.get('t1'))!;
    expect(row.serverVersion).toBe(4);
    expect(row.view!.comments.map((c) => c.text)).toEqual([
      'с сервера 0',
      'с сервера 1',
      'с сервера 2',
      'моё, ещё не отправлено',
    ]);
    expect(row.view!.assignee).toBe(ME.id);
    expect(row.view!.events[0]).toMatchObject({
      type: 'reacted',
      authorId: ME.id,
      author: ME.name,
    });
    expect(row.pending).toBe(2);
  });

  it('a delete leaves a tombstone an older page cannot bring back', async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 1))], 'c1'));
    await actions.perform('comment', 't1', { text: 'к удалённой' });
    await applyPulledPage(db, page([tombstone('t1', 5)], 'c2'));
    await applyPulledPage(db, page([ticketChange(serverTicket('t1', 2))], 'c3'));
    const row = (await db.tickets.get('t1'))!;
    expect(row).toMatchObject({
      deleted: 1,
      view: null,
      server: null,
      serverVersion: 5,
      pending: 1,
    });
    expect(row.failing).toMatchObject([{ code: 'unknown_ticket' }]);
    expect(row.organizationId).toBeUndefined();
    expect(await db.queue.count()).toBe(0);
  });

  it('a full resync removes what the server no longer lists, keeps offline intakes and pending work', async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(
      db,
      page([ticketChange(serverTicket('gone', 1)), ticketChange(serverTicket('kept', 1))], 'c1'),
    );
    await actions.perform('comment', 'kept', { text: 'ждёт отправки' });
    const intakeResult = await actions.create(intake(ORG.id, 'Офлайн'));
    await beginFullResync(db);
    expect((await db.meta.get('cursor'))?.value).toEqual({ cursor: null, previous: [] });
    await applyPulledPage(db, page([ticketChange(serverTicket('kept', 1))], 'r1', true));
    expect((await db.tickets.get('gone'))!.view).not.toBeNull();
    await applyPulledPage(db, page([], 'r2'));
    expect(await db.tickets.get('gone')).toMatchObject({ deleted: 1, view: null });
    expect((await db.tickets.get('kept'))!.view!.comments.at(-1)?.text).toBe('ждёт отправки');
    expect(
      (await db.tickets.get(intakeResult.ok ? intakeResult.ticketId : ''))!.view,
    ).not.toBeNull();
    expect((await db.meta.get('resync'))?.value).toEqual({ epoch: 1, active: false });
    expect(await db.outbox.count()).toBe(2);
  });

  it('in any order of pages, the newest version wins and versions never decrease', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }),
        async (versions) => {
          const { db } = await seededDb();
          let highest = 0;
          for (const [index, comments] of versions.entries()) {
            const change =
              comments === 6 ? tombstone('t1', 7) : ticketChange(serverTicket('t1', comments));
            await applyPulledPage(db, page([change], `c${index + 1}`));
            highest = Math.max(highest, change.version);
            expect((await db.tickets.get('t1'))!.serverVersion).toBe(highest);
          }
          const row = (await db.tickets.get('t1'))!;
          if (highest === 7) expect(row.view).toBeNull();
          else expect(row.view).toEqual(serverTicket('t1', highest - 1));
        },
      ),
      { numRuns: 40 },
    );
  });
});
