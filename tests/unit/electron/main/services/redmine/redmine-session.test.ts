import { describe, expect, it } from 'vitest';
import { sessionResponse } from '../../../../../../shared/erp/protocol';
import { API_KEY, createFakeRedmine, recorded } from './fake-redmine';

describe('the Redmine session (contract 2 from GET /users/current.json)', () => {
  it('names the key owner by the id memberships use and takes Redmine clock from its Date header', async () => {
    const fake = createFakeRedmine('2026-12-07T09:15:42Z');
    const result = await fake.backend.session();
    expect(result.ok && result.value.status).toBe(200);
    const session = sessionResponse.parse(result.ok ? result.value.body : null);
    expect(session.user).toEqual({ id: '5', name: 'Ирина Соколова' });
    expect(session.serverTime).toBe('2026-12-07T09:15:42.000Z');
  });

  it('answers a wrong key (recorded 401) as 401 unauthorized naming the API key', async () => {
    const fake = createFakeRedmine();
    fake.answerOnce((path) => path === '/users/current.json', recorded('wrong-key-current-user'));
    const result = await fake.backend.session();
    expect(result.ok && result.value).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: expect.stringMatching(/API key/) } },
    });
  });

  it('answers an HTML page at the address as a clear "not a Redmine" error', async () => {
    const fake = createFakeRedmine();
    fake.answerOnce((path) => path === '/users/current.json', {
      status: 200,
      body: '<!doctype html><html><body>Welcome to nginx!</body></html>',
      contentType: 'text/html',
    });
    const result = await fake.backend.session();
    expect(result.ok && result.value).toMatchObject({
      status: 502,
      body: {
        error: { code: 'not_redmine', message: expect.stringMatching(/not a Redmine REST API/) },
      },
    });
  });

  it('never returns the API key, though Redmine puts it in the body', async () => {
    const fake = createFakeRedmine();
    const answer = recorded('current-user') as { status: number; body: { user: object } };
    fake.answerOnce((path) => path === '/users/current.json', {
      status: 200,
      body: { user: { ...answer.body.user, api_key: API_KEY } },
    });
    const result = await fake.backend.session();
    expect(result.ok && result.value.status).toBe(200);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });
});
