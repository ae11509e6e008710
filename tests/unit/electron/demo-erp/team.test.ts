import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/domain';
import type { Change } from '@shared/erp';
import { startDemoErp, type DemoUser } from '../../../../electron/demo-erp/index';
import { POSTGRES_UNDER_TEST } from '../../../fixtures/postgres/two-servers';
import {
  call,
  Device,
  EXTERNAL_ERP,
  OTHER_TOKEN,
  pullAll,
  referenceOnly,
  startTestErp,
  TEAM,
  tempDir,
  TOKEN,
  userOf,
} from './erp-test-kit';

// The team of the reference ERP: tokens sign users in, users are published in the changes feed,
// and the ERP signs and checks hand-overs with them. The first block is part of the black-box
// suite (behind Prism in `npm run test:contract`, against another ERP in `npm run test:erp`):
// there the two tokens' users are whoever that server says they are.

const usersIn = (changes: Change[]) =>
  new Map(changes.filter((c) => c.entity === 'user').map((c) => [c.id, c]));

describe('the team in contract 2', () => {
  let server: Awaited<ReturnType<typeof startTestErp>>;
  let me: { id: string; name: string };
  let them: { id: string; name: string };
  beforeAll(async () => {
    server = await startTestErp();
    [me, them] = await Promise.all([
      userOf(server.erp.url, TOKEN),
      userOf(server.erp.url, OTHER_TOKEN),
    ]);
  });
  afterAll(() => server.stop());

  it('publishes the users of both tokens as active `user` entities', async () => {
    const users = usersIn((await pullAll(server.erp.url)).changes);
    for (const user of [me, them]) {
      expect(users.get(user.id)).toMatchObject({
        entity: 'user',
        deleted: false,
        data: { id: user.id, name: user.name, active: true },
      });
    }
  });

  referenceOnly(
    'publishes every member as a `user` entity, the one who left as inactive',
    async () => {
      const { changes } = await pullAll(server.erp.url);
      // The team comes first in the log, so a device knows everyone before the first ticket.
      expect(changes.slice(0, 3).map((c) => c.entity)).toEqual(['user', 'user', 'user']);
      expect([...usersIn(changes).values()].map((c) => c.data)).toEqual([
        {
          id: 'ivanov',
          name: 'Иванов Сергей',
          email: 's.ivanov@example.ru',
          active: true,
          version: 1,
        },
        { id: 'petrova', name: 'Петрова Анна', active: true, version: 1 },
        { id: 'sidorov', name: 'Сидоров Олег', active: false, version: 1 },
      ]);
    },
  );

  it('signs every command with the token’s user, whatever the device claims', async () => {
    const ticket = await new Device(server.erp.url).create();
    const theirs = new Device(server.erp.url, OTHER_TOKEN);
    const taken = await theirs.one({ type: 'react', ticketId: ticket.id });
    expect(taken.ticket).toMatchObject({
      assignee: them.id,
      events: [{ type: 'reacted', author: them.name, authorId: them.id }],
      assignments: [{ from: null, to: { id: them.id, name: them.name }, version: 2 }],
    });
  });

  it('hands a ticket over and releases it, each recorded with author and time', async () => {
    const mine = new Device(server.erp.url, TOKEN);
    const ticket = await mine.create();
    await mine.one({ type: 'react', ticketId: ticket.id });
    const at = '2020-01-01T00:00:00.000Z';
    const handed = await mine.one({
      type: 'assign',
      ticketId: ticket.id,
      baseVersion: 2,
      payload: { to: them.id },
    });
    expect(handed).toMatchObject({ status: 'applied', ticket: { assignee: them.id } });
    expect(handed.ticket!.assignments.at(-1)).toMatchObject({
      author: me.name,
      authorId: me.id,
      from: { id: me.id, name: me.name },
      to: { id: them.id, name: them.name },
      version: 3,
    });
    // Not an SLA event: contract 1's events are unchanged by a hand-over.
    expect(handed.ticket!.events.map((e) => e.type)).toEqual(['reacted']);
    const released = await new Device(server.erp.url, OTHER_TOKEN).one({
      type: 'assign',
      ticketId: ticket.id,
      baseVersion: 3,
      payload: { to: null },
      clientCreatedAt: at,
    });
    expect(released).toMatchObject({ status: 'applied', ticket: { assignee: null } });
    expect(released.ticket!.assignments.at(-1)).toMatchObject({
      authorId: them.id,
      to: null,
      // Stamped when the engineer acted, clamped like any event: never before the previous one.
      at: handed.ticket!.assignments.at(-1)!.at,
      adjusted: true,
    });
  });

  const refusesHandOver = async (to: string, code: string, message: string) => {
    const device = new Device(server.erp.url);
    const ticket = await device.create();
    const result = await device.one({ type: 'assign', ticketId: ticket.id, payload: { to } });
    expect(result).toMatchObject({ status: 'rejected', error: { code } });
    expect(result.error?.message).toContain(message);
  };

  it('refuses a hand-over to someone the ERP does not know, naming the field', async () => {
    const nobody = `nobody-${Math.random().toString(36).slice(2)}`;
    await refusesHandOver(nobody, 'unknown_user', `payload.to "${nobody}"`);
  });

  // Another ERP's team has nobody this suite knows to have left.
  referenceOnly('refuses a hand-over to a colleague who left, naming them', () =>
    refusesHandOver('sidorov', 'inactive_user', 'Сидоров Олег'),
  );

  it('refuses a hand-over decided before a colleague changed the assignee, naming them', async () => {
    const mine = new Device(server.erp.url, TOKEN);
    const ticket = await mine.create();
    await mine.one({ type: 'react', ticketId: ticket.id });
    await new Device(server.erp.url, OTHER_TOKEN).one({
      type: 'assign',
      ticketId: ticket.id,
      baseVersion: 2,
      payload: { to: them.id },
    });
    const stale = await mine.one({
      type: 'assign',
      ticketId: ticket.id,
      baseVersion: 2,
      payload: { to: null },
    });
    expect(stale).toMatchObject({
      status: 'conflict',
      error: { code: 'assignment_changed', holder: { id: them.id, name: them.name } },
      ticket: { assignee: them.id, version: 3 },
    });
  });
});

// The reference server's own team configuration: its options, restarts and start-up checks.
describe.skipIf(EXTERNAL_ERP !== null)('the team across restarts', () => {
  // Restarts PGlite on one folder; with ERP_TEST_POSTGRES the doubled servers are not restarted.
  it.skipIf(POSTGRES_UNDER_TEST !== null)(
    'versions a renamed member, adds a new one, deactivates one no longer listed',
    async () => {
      const dir = await tempDir();
      try {
        const first = await startDemoErp({ dataDir: dir.path, users: TEAM, seed: false });
        const ticket = await new Device(first.url).create();
        await new Device(first.url).one({ type: 'react', ticketId: ticket.id });
        const before = await pullAll(first.url);
        await first.close();

        const next: DemoUser[] = [
          { ...TEAM[0]!, name: 'Иванов Сергей Петрович' },
          { id: 'kim', name: 'Ким Денис', token: OTHER_TOKEN },
        ];
        const second = await startDemoErp({ dataDir: dir.path, users: next, seed: false });
        const after = await pullAll(second.url, before.cursor);
        expect([...usersIn(after.changes).values()].map((c) => c.data)).toEqual([
          {
            ...(usersIn(before.changes).get('ivanov')!.data as object),
            name: 'Иванов Сергей Петрович',
            version: 2,
          },
          { id: 'kim', name: 'Ким Денис', active: true, version: 1 },
          { id: 'petrova', name: 'Петрова Анна', active: false, version: 2 },
        ]);
        // History keeps the name it was written with.
        const all = await pullAll(second.url);
        const stored = all.changes.filter((c) => c.id === ticket.id).at(-1)!.data as Ticket;
        expect(stored.events[0]).toMatchObject({ author: 'Иванов Сергей', authorId: 'ivanov' });
        // Petrova's token is gone with her; Kim's works.
        const session = await call(`${second.url}/sync/v1/session`, { token: OTHER_TOKEN });
        expect(session.body).toMatchObject({ user: { id: 'kim', name: 'Ким Денис' } });
        await second.close();
      } finally {
        await dir.remove();
      }
    },
  );

  it('refuses the token of a deactivated member, saying so', async () => {
    const server = await startTestErp({
      users: [
        ...TEAM,
        { id: 'gone', name: 'Ушедший Сотрудник', active: false, token: 'gone-token' },
      ],
    });
    try {
      const answer = await call(`${server.erp.url}/sync/v1/session`, { token: 'gone-token' });
      expect(answer).toMatchObject({
        status: 401,
        body: {
          error: { message: 'the bearer token belongs to Ушедший Сотрудник, who is deactivated' },
        },
      });
    } finally {
      await server.stop();
    }
  });

  it.each([
    [
      'two members with one id',
      { users: [TEAM[0]!, { ...TEAM[1]!, id: 'ivanov' }] },
      'users[1].id "ivanov" is used twice',
    ],
    [
      'a token for someone not in the team',
      { users: TEAM, tokens: { 'extra-token': 'nobody' } },
      'names "nobody", who is not in users',
    ],
    [
      'one token for two members',
      { users: [TEAM[0]!, { ...TEAM[1]!, token: TOKEN }] },
      'users[1].token is given to two users',
    ],
    [
      'nobody active who could sign in',
      { users: [{ ...TEAM[0]!, active: false }, TEAM[2]!] },
      'no user can sign in: give at least one active user a token',
    ],
    ['a member without a name', { users: [{ ...TEAM[0]!, name: ' ' }] }, 'users[0].name'],
  ])('will not start with %s, and says why', async (_case, options, message) => {
    const dir = await tempDir();
    try {
      await expect(startDemoErp({ dataDir: dir.path, seed: false, ...options })).rejects.toThrow(
        message,
      );
    } finally {
      await dir.remove();
    }
  });
});
