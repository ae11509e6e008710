import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  changes,
  Device,
  expectReferenceWording,
  notBehindPrism,
  pullAll,
  push,
  referenceDirectly,
  referenceOnly,
  startTestErp,
  TOKEN,
  type ErrorAnswer,
} from './erp-test-kit';

// Garbage of every kind against one server; at the end it must still serve good requests.
const MAX_BODY = 64 * 1024;
let stopServer: () => Promise<void>;
let url: string;

beforeAll(async () => {
  const started = await startTestErp({ maxBodyBytes: MAX_BODY });
  url = started.erp.url;
  stopServer = started.stop;
});
afterAll(() => stopServer());

async function rawPush(body: string) {
  return call<ErrorAnswer>(`${url}/sync/v1/push`, { body });
}

const validCommand = () => ({
  commandId: randomUUID(),
  seq: 1,
  type: 'comment',
  ticketId: 't-1',
  baseVersion: 1,
  payload: { text: 'x' },
  clientCreatedAt: new Date().toISOString(),
});
const body = (patch: Record<string, unknown>) => ({
  protocolVersion: 1,
  deviceId: randomUUID(),
  commands: [validCommand()],
  ...patch,
});

describe('bad input gets a clear 4xx naming the field', () => {
  // Prism parses a JSON body itself and answers one it cannot parse without forwarding it.
  notBehindPrism('400 for a body that is not JSON', async () => {
    const answer = await rawPush('{"protocolVersion": 1,');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('malformed_json');
    expectReferenceWording(answer.body.error.message, /malformed JSON/);
  });

  const expectRefused = async (text: string, code: string, message: RegExp) => {
    const answer = await rawPush(text);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expectReferenceWording(answer.body.error.message, message);
  };

  it.each([
    ['', 'malformed_json', /empty/],
    ['[1, 2]', 'invalid_request', /must be a JSON object/],
  ])('400 for the body %j', expectRefused);

  // Prism forwards a top-level JSON string without its quotes, and null as no body at all.
  notBehindPrism.each([
    ['"push"', 'invalid_request', /must be a JSON object/],
    ['null', 'invalid_request', /must be a JSON object/],
  ])('400 for the body %j', expectRefused);

  // Prism re-encodes a body it reads as text, so the server would never see the bad bytes.
  notBehindPrism('400 for a body that is not UTF-8', async () => {
    const response = await fetch(`${url}/sync/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe('malformed_json');
    expectReferenceWording(body.error.message, /UTF-8/);
  });

  it.each([
    ['deviceId', { deviceId: 'laptop-7' }, /^deviceId: /],
    ['protocolVersion', { protocolVersion: '1' }, /^protocolVersion: /],
    ['protocolVersion (missing)', { protocolVersion: undefined }, /^protocolVersion: /],
    ['commands', { commands: {} }, /^commands: /],
    ['commands[0].seq', { commands: [{ ...validCommand(), seq: '1' }] }, /^commands\[0\]\.seq: /],
    [
      'commands[0].seq (zero)',
      { commands: [{ ...validCommand(), seq: 0 }] },
      /^commands\[0\]\.seq: /,
    ],
    [
      'commands[0].commandId',
      { commands: [{ ...validCommand(), commandId: 42 }] },
      /^commands\[0\]\.commandId: /,
    ],
    [
      'commands[0].clientCreatedAt',
      { commands: [{ ...validCommand(), clientCreatedAt: 'вчера' }] },
      /^commands\[0\]\.clientCreatedAt: /,
    ],
    [
      'commands[0].payload',
      { commands: [{ ...validCommand(), payload: 'text' }] },
      /^commands\[0\]\.payload: /,
    ],
    ['an unknown key', { extra: true }, /extra/],
  ])('400 for a wrong %s', async (_field, patch, message) => {
    const answer = await push(url, body(patch));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.message).toMatch(message);
  });

  it('400 unknown_command_type for a command type the server does not know', async () => {
    const answer = await push(
      url,
      body({ commands: [validCommand(), { ...validCommand(), type: 'escalate' }] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_command_type' });
    expect(answer.body.error.message).toMatch(/^commands\[1\]\.type: /);
    expectReferenceWording(answer.body.error.message, /type must be one of create, react/);
  });

  it('426 for another protocol version, even if the rest of the body is foreign', async () => {
    const answer = await push(url, { protocolVersion: 2, batch: 'new format' });
    expect(answer.status).toBe(426);
    expect(answer.body.error.code).toBe('unsupported_protocol');
  });

  it('413 for more than 500 commands', async () => {
    // Counted before anything else is validated, so 501 empty objects are enough.
    const answer = await push(url, body({ commands: Array.from({ length: 501 }, () => ({})) }));
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'too_many_commands' });
    expectReferenceWording(answer.body.error.message, /at most 500/);
  });

  // The reference server's limit is lowered for this file; the protocol's is 8 MiB.
  referenceOnly('413 for a body over the byte limit', async () => {
    const big = { ...validCommand(), payload: { text: 'я'.repeat(MAX_BODY) } };
    const answer = await push(url, body({ commands: [big] }));
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'body_too_large' }, maxBytes: MAX_BODY });
  });

  // How deep is too deep is the reference server's choice; Prism cannot re-serialise it anyway.
  referenceDirectly('400 for JSON nested too deep to store, naming where', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const answer = await rawPush(
      `{"protocolVersion":1,"deviceId":"${randomUUID()}","commands":${deep}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^commands\[0\]\[0\].*nested deeper than 32 levels/);
  });

  // What text cannot be stored depends on the server's database (here PostgreSQL).
  referenceOnly(
    'rejects one command whose text Postgres cannot store, and applies the others',
    async () => {
      const device = new Device(url);
      const ticket = await device.create();
      const answer = await device.send([
        device.command({ type: 'comment', ticketId: ticket.id, payload: { text: 'a\u0000b' } }),
        device.command({
          type: 'comment',
          ticketId: ticket.id,
          payload: { text: 'half \ud800 pair' },
        }),
        device.command({
          type: 'comment',
          ticketId: ticket.id,
          payload: { text: 'нормальный текст' },
        }),
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied']);
      expect(answer.body.results[0]!.error!.message).toMatch(/payload\.text must not contain NUL/);
      const badId = await device.send([device.command({ type: 'react', ticketId: 'id\u0000' })]);
      expect(badId.status).toBe(400);
      expect(badId.body.error.message).toMatch(/^commands\[0\]\.ticketId: /);
    },
  );

  it('400 for a bad limit or cursor on changes', async () => {
    for (const limit of ['0', '1001', 'abc', '-5', '1.5']) {
      const answer = await call<ErrorAnswer>(`${url}/sync/v1/changes?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/^limit: /);
    }
    const cursor = await changes(url, { cursor: 'not a cursor!' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error).toMatchObject({ code: 'invalid_cursor' });
    expect(cursor.body.error.message).toMatch(/^cursor: /);
    const forged = Buffer.from('{"p":"x"}').toString('base64url');
    expect((await changes(url, { cursor: forged })).status).toBe(400);
  });

  // Routes and methods outside the protocol: Prism answers them itself.
  referenceDirectly('404 and 405 for wrong routes', async () => {
    expect((await call(`${url}/sync/v2/push`, { body: '{}' })).status).toBe(404);
    expect((await call(`${url}/__test/faults`)).status).toBe(404); // admin routes need test mode
    const wrongMethod = await call(`${url}/sync/v1/push`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('401 on changes without a valid token', async () => {
    expect((await call(`${url}/sync/v1/changes`, { token: null })).status).toBe(401);
    expect((await call(`${url}/sync/v1/changes`, { token: 'nope' })).status).toBe(401);
  });

  // The health check is optional in the protocol.
  referenceOnly('/health needs no token', async () => {
    const health = await call<{ ok: boolean; demo: boolean; serverTime: string }>(`${url}/health`, {
      token: null,
    });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, demo: true });
    expect(Date.parse(health.body.serverTime)).not.toBeNaN();
  });

  it('after all that garbage, still serves a good push and wrote nothing partial', async () => {
    const device = new Device(url);
    const ticket = await device.create();
    expect(ticket.version).toBe(1);
    const all = await pullAll(url);
    const tickets = all.changes.filter((c) => c.entity === 'ticket');
    expect(tickets.map((c) => c.id)).not.toContain('t-1');
    expect(tickets.filter((c) => c.id === ticket.id)).toHaveLength(1);
  });
});
