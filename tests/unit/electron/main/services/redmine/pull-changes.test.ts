import { describe, expect, it } from 'vitest';
import {
  changesResponse,
  type Change,
  type ChangesResponse,
} from '../../../../../../shared/erp/protocol';
import { createFakeRedmine } from './fake-redmine';

type Fake = ReturnType<typeof createFakeRedmine>;

async function pull(fake: Fake, cursor: string | null) {
  const result = await fake.backend.changes({ cursor, limit: 500 });
  if (!result.ok) throw new Error(`host failure: ${result.error.message}`);
  return result.value;
}

/** Pulls until `hasMore` is false; the changes of every answer in order, and the last cursor. */
async function pullAll(fake: Fake, cursor: string | null) {
  const changes: Change[] = [];
  let answers = 0;
  for (;;) {
    const answer = await pull(fake, cursor);
    expect(answer.status).toBe(200);
    const page: ChangesResponse = changesResponse.parse(answer.body);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore || ++answers > 50) return { changes, cursor };
  }
}

const ticketIssueIds = (changes: Change[]) =>
  changes
    .filter((change) => change.entity === 'ticket' && !change.deleted)
    .map((change) => (change.data as { number: number }).number);

describe('the Redmine pull (contract 2 changes from recorded Redmine answers)', () => {
  it('sends the customer organizations and the team before the issues that name them', async () => {
    const fake = createFakeRedmine();
    fake.addIssue(1, '2026-12-07T11:00:00Z');
    const first = changesResponse.parse((await pull(fake, null)).body);
    expect(first.hasMore).toBe(true);
    expect(first.changes.map((c) => c.entity)).not.toContain('ticket');
    const organization = first.changes.find((c) => c.entity === 'organization' && c.id === '1');
    expect(organization?.data).toMatchObject({ timeZone: 'Europe/Moscow', calendar: 'RU' });
    expect(first.changes.some((c) => c.entity === 'user' && c.id === '5')).toBe(true);

    const rest = await pullAll(fake, first.nextCursor);
    const ticket = rest.changes.find((c) => c.entity === 'ticket');
    // The recorded issue was created by the app: its ticket id is the client's (custom field 1).
    expect(ticket?.id).toBe('01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f');
    expect(ticket?.data).toMatchObject({ number: 1, organizationId: '1' });
    expect(rest.changes.filter((c) => c.entity !== 'ticket')).toEqual([]);
  });

  it('delivers 250 issues once each while some are updated between pages', async () => {
    const fake = createFakeRedmine();
    for (let id = 1; id <= 250; id++)
      fake.addIssue(id, `2026-12-07T10:${String(Math.floor(id / 10)).padStart(2, '0')}:00Z`);
    let cursor: string | null = null;
    const delivered: number[] = [];
    for (let answers = 0; answers < 20; answers++) {
      const page = changesResponse.parse((await pull(fake, cursor)).body);
      delivered.push(...ticketIssueIds(page.changes));
      cursor = page.nextCursor;
      // Someone updates an issue already read and one not read yet, between two pages.
      if (answers === 2) {
        fake.advance(1);
        fake.issues.get(3)!.updated_on = '2026-12-07T11:30:00Z';
        fake.issues.get(240)!.updated_on = '2026-12-07T11:30:00Z';
      }
      if (!page.hasMore) break;
    }
    fake.advance(60);
    delivered.push(...ticketIssueIds((await pullAll(fake, cursor)).changes));
    const counts = new Map<number, number>();
    for (const id of delivered) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(250);
    // Issue 3 changed after it was delivered, so it comes again; 240 changed before it was read.
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([[3, 2]]);
  });

  it('answers a wrong API key as 401 naming the key, even though Redmine lists anonymously', async () => {
    const fake = createFakeRedmine();
    fake.answerOnce((path) => path === '/users/current.json', { status: 401, body: null });
    const answer = await pull(fake, null);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(JSON.stringify(answer.body)).toMatch(/API key/);
  });

  it('answers Redmine 503 as a retryable 503 and keeps the cursor, so the retry skips nothing', async () => {
    const fake = createFakeRedmine();
    fake.addIssue(1, '2026-12-07T11:00:00Z');
    fake.addIssue(2, '2026-12-07T11:00:01Z');
    const first = changesResponse.parse((await pull(fake, null)).body);
    fake.answerOnce((path) => path === '/issues/2.json', {
      status: 503,
      body: '<html>Service Unavailable</html>',
      contentType: 'text/html',
    });
    const failed = await pull(fake, first.nextCursor);
    expect(failed.status).toBe(503);
    const retried = await pullAll(fake, first.nextCursor);
    expect(ticketIssueIds(retried.changes).sort()).toEqual([1, 2]);
  });

  it('passes a network failure through as the host error the gateway gives', async () => {
    const fake = createFakeRedmine();
    fake.answerOnce((path) => path === '/issues.json', new TypeError('fetch failed'));
    const first = changesResponse.parse((await pull(fake, null)).body);
    const result = await fake.backend.changes({ cursor: first.nextCursor, limit: 500 });
    expect(result).toMatchObject({ ok: false, error: { code: 'erp_unreachable' } });
  });

  it('skips an issue that cannot be a ticket with a logged reason and delivers the rest', async () => {
    const fake = createFakeRedmine();
    fake.addIssue(1, '2026-12-07T11:00:00Z');
    // Priority 1 («Низкий» in Redmine's defaults) is not mapped to P1–P4 by the default mapping.
    fake.addIssue(2, '2026-12-07T11:00:01Z', { priority: { id: 1, name: 'Низкий' }, journals: [] });
    const { changes } = await pullAll(fake, null);
    expect(ticketIssueIds(changes)).toEqual([1]);
    expect(fake.logged.join('\n')).toMatch(/issue #2: priority Низкий \(id 1\) is not mapped/);
  });

  it('turns a deleted issue into a tombstone at the next reconcile, and only from a complete listing', async () => {
    const fake = createFakeRedmine();
    fake.addIssue(1, '2026-12-07T11:00:00Z', { custom_fields: [] });
    fake.addIssue(2, '2026-12-07T11:00:01Z', { custom_fields: [] });
    const { cursor, changes } = await pullAll(fake, null);
    const version = changes.find((c) => c.id === 'redmine-2')!.version;
    fake.issues.delete(2);
    fake.advance(120);
    // The reconcile's listing fails half-way: no tombstone (a missing page must not delete).
    fake.answerOnce((path) => path === '/issues.json', { status: 200, body: { issues: [] } });
    fake.answerOnce((path) => path === '/issues.json', { status: 500, body: null });
    const incomplete = changesResponse.parse((await pull(fake, cursor)).body);
    expect(incomplete.changes).toEqual([]);
    const later = await pullAll(fake, incomplete.nextCursor);
    expect(later.changes).toEqual([
      { entity: 'ticket', id: 'redmine-2', version: version + 1, deleted: true, data: null },
    ]);
  });

  it('answers a damaged or foreign cursor with 410, so the device starts over', async () => {
    const fake = createFakeRedmine();
    for (const cursor of [
      'rmp1.!!!',
      'c-123',
      'rmp1.' + Buffer.from('{"v":2}').toString('base64url'),
    ]) {
      const answer = await pull(fake, cursor);
      expect(answer.status).toBe(410);
      expect(answer.body).toMatchObject({ error: { code: 'cursor_expired' } });
    }
  });
});
