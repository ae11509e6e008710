import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlaTicket, type Organization, type Ticket } from '@shared/domain';
import { evaluateSla } from '@shared/sla';
import { PAUSE_REASONS } from '@shared/sla/types';
import { encodeCursor } from '../../../../electron/demo-erp/changes/cursor';
import { buildSeedTickets, startDemoErp, type DemoErp } from '../../../../electron/demo-erp/index';
import { changes, Device, pullAll, push, TEAM, tempDir } from './erp-test-kit';

const NOW = Date.parse('2026-11-25T07:30:00.000Z');
let dir: Awaited<ReturnType<typeof tempDir>>;
let erp: DemoErp;
const start = () =>
  startDemoErp({ dataDir: dir.path, users: TEAM, seed: { tickets: 300 }, now: () => NOW });

beforeAll(async () => {
  dir = await tempDir();
  erp = await start();
});
afterAll(async () => {
  await erp.close();
  await dir.remove();
});

describe('seeded demo data', () => {
  let orgs: Organization[];
  let tickets: Ticket[];
  beforeAll(async () => {
    const all = await pullAll(erp.url);
    orgs = all.changes
      .filter((c) => c.entity === 'organization')
      .map((c) => c.data as Organization);
    tickets = all.changes.filter((c) => c.entity === 'ticket').map((c) => c.data as Ticket);
  });

  it('has a dozen organizations from Kaliningrad to Kamchatka, with accounts and e-mails', () => {
    expect(orgs).toHaveLength(12);
    expect(new Set(orgs.map((o) => o.timeZone))).toEqual(
      new Set([
        'Europe/Kaliningrad',
        'Europe/Moscow',
        'Europe/Samara',
        'Asia/Yekaterinburg',
        'Asia/Omsk',
        'Asia/Novosibirsk',
        'Asia/Krasnoyarsk',
        'Asia/Irkutsk',
        'Asia/Yakutsk',
        'Asia/Vladivostok',
        'Asia/Magadan',
        'Asia/Kamchatka',
      ]),
    );
    for (const org of orgs) {
      expect(org.accounts.length).toBeGreaterThan(1);
      expect(org.contactEmails.every((e) => /^[\w.-]+@[\w.-]+\.ru$/.test(e))).toBe(true);
    }
  });

  it('has 300 Russian tickets of every priority and state with valid SLA histories', () => {
    expect(tickets).toHaveLength(300);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(300);
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(tickets.map((t) => t.state))).toEqual(new Set(['open', 'paused', 'resolved']));
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const statuses = new Set<string>();
    for (const ticket of tickets) {
      expect(ticket.title).toMatch(/[А-Яа-яЁё]/);
      expect(NOW - Date.parse(ticket.createdAt)).toBeLessThan(25 * 86_400_000);
      const sla = evaluateSla(toSlaTicket(ticket, byId.get(ticket.organizationId)!), new Date(NOW));
      statuses.add(sla.reaction.status).add(sla.resolution.status);
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['met', 'breached', 'paused', 'running']));
    const events = tickets.flatMap((t) => t.events);
    const reasons = new Set(events.filter((e) => e.type === 'paused').map((e) => e.reason));
    expect(reasons).toEqual(new Set(PAUSE_REASONS));
    for (const type of ['resumed', 'reopened', 'extended', 'fix_scheduled', 'priority_changed']) {
      expect(events.some((e) => e.type === type)).toBe(true);
    }
    expect(tickets.some((t) => t.comments.length > 0 && t.workLogs.length > 0)).toBe(true);
    expect(tickets.some((t) => t.assignee === 'ivanov')).toBe(true); // the first token's user
    // Every author of the history is a member of the team, by id and by name.
    const names = new Map(TEAM.map((member) => [member.id, member.name]));
    for (const ticket of tickets) {
      for (const record of [...ticket.events, ...ticket.comments, ...ticket.workLogs]) {
        expect(names.get(record.authorId ?? '')).toBe(record.author);
      }
    }
  });

  it('is deterministic for a given seed and "now"', () => {
    const a = buildSeedTickets({ tickets: 40, nowMs: NOW, randomSeed: 7 });
    const b = buildSeedTickets({ tickets: 40, nowMs: NOW, randomSeed: 7 });
    expect(a).toEqual(b);
  });
});

describe('restart', () => {
  it('keeps tickets, stored results, device sequences and cursors across close and reopen', async () => {
    const device = new Device(erp.url);
    const ticket = await device.create({ createdAt: new Date(NOW - 3600_000).toISOString() });
    const comment = device.command({
      type: 'comment',
      ticketId: ticket.id,
      payload: { text: 'до перезапуска' },
    });
    expect((await device.send([comment])).body.results[0]!.status).toBe('applied');
    const { cursor } = await pullAll(erp.url);

    await erp.close();
    erp = await start();

    const duplicate = await push(erp.url, device.body([comment]));
    expect(duplicate.body.results[0]).toMatchObject({
      status: 'duplicate',
      originalStatus: 'applied',
    });
    expect(duplicate.body.lastSeq).toBe(2);
    const gap = await push(erp.url, device.body([{ ...comment, commandId: randomUUID(), seq: 4 }]));
    expect(gap.status).toBe(409);
    expect(gap.body.lastSeq).toBe(2);

    const after = await changes(erp.url, { cursor });
    expect(after.status).toBe(200);
    expect(after.body.changes).toEqual([]);
    const all = await pullAll(erp.url);
    const ticketIds = new Set(all.changes.filter((c) => c.entity === 'ticket').map((c) => c.id));
    expect(ticketIds.size).toBe(301); // not seeded twice
    const stored = all.changes.filter((c) => c.id === ticket.id).at(-1)!.data as Ticket;
    expect(stored.comments.map((c) => c.text)).toEqual(['до перезапуска']);
  });

  it('refuses a second server on a data directory in use', async () => {
    await expect(start()).rejects.toThrow(/in use by process/);
  });

  it('answers 410 to a cursor from another database', async () => {
    const foreign = encodeCursor({ p: 1, e: 'another-database', g: 0 });
    expect((await changes(erp.url, { cursor: foreign })).status).toBe(410);
  });
});
