import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../../shared/erp/protocol';
import { fail, ok, type HostErrorCode } from '../../../../shared/host/result';
import {
  classifyConnectionCheck,
  type CheckInput,
} from '../../../../renderer/features/settings/connection-check';

/*
 * «Проверить подключение» turns whatever came back into one thing a person can act on. Every
 * row is an answer an address can really give: the demo ERP, a portal's HTML, a proxy's 502,
 * a server of the next protocol version, nothing at all.
 */

const SENT = Date.parse('2027-01-12T09:30:00.000Z');
const session = (overrides: Record<string, unknown> = {}) => ({
  user: { id: 'u-17', name: 'Ирина Петрова', email: 'petrova@example.ru' },
  serverTime: '2027-01-12T09:31:35.100Z',
  protocolVersion: PROTOCOL_VERSION,
  ...overrides,
});
const answer = (status: number, body: unknown, tokenSent = true): CheckInput => ({
  result: ok({ status, body, retryAfterSeconds: null }),
  sentAtMs: SENT,
  receivedAtMs: SENT + 200,
  tokenSent,
});
const failure = (code: HostErrorCode, message: string): CheckInput => ({
  result: fail(code, message),
  sentAtMs: SENT,
  receivedAtMs: SENT + 15_000,
  tokenSent: true,
});

describe('a connection check that reached the ERP', () => {
  it('names the token’s user, the server time and the clock difference at the round trip’s midpoint', () => {
    // Sent 09:30:00.000, answered 09:30:00.200 by this computer's clock: the ERP read its clock
    // at about 09:30:00.100 ours, and said 09:31:35.100 — 95 s ahead.
    expect(classifyConnectionCheck(answer(200, session()))).toEqual({
      kind: 'connected',
      user: { id: 'u-17', name: 'Ирина Петрова', email: 'petrova@example.ru' },
      serverTime: '2027-01-12T09:31:35.100Z',
      offsetMs: 95_000,
      roundTripMs: 200,
      // A contract-2 ERP: no Redmine mapping report rides on its session.
      redmine: null,
    });
  });

  it('carries the Redmine mapping findings main added to the session', () => {
    const redmineCheck = {
      findings: [
        { kind: 'issue_field', project: 'АО «Уралтехно»', role: 'steps', id: 3 },
        {
          kind: 'project_field',
          project: 'ПАО «Владпорт»',
          role: 'timeZone',
          id: 13,
          problem: 'empty',
        },
      ],
      unreadable: null,
    };
    expect(classifyConnectionCheck(answer(200, { ...session(), redmineCheck }))).toMatchObject({
      kind: 'connected',
      redmine: redmineCheck,
    });
  });

  it('reads an ERP clock behind this computer as a negative difference', () => {
    const behind = session({ serverTime: '2027-01-12T09:28:00.100Z' });
    expect(classifyConnectionCheck(answer(200, behind))).toMatchObject({ offsetMs: -120_000 });
  });
});

describe('a connection check that found a problem', () => {
  it.each([
    // [what came back, kind, extra fields]
    ['refused or DNS', failure('erp_unreachable', 'ECONNREFUSED'), 'unreachable', {}],
    ['no answer in time', failure('erp_timeout', 'within 15 s'), 'timeout', {}],
    ['an untrusted certificate', failure('erp_tls', 'CERT_HAS_EXPIRED'), 'tls', {}],
    ['a redirect to the SSO page', failure('erp_redirected', '302'), 'redirected', {}],
    [
      'an address the host refused',
      failure('erp_not_configured', 'not allowed'),
      'not_configured',
      {},
    ],
    ['the host refusing the input', failure('invalid_input', 'baseUrl: …'), 'failed', {}],
    [
      '401 with a token',
      answer(401, { error: { code: 'unauthorized', message: 'token revoked' } }),
      'token_refused',
      { status: 401, detail: 'token revoked' },
    ],
    ['401 with no token at all', answer(401, null, false), 'token_missing', { status: 401 }],
    ['403', answer(403, { error: { code: 'forbidden', message: 'no sync' } }), 'forbidden', {}],
    [
      '426',
      answer(426, { error: { code: 'upgrade', message: 'v2' } }),
      'wrong_version',
      {
        serverVersion: null,
      },
    ],
    [
      'a session of protocol version 2',
      answer(200, session({ protocolVersion: 2 })),
      'wrong_version',
      { serverVersion: 2 },
    ],
    [
      '404 from a web server',
      answer(404, '<html>Not Found</html>'),
      'not_protocol',
      {
        status: 404,
        bodyShape: 'html',
      },
    ],
    [
      'a portal’s home page',
      answer(200, '<!doctype html><title>ERP</title>'),
      'not_protocol',
      {
        bodyShape: 'html',
      },
    ],
    [
      'JSON of another API',
      answer(200, { status: 'UP', version: '3.2' }),
      'not_protocol',
      {
        bodyShape: 'json',
      },
    ],
    [
      'a session without a user',
      answer(200, session({ user: undefined })),
      'not_protocol',
      {
        bodyShape: 'json',
      },
    ],
    ['plain text', answer(200, 'OK'), 'not_protocol', { bodyShape: 'text' }],
    ['an empty 204', answer(204, null), 'not_protocol', { status: 204, bodyShape: 'empty' }],
    ['429', answer(429, null), 'busy', { status: 429 }],
    ['503 from a proxy', answer(503, '<html>Service Unavailable</html>'), 'busy', { status: 503 }],
    ['502 from a proxy', answer(502, '<html>Bad Gateway</html>'), 'server_error', { status: 502 }],
    [
      '500',
      answer(500, { error: { code: 'internal', message: 'db down' } }),
      'server_error',
      {
        detail: 'db down',
      },
    ],
  ] as const)('%s → %s', (_label, input, kind, extra) => {
    expect(classifyConnectionCheck(input)).toMatchObject({ kind, ...extra });
  });

  it('never passes an HTML page on as the detail (the page would print a wall of markup)', () => {
    const check = classifyConnectionCheck(answer(404, `<html>${'x'.repeat(50_000)}</html>`));
    expect(check).toMatchObject({ kind: 'not_protocol', detail: '' });
  });
});
