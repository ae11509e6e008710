import { describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../../shared/erp/protocol';
import { fail, ok, type HostErrorCode, type HostResult } from '../../../../shared/host/result';
import type { ErpResponse } from '../../../../shared/host/schemas';
import { createErpSyncTransport } from '../../../../shared/sync/erp-transport';
import { uuid } from './engine-harness';

type Call = { push: PushRequest } | { changes: { cursor: string | null; limit: number } };

function transportAnswering(answer: HostResult<ErpResponse>) {
  const calls: Call[] = [];
  const transport = createErpSyncTransport({
    push: async (request) => {
      calls.push({ push: request });
      return answer;
    },
    changes: async (query) => {
      calls.push({ changes: query });
      return answer;
    },
  });
  return { transport, calls };
}
const reply = (status: number, body: unknown, retryAfterSeconds: number | null = null) =>
  ok({ status, body, retryAfterSeconds });
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
  assignments: [],
  updatedAt: '2026-11-25T09:00:00Z',
  version: 3,
};

describe('ERP answers become typed results', () => {
  it('asks the port for exactly the operation', async () => {
    const { transport, calls } = transportAnswering(
      reply(200, { changes: [], nextCursor: 'c', hasMore: false }),
    );
    await transport.pullChanges(null, 500);
    await transport.pullChanges('abc', 100);
    await transport.push(push);
    expect(calls).toEqual([
      { changes: { cursor: null, limit: 500 } },
      { changes: { cursor: 'abc', limit: 100 } },
      { push },
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

describe('requests that got no answer, by the host’s code (the same in both hosts)', () => {
  it.each([
    ['erp_not_configured', 'No ERP address is configured', 'not_configured'],
    ['erp_timeout', 'The ERP did not answer within 30 s', 'timeout'],
    ['erp_tls', 'The secure connection to the ERP failed: CERT_HAS_EXPIRED', 'tls'],
    ['erp_redirected', 'The ERP answered with a redirect', 'redirected'],
    ['erp_unreachable', 'The ERP could not be reached: ECONNREFUSED', 'network'],
    // A host that failed inside: retried like a lost answer.
    ['internal', 'erp:changes failed inside the host', 'network'],
  ] as const)('%s → %s', async (code, message, kind) => {
    const { transport } = transportAnswering(fail(code as HostErrorCode, message));
    expect(await transport.pullChanges(null, 10)).toEqual({
      ok: false,
      failure: { kind, message },
    });
  });

  // Retrying a body the host's schema refuses (e.g. over its 8 MiB bound) can never succeed: it
  // must look like the ERP's 413 so push halves the batch instead of retrying it forever.
  it('answers a push the host refused as 413, naming why', async () => {
    const { transport } = transportAnswering(fail('invalid_input', 'erp:push: body too big'));
    expect(await transport.push(push)).toEqual({
      ok: false,
      failure: {
        kind: 'http',
        status: 413,
        retryAfterMs: null,
        code: 'invalid_input',
        message: 'erp:push: body too big',
      },
    });
  });

  it('keeps a refused pull a failure to retry, not a 413', async () => {
    const { transport } = transportAnswering(fail('invalid_input', 'erp:changes: limit'));
    expect(await transport.pullChanges(null, 10)).toMatchObject({
      ok: false,
      failure: { kind: 'network' },
    });
  });
});
