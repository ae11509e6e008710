import { describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../../shared/host/contract';
import { createRequestDispatcher } from '../../../../shared/host/dispatch';
import { PAYLOAD_LIMITS, payloadProblem } from '../../../../shared/host/payload-guard';
import type { HostHandlers } from '../../../../shared/host/request-schemas';
import { ok } from '../../../../shared/host/result';

const small = {
  ...PAYLOAD_LIMITS,
  maxDepth: 4,
  maxContainers: 20,
  maxArrayLength: 5,
  maxKeysPerObject: 3,
  maxTextChars: 50,
};

describe('payloadProblem', () => {
  it('accepts the largest real payloads: a 50,000-ticket alert feed and a 500-command push', () => {
    const clock = {
      clock: 'reaction',
      targetMs: 1,
      dueAtMs: 2,
      workingHours: true,
      marks: [
        { level: 0.75, atMs: 1 },
        { level: 1, atMs: 2 },
      ],
    };
    const tickets = Array.from({ length: 50_000 }, (_, i) => ({
      ticketId: `T${i}`,
      number: i + 1,
      organization: 'ООО «Ромашка»',
      priority: 2,
      clocks: [clock, { ...clock, clock: 'resolution' }],
    }));
    expect(payloadProblem({ locale: 'ru', tickets })).toBeNull();
    const commands = Array.from({ length: 500 }, (_, i) => ({
      commandId: `c${i}`,
      type: 'comment',
      payload: { text: 'x'.repeat(10_000) },
    }));
    expect(
      payloadProblem({
        method: 'POST',
        path: '/sync/v1/push',
        body: { protocolVersion: 1, commands },
      }),
    ).toBeNull();
  });

  it.each([
    ['plain values', [undefined, null, 0, 'text', true]],
    ['an object without a prototype', [Object.assign(Object.create(null) as object, { a: 1 })]],
  ])('accepts %s', (_label, values) => {
    for (const value of values) expect(payloadProblem(value, small)).toBeNull();
  });

  it.each([
    ['depth', [[[[[1]]]]], 'input.0.0.0.0: nested deeper than 4 levels'],
    ['array length', { list: [1, 2, 3, 4, 5, 6] }, 'input.list: more than 5 items'],
    ['keys per object', { a: 1, b: 2, c: 3, d: 4 }, 'input: more than 3 keys'],
    [
      'text in values',
      { a: 'x'.repeat(51) },
      'input.a: the payload holds more than 50 characters of text',
    ],
    ['text in keys', { ['k'.repeat(51)]: 1 }, 'the payload holds more than 50 characters of text'],
    [
      'containers',
      [[], [], [], [], []].map(() => [[], [], []]),
      'the payload holds more than 20 objects and arrays',
    ],
    [
      'a __proto__ key',
      { a: JSON.parse('{"__proto__":{"x":1}}') as unknown },
      'input.a.__proto__: the key "__proto__" is not allowed',
    ],
    [
      'a constructor key',
      { constructor: {} },
      'input.constructor: the key "constructor" is not allowed',
    ],
    [
      'a prototype key',
      { a: { prototype: 1 } },
      'input.a.prototype: the key "prototype" is not allowed',
    ],
    ['a Date', { at: new Date(0) }, 'input.at: must be plain data (JSON-like)'],
    [
      'another typed array',
      { data: new Uint16Array(4) },
      'input.data: must be plain data (JSON-like)',
    ],
    [
      'binary data (two blob parts)',
      { a: new Uint8Array(1024 * 1024), b: new Uint8Array(1) },
      'input.b: the payload holds more than 1048576 bytes of binary data',
    ],
  ])('refuses too much %s, naming where', (_label, input, message) => {
    expect(payloadProblem(input, small)).toContain(message);
  });

  it('takes one blob part as binary without walking its bytes', () => {
    expect(payloadProblem({ sha256: 'a', bytes: new Uint8Array(1024 * 1024) })).toBeNull();
  });

  it('stops on cycles and shared-reference bombs with the default limits, without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(payloadProblem(cyclic)).toMatch(/nested deeper than 32 levels/);
    let bomb: unknown = [1];
    for (let i = 0; i < 30; i += 1) bomb = [bomb, bomb];
    expect(payloadProblem(bomb)).toMatch(/more than 3000000 objects and arrays/);
    expect(payloadProblem({ list: new Array(2 ** 32 - 1) })).toBe(
      'input.list: more than 200000 items',
    );
  });
});

describe('the dispatcher applies the guard before the schema', () => {
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, vi.fn(async () => ok(null))]),
  ) as unknown as HostHandlers;

  it('answers a guarded payload with invalid_input naming the channel', async () => {
    const dispatch = createRequestDispatcher(handlers);
    expect(await dispatch('alerts:mute', { minutes: 1, constructor: 1 })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'alerts:mute: input.constructor: the key "constructor" is not allowed',
      },
    });
  });

  it('turns a throwing getter (possible in the in-page browser host) into invalid_input', async () => {
    const dispatch = createRequestDispatcher(handlers);
    const input = {
      get minutes(): number {
        throw new Error('boom');
      },
    };
    expect(await dispatch('alerts:mute', input)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
