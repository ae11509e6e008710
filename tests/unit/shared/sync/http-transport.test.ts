import { describe, expect, it } from 'vitest';
import {
  createHttpSyncTransport,
  type HttpAnswer,
  type HttpRequest,
} from '../../../../shared/sync/http-transport';
import { uuid } from './engine-harness';

function transportAnswering(answer: HttpAnswer) {
  const requests: HttpRequest[] = [];
  const transport = createHttpSyncTransport(async (request) => {
    requests.push(request);
    return answer;
  }, 5_000);
  return { transport, requests };
}
const reply = (
  status: number,
  body: unknown,
  retryAfterSeconds: number | null = null,
): HttpAnswer => ({ ok: true, status, body, retryAfterSeconds });
const push = { protocolVersion: 1, deviceId: uuid(1), commands: [] };
const ticket = {
  id: 't1',
  number: 7,
  organizationId: 'org',
  account: 'a',
  reporterEmail: 'a@b.ru',
  title: 't',
  steps: 's',
  expected: 'e',
  actual: 'a',
  diagnostics: 'd',
  notUserSideConfirmed: true,
  priority: 2,
  initialPriority: 2,
  createdAt: '2026-11-25T09:00:00Z',
  state: 'open',
  assignee: null,
  result: null,
  releaseDate: null,
  events: [],
  comments: [],
  workLogs: [],
  updatedAt: '2026-11-25T09:00:00Z',
  version: 3,
};

describe('HTTP answers become typed results', () => {
  it('sends the push and the pull as the contract says', async () => {
    const { transport, requests } = transportAnswering(
      reply(200, { changes: [], nextCursor: 'c', hasMore: false }),
    );
    await transport.pullChanges(null, 500);
    await transport.pullChanges('abc', 100);
    expect(requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/sync/v1/changes', { limit: '500' }],
      ['GET', '/sync/v1/changes', { limit: '100', cursor: 'abc' }],
    ]);
  });

  it.each([
    [
      '401',
      reply(401, { error: { code: 'unauthorized', message: 'bad token' } }),
      { kind: 'unauthorized', message: 'bad token' },
    ],
    [
      '409 (lastSeq beside error)',
      reply(409, { error: { code: 'seq_gap', message: 'gap' }, lastSeq: 4 }),
      { kind: 'gap', lastSeq: 4 },
    ],
    [
      '409 (lastSeq inside error)',
      reply(409, { error: { code: 'seq_gap', message: 'gap', lastSeq: 2 } }),
      { kind: 'gap', lastSeq: 2 },
    ],
    [
      '409 without lastSeq',
      reply(409, { error: { code: 'seq_gap', message: 'gap' } }),
      { kind: 'malformed' },
    ],
    [
      '410',
      reply(410, { error: { code: 'cursor_expired', message: 'old' } }),
      { kind: 'cursor_expired' },
    ],
    [
      '429 + Retry-After',
      reply(429, { error: { code: 'slow_down', message: 'wait' } }, 7),
      { kind: 'http', status: 429, retryAfterMs: 7_000, code: 'slow_down' },
    ],
    [
      '503 without a JSON body',
      reply(503, '<html>busy</html>'),
      { kind: 'http', status: 503, retryAfterMs: null, code: 'http_503' },
    ],
    ['a cut body', reply(200, '{"lastSeq":1,"resu'), { kind: 'malformed' }],
    [
      'a body of the wrong shape',
      reply(200, { lastSeq: 1, results: [{ commandId: 'x' }], serverTime: 'now' }),
      { kind: 'malformed' },
    ],
    [
      'no answer',
      { ok: false, kind: 'network', message: 'ECONNRESET' } as const,
      { kind: 'network', message: 'ECONNRESET' },
    ],
    ['timeout', { ok: false, kind: 'timeout', message: 'slow' } as const, { kind: 'timeout' }],
  ])('%s', async (_name, answer, failure) => {
    const result = await transportAnswering(answer).transport.push(push);
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('checks every ticket and organization in a page before any is stored', async () => {
    const page = (data: unknown, version = 3) =>
      reply(200, {
        changes: [{ entity: 'ticket', id: 't1', version, deleted: false, data }],
        nextCursor: 'c',
        hasMore: false,
      });
    expect((await transportAnswering(page(ticket)).transport.pullChanges(null, 10)).ok).toBe(true);
    const bad = await transportAnswering(page({ ...ticket, priority: 9 })).transport.pullChanges(
      null,
      10,
    );
    expect(bad).toMatchObject({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringContaining('priority') },
    });
    const mismatch = await transportAnswering(page(ticket, 4)).transport.pullChanges(null, 10);
    expect(mismatch).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    const tombstone = reply(200, {
      changes: [{ entity: 'ticket', id: 't1', version: 5, deleted: true, data: null }],
      nextCursor: 'c',
      hasMore: false,
    });
    expect((await transportAnswering(tombstone).transport.pullChanges(null, 10)).ok).toBe(true);
  });
});
