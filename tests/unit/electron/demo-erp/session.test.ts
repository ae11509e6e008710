import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '@shared/erp';
import {
  call,
  OTHER_TOKEN,
  referenceDirectly,
  referenceOnly,
  startTestErp,
  TOKEN,
} from './erp-test-kit';

// GET /sync/v1/session: who a token belongs to, and the server's clock (contract 2).
let server: Awaited<ReturnType<typeof startTestErp>>;
const fixedNow = Date.parse('2027-01-12T09:30:00.000Z');
beforeAll(async () => {
  server = await startTestErp({ now: () => fixedNow });
});
afterAll(() => server.stop());

describe('GET /sync/v1/session', () => {
  referenceOnly(
    'names the token’s user and gives the server time, in the contract’s shape',
    async () => {
      const answer = await call(`${server.erp.url}/sync/v1/session`);
      expect(answer.status).toBe(200);
      expect(sessionResponse.parse(answer.body)).toEqual({
        user: { id: 'ivanov', name: 'Иванов Сергей', email: 's.ivanov@example.ru' },
        serverTime: '2027-01-12T09:30:00.000Z',
        protocolVersion: 1,
      });
      const other = await call(`${server.erp.url}/sync/v1/session`, { token: OTHER_TOKEN });
      expect(other.body).toEqual(
        expect.objectContaining({ user: { id: 'petrova', name: 'Петрова Анна' } }),
      );
    },
  );

  it('tells the users of two tokens apart, in the contract’s shape', async () => {
    const [mine, theirs] = await Promise.all(
      [TOKEN, OTHER_TOKEN].map((token) => call(`${server.erp.url}/sync/v1/session`, { token })),
    );
    expect([mine!.status, theirs!.status]).toEqual([200, 200]);
    const [me, them] = [mine!, theirs!].map((answer) => sessionResponse.parse(answer.body));
    expect(me!.user.id).not.toBe(them!.user.id);
    expect(me!.protocolVersion).toBe(1);
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'not-a-token'],
  ])('401 with %s', async (_label, token) => {
    const answer = await call(`${server.erp.url}/sync/v1/session`, { token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  referenceDirectly('405 for anything but GET', async () => {
    const answer = await call(`${server.erp.url}/sync/v1/session`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(405);
  });
});
