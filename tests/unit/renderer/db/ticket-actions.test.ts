import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { createTicketActions } from '../../../../renderer/db/repos/ticket-actions';
import { intake } from '../../../fixtures/sync/inputs';
import { ME, ORG, seededDb, serverTicket, ticketChange } from './db-fixture';

describe('a user action', () => {
  it('writes the optimistic view and its outbox row with the next seq', async () => {
    const { db, actions } = await seededDb();
    const created = await actions.create(intake(ORG.id, 'Новая заявка'));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.ticketId : '';
    await actions.perform('react', id, {});
    const row = (await db.tickets.get(id))!;
    expect(row).toMatchObject({
      server: null,
      serverVersion: 0,
      pending: 2,
      organizationId: ORG.id,
      view: { priority: 2, state: 'open', assignee: ME.id },
    });
    expect(row.view?.number).toBeNull();
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.type, e.baseVersion])).toEqual([
      [1, 'create', null],
      [2, 'react', 1],
    ]);
    expect((await db.meta.get('nextSeq'))?.value).toBe(3);
  });

  it('tells the sync engine once the command is on disk, and only then', async () => {
    const { db } = await seededDb();
    let told = 0;
    const actions = createTicketActions(db, { author: ME, onRecorded: () => told++ });
    await actions.create(intake(ORG.id, 'Новая заявка'));
    await actions.perform('comment', 'missing', { text: 'x' });
    expect(told).toBe(1);
  });

  it('is based on the version the device saw from the server', async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('t1', 3))],
      nextCursor: 'c1',
      hasMore: false,
    });
    await actions.perform('comment', 't1', { text: 'локально' });
    expect((await db.outbox.toArray())[0]?.baseVersion).toBe(4);
    expect((await db.tickets.get('t1'))!.view!.comments.map((c) => c.text).at(-1)).toBe('локально');
  });

  it('refused by the shared rules or a no-op: nothing is written', async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('t1'))],
      nextCursor: 'c1',
      hasMore: false,
    });
    const refused = await actions.perform('resume', 't1', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    await actions.perform('react', 't1', {});
    expect(await actions.perform('react', 't1', {})).toEqual({
      ok: true,
      ticketId: 't1',
      commandId: null,
    });
    expect(await db.outbox.count()).toBe(1);
    expect(await actions.perform('comment', 'nope', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_ticket' },
    });
  });

  it('is one transaction: if the outbox write fails, the view does not change either', async () => {
    let diskFull = false;
    const { db, actions } = await seededDb((db) =>
      db.use({
        stack: 'dbcore',
        name: 'disk-full',
        create: (down: DBCore): DBCore => ({
          ...down,
          table: (name) => {
            const table = down.table(name);
            if (name !== 'outbox') return table;
            return {
              ...table,
              mutate: (request) =>
                diskFull ? Promise.reject(new Error('QuotaExceededError')) : table.mutate(request),
            };
          },
        }),
      }),
    );
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('t1'))],
      nextCursor: 'c1',
      hasMore: false,
    });
    const before = await db.tickets.get('t1');
    diskFull = true;
    await expect(actions.perform('comment', 't1', { text: 'не записан' })).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(await db.tickets.get('t1')).toEqual(before);
    expect(await db.meta.get('nextSeq')).toBeUndefined();
  });
});
