import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../../../../shared/evidence';
import { readEvidenceSource } from '../../../../renderer/db/repos/evidence-input';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { lookupIn } from '../../../../renderer/db/repos/users';
import { ORG, seededDb, serverTicket, ticketChange, T0 } from './db-fixture';

describe('readEvidenceSource', () => {
  it('gives the ticket with its unsent actions, which the pack lists as not sent', async () => {
    const { db, actions } = await seededDb();
    const ticket = serverTicket('t-evidence');
    await applyPulledPage(db, {
      changes: [ticketChange(ticket)],
      nextCursor: 'c1',
      hasMore: false,
    });
    await actions.perform('comment', ticket.id, { text: 'Жду логи' });

    const source = (await readEvidenceSource(db, ticket.id))!;
    expect(source.organization).toEqual(ORG);
    expect(source.pendingCommandIds.size).toBe(1);
    const pack = buildEvidencePack({
      ticket: source.ticket,
      organization: source.organization!,
      users: lookupIn(source.users),
      pendingCommandIds: source.pendingCommandIds,
      generatedAt: new Date(T0 + 3_600_000).toISOString(),
      appVersion: 'test',
    });
    const comment = pack.timeline.find((entry) => entry.kind === 'comment')!;
    expect(comment.sync).toEqual({ status: 'unsent', receivedAt: null });
  });

  it('is null for a ticket this computer does not have', async () => {
    const { db } = await seededDb();
    expect(await readEvidenceSource(db, 'nowhere')).toBeNull();
  });
});
