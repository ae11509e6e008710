import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, changes, Device, push, startTestErp, type ErrorAnswer } from './erp-test-kit';

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
  it.each([
    ['{"protocolVersion": 1,', /malformed JSON/],
    ['', /empty/],
    ['[1, 2]', /must be a JSON object/],
    ['"push"', /must be a JSON object/],
    ['null', /must be a JSON object/],
  ])('400 for the body %j', async (text, message) => {
    const answer = await rawPush(text);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
  });

  it('400 for a body that is not UTF-8', async () => {
    const response = await fetch(`${url}/sync/v1/push`, {
      method: 'POST',
      headers: { Authorization: 'Bearer engineer-token' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorAnswer).error.message).toMatch(/UTF-8/);
  });

  it.each([
    ['deviceId', { deviceId: 'laptop-7' }, /^deviceId: must be a UUID/],
    ['protocolVersion', { protocolVersion: '1' }, /^protocolVersion: /],
    ['protocolVersion (missing)', { protocolVersion: undefined }, /^protocolVersion: /],
    ['commands', { commands: {} }, /^commands: /],
    ['commands[0].seq', { commands: [{ ...validCommand(), seq: '1' }] }, /^commands\[0\]\.seq: /],
    [
      'commands[0].seq (zero)',
      { commands: [{ ...validCommand(), seq: 0 }] },
      /commands\[0\]\.seq: seq must be a positive integer/,
    ],
    [
      'commands[0].commandId',
      { commands: [{ ...validCommand(), commandId: 42 }] },
      /^commands\[0\]\.commandId: /,
    ],
    [
      'commands[0].clientCreatedAt',
      { commands: [{ ...validCommand(), clientCreatedAt: 'вчера' }] },
      /^commands\[0\]\.clientCreatedAt: must be an ISO 8601 instant/,
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
    expect(answer.body.error.message).toMatch(
      /^commands\[1\]\.type: type must be one of create, react/,
    );
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
    expect(answer.body.error.message).toMatch(/at most 500/);
  });

  it('413 for a body over the byte limit', async () => {
    const big = { ...validCommand(), payload: { text: 'я'.repeat(MAX_BODY) } };
    const answer = await push(url, body({ commands: [big] }));
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'body_too_large' }, maxBytes: MAX_BODY });
  });

  it('400 for JSON nested too deep to store, naming where', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const answer = await rawPush(
      `{"protocolVersion":1,"deviceId":"${randomUUID()}","commands":${deep}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^commands\[0\]\[0\].*nested deeper than 32 levels/);
  });

  it('rejects one command whose text Postgres cannot store, and applies the others', async () => {
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
  });

  it('400 for a bad limit or cursor on changes, 404 and 405 for wrong routes', async () => {
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
    expect((await call(`${url}/sync/v2/push`, { body: '{}' })).status).toBe(404);
    expect((await call(`${url}/__test/faults`)).status).toBe(404); // admin routes need test mode
    const wrongMethod = await call(`${url}/sync/v1/push`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('401 on changes without a valid token; /health needs none', async () => {
    expect((await call(`${url}/sync/v1/changes`, { token: null })).status).toBe(401);
    expect((await call(`${url}/sync/v1/changes`, { token: 'nope' })).status).toBe(401);
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
    const all = await changes(url, { limit: 1000 });
    const tickets = all.body.changes.filter((c) => c.entity === 'ticket');
    expect(tickets.map((c) => c.id)).not.toContain('t-1');
    expect(tickets.filter((c) => c.id === ticket.id)).toHaveLength(1);
  });
});
