import { describe, expect, it } from 'vitest';
import {
  deleteDraft,
  draftsOf,
  draftKey,
  readDraft,
  readIntakeFiles,
  recordDroppingDraft,
  writeDraft,
  writeIntakeFiles,
  INTAKE_FILES_KEY,
} from '../../../../renderer/db/repos/drafts';
import { intake } from '../../../fixtures/sync/inputs';
import { ORG, seededDb } from './db-fixture';

/*
 * Drafts live beside the outbox: recording an action and removing its draft is one transaction,
 * so no crash can leave both a queued comment and the draft it came from (sent twice), nor lose
 * the draft of an action that was never queued.
 */
describe('drafts repo', () => {
  async function withTicket() {
    const { db, actions } = await seededDb();
    const created = await actions.create(intake(ORG.id, 'Заявка с черновиком'));
    if (!created.ok) throw new Error('create refused');
    return { db, actions, ticketId: created.ticketId };
  }

  it('keeps one draft per form and ticket, and a form emptied by hand keeps none', async () => {
    const { db, ticketId } = await withTicket();
    const key = draftKey('comment', ticketId);
    await writeDraft(
      db,
      { key, form: 'comment', ticketId, fields: { text: 'жду логи' } },
      false,
      1,
    );
    await writeDraft(
      db,
      {
        key: draftKey('pause', ticketId),
        form: 'pause',
        ticketId,
        fields: { reason: 'other', note: '' },
      },
      false,
      2,
    );
    expect(await readDraft(db, key)).toMatchObject({ fields: { text: 'жду логи' }, updatedAt: 1 });
    expect((await draftsOf(db, ticketId)).map((row) => row.form).sort()).toEqual([
      'comment',
      'pause',
    ]);

    await writeDraft(db, { key, form: 'comment', ticketId, fields: { text: '' } }, true);
    expect(await readDraft(db, key)).toBeUndefined();
    await deleteDraft(db, draftKey('pause', ticketId));
    expect(await draftsOf(db, ticketId)).toEqual([]);
  });

  it('a recorded action takes its draft with it', async () => {
    const { db, actions, ticketId } = await withTicket();
    const key = draftKey('comment', ticketId);
    await writeDraft(db, { key, form: 'comment', ticketId, fields: { text: 'жду логи' } }, false);
    const outboxBefore = await db.outbox.count();
    const result = await recordDroppingDraft(db, key, () =>
      actions.perform('comment', ticketId, { text: 'жду логи' }),
    );
    expect(result.ok).toBe(true);
    expect(await readDraft(db, key)).toBeUndefined();
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
  });

  it('a refused action leaves the draft as it was', async () => {
    const { db, actions, ticketId } = await withTicket();
    const key = draftKey('resolve', ticketId);
    await writeDraft(db, { key, form: 'resolve', ticketId, fields: { result: 'готово' } }, false);
    // Reopen of an open ticket: the shared rules refuse it before anything is queued.
    const result = await recordDroppingDraft(db, key, () =>
      actions.perform('reopen', ticketId, {}),
    );
    expect(result.ok).toBe(false);
    expect(await readDraft(db, key)).toMatchObject({ fields: { result: 'готово' } });
  });

  it('a failure half-way leaves neither the action nor the loss of the draft', async () => {
    const { db, actions, ticketId } = await withTicket();
    const key = draftKey('comment', ticketId);
    await writeDraft(db, { key, form: 'comment', ticketId, fields: { text: 'жду логи' } }, false);
    const outboxBefore = await db.outbox.count();
    await expect(
      recordDroppingDraft(db, key, async () => {
        const recorded = await actions.perform('comment', ticketId, { text: 'жду логи' });
        expect(recorded.ok).toBe(true);
        // The disk fails after the action was written but before the transaction commits.
        throw new Error('QuotaExceededError');
      }),
    ).rejects.toThrow('QuotaExceededError');
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect(await readDraft(db, key)).toMatchObject({ fields: { text: 'жду логи' } });
  });

  it("an intake's files come back in order with their content, and none left keeps no row", async () => {
    const { db } = await seededDb();
    expect(await readIntakeFiles(db)).toEqual([]);
    const log = new Blob(['2026-12-07 10:05 ERROR печать'], { type: 'text/plain' });
    const shot = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    await writeIntakeFiles(db, [
      { name: 'ошибка.png', type: 'image/png', blob: shot, fromLetter: true },
      { name: 'registratura.log', type: 'text/plain', blob: log, fromLetter: false },
    ]);
    const back = await readIntakeFiles(db);
    expect(back.map(({ name, fromLetter }) => [name, fromLetter])).toEqual([
      ['ошибка.png', true],
      ['registratura.log', false],
    ]);
    expect(await back[1]!.blob.text()).toBe('2026-12-07 10:05 ERROR печать');
    // Never a draft of a ticket's forms: the ticket page does not see it.
    expect((await readDraft(db, INTAKE_FILES_KEY))?.ticketId).toBeNull();

    await writeIntakeFiles(db, []);
    expect(await readDraft(db, INTAKE_FILES_KEY)).toBeUndefined();
  });

  it('stored entries of another shape are left out, not shown as broken files', async () => {
    const { db } = await seededDb();
    const good = { name: 'a.log', type: 'text/plain', blob: new Blob(['a']), fromLetter: false };
    await writeDraft(
      db,
      {
        key: INTAKE_FILES_KEY,
        form: 'intake-files',
        ticketId: null,
        fields: { files: [good, { name: 'b.log', blob: 'not a blob' }, null] },
      },
      false,
    );
    expect((await readIntakeFiles(db)).map((file) => file.name)).toEqual(['a.log']);
  });
});
