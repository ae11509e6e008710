import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { pendingCommandsOf } from '../../../../renderer/db/repos/pending-commands';
import { seededDb, serverTicket, ticketChange } from '../db/db-fixture';

describe('pendingCommandsOf', () => {
  it("lists only this ticket's commands still in the outbox, in send order", async () => {
    const { db, actions } = await seededDb();
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('t1')), ticketChange(serverTicket('t2'))],
      nextCursor: 'c1',
      hasMore: false,
    });
    await actions.perform('react', 't1', {});
    await actions.perform('comment', 't2', { text: 'другая заявка' });
    await actions.perform('pause', 't1', { reason: 'awaiting_user_info' });

    const pending = await pendingCommandsOf(db, 't1');
    expect(pending.map((p) => p.type)).toEqual(['react', 'pause']);
    const outbox = await db.outbox.where('ticketId').equals('t1').sortBy('seq');
    expect(pending.map((p) => p.commandId)).toEqual(outbox.map((e) => e.commandId));
    expect(await pendingCommandsOf(db, 'unknown')).toEqual([]);
  });
});
