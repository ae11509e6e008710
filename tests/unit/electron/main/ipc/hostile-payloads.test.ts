import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultQuietHours } from '../../../../../shared/alerts/quiet-hours';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../../../shared/host/contract';
import { APP_PAGE, BLOB_SHA256, setupHost, validInputs } from './host-fixture';

type HostileCase = readonly [label: string, input: unknown];

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const polluting = () => JSON.parse('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
const withPollution = (value: object) => ({ ...value, ...polluting() });
const viaConstructor = { constructor: { prototype: { polluted: 1 } } };

const push = validInputs['erp:push'];
const fullFeed = validInputs['alerts:update'];
const feedTicket = fullFeed.tickets[0];
const delta = {
  kind: 'delta',
  baseVersion: 1,
  version: 2,
  locale: 'ru',
  clockOffsetMs: 0,
  upsert: [feedTicket],
  remove: [],
};
const manyIds = (count: number) => Array.from({ length: count }, (_, i) => `T${i}`);
const blobPart = validInputs['erp:blob-put'];
function cyclicPush(): Record<string, unknown> {
  const command: Record<string, unknown> = { ...push.commands[0] };
  command['payload'] = { self: command };
  return { ...push, commands: [command] };
}
function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}
// Two references to the same array per level: 2^40 paths for a walker that follows them all.
function exponential(levels: number): unknown {
  let value: unknown = [1];
  for (let i = 0; i < levels; i += 1) value = [value, value];
  return value;
}

/** Inputs no channel may accept: wrong types, exotic values, pollution and resource attacks. */
const anyChannel: readonly HostileCase[] = [
  ['null', null],
  ['a number', 42],
  ['a 10 MB string', HUGE],
  ['an array', []],
  ['a __proto__ key', polluting()],
  ['constructor.prototype', viaConstructor],
  ['100,000 nested arrays', deep(100_000)],
  ['a shared-reference bomb', exponential(40)],
  ['a sparse array of length 2^32-1', new Array(2 ** 32 - 1)],
  ['a typed array of 16 MB', new Uint8Array(16 * 1024 * 1024)],
  ['a Date', new Date(0)],
  ['a Map', new Map([['token', 'x']])],
];

/*
 * Per channel, the cases that target its schema. `satisfies Record<RequestChannel, …>` makes a
 * new channel a compile error until it gets its own hostile cases here.
 */
const hostile = {
  'app:info': [['an object', { anything: true }]],
  'settings:get': [['an empty object', {}]],
  'settings:set': [
    ['a string interval', { sync: { intervalMinutes: '5' } }],
    ['a missing interval', { sync: {} }],
    ['a typo', { sync: { intervalMinute: 5 } }],
    ['plain http to a remote ERP', { erp: { baseUrl: 'http://erp.example' } }],
    ['a 10 MB ERP address', { erp: { baseUrl: `https://${HUGE}.example` } }],
    ['an unknown ERP kind', { erp: { kind: 'jira' } }],
    ['a mapping that is a string', { erp: { redmineMapping: '{"trackerId":3}' } }],
    [
      'a mapping id of 0',
      { erp: { redmineMapping: { ...DEFAULT_REDMINE_MAPPING, trackerId: 0 } } },
    ],
    [
      'a mapping id of 1e300',
      { erp: { redmineMapping: { ...DEFAULT_REDMINE_MAPPING, trackerId: 1e300 } } },
    ],
    [
      'a mapping with a million extra keys',
      {
        erp: {
          redmineMapping: {
            ...DEFAULT_REDMINE_MAPPING,
            ...Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, i])),
          },
        },
      },
    ],
    [
      '__proto__ in the mapping',
      { erp: { redmineMapping: withPollution(DEFAULT_REDMINE_MAPPING) } },
    ],
    [
      'a 10 MB calendar name',
      { alerts: { quietHours: { ...defaultQuietHours(), calendar: HUGE } } },
    ],
    ['a 10 MB time zone', { alerts: { quietHours: { ...defaultQuietHours(), timeZone: HUGE } } }],
    ['a million alert levels', { alerts: { levels: new Array(1_000_000).fill(0.5) } }],
    ['__proto__ at the top', withPollution({ sync: { intervalMinutes: 5 } })],
    ['__proto__ in a section', { sync: withPollution({ intervalMinutes: 5 }) }],
    ['__proto__ in quiet hours', { alerts: { quietHours: withPollution(defaultQuietHours()) } }],
    ['constructor.prototype in a section', { tray: viaConstructor }],
    ['the demo with an address', { erp: { mode: 'demo', baseUrl: 'https://erp.example/' } }],
    ['configured without an address', { erp: { mode: 'configured' } }],
    ['an unknown ERP mode', { erp: { mode: 'cloud' } }],
    ['an empty ERP change', { erp: {} }],
    ['levels out of order', { alerts: { levels: [0.9, 0.75] } }],
    ['a level twice', { alerts: { levels: [0.75, 0.75, 1] } }],
    ['an unknown language', { ui: { language: 'de' } }],
    ['close-to-tray as a string', { tray: { closeToTray: 'no' } }],
  ],
  'secrets:set-erp-token': [
    ['a missing token', {}],
    ['a number', { token: 5 }],
    ['an array', { token: ['a'] }],
    ['a space', { token: 'a b' }],
    ['a 10 MB token', { token: HUGE }],
    ['an extra key', { token: 'abcdefgh', readBack: true }],
    ['__proto__ beside the token', withPollution({ token: 'abcdefgh' })],
  ],
  'secrets:erp-token-status': [['a string', 'present?']],
  'erp:session': [['an object', { path: '/admin' }]],
  // The renderer names an operation, never a URL: anything that would choose the address, the
  // method, the path or a header is refused, as is a body that is not a contract-2 push.
  'erp:push': [
    ['a method and path', { method: 'DELETE', path: '/admin/users' }],
    ['an absolute URL beside the push', { ...push, url: 'https://evil.example/' }],
    ['headers smuggled in', { ...push, headers: { Authorization: 'Bearer x' } }],
    ['a missing device id', { protocolVersion: 1, commands: [] }],
    ['a device id that is no UUID', { ...push, deviceId: 'device-1' }],
    ['501 commands', { ...push, commands: new Array(501).fill(push.commands[0]) }],
    ['an unknown command type', { ...push, commands: [{ ...push.commands[0], type: 'drop' }] }],
    ['a command without an id', { ...push, commands: [{ ...push.commands[0], commandId: 1 }] }],
    ['a 10 MB payload', { ...push, commands: [{ ...push.commands[0], payload: { text: HUGE } }] }],
    [
      '__proto__ in a payload',
      { ...push, commands: [{ ...push.commands[0], payload: polluting() }] },
    ],
    [
      'constructor.prototype in a payload',
      { ...push, commands: [{ ...push.commands[0], payload: viaConstructor }] },
    ],
    [
      'a payload nested 100,000 levels deep',
      { ...push, commands: [{ ...push.commands[0], payload: { x: deep(100_000) } }] },
    ],
    ['a cyclic push', cyclicPush()],
    [
      'a shared-reference bomb as payload',
      { ...push, commands: [{ ...push.commands[0], payload: { x: exponential(40) } }] },
    ],
    ['a function as payload', { ...push, commands: [{ ...push.commands[0], payload: () => 1 }] }],
    ['__proto__ beside the fields', withPollution(push)],
  ],
  'erp:changes': [
    ['a path', { cursor: null, limit: 10, path: '/admin' }],
    ['a method', { cursor: null, limit: 10, method: 'DELETE' }],
    ['a missing cursor', { limit: 10 }],
    ['a numeric cursor', { cursor: 5, limit: 10 }],
    ['an empty cursor', { cursor: '', limit: 10 }],
    ['a 10 MB cursor', { cursor: HUGE, limit: 10 }],
    ['a string limit', { cursor: null, limit: '100' }],
    ['a limit of 0', { cursor: null, limit: 0 }],
    ['a limit over the protocol’s maximum', { cursor: null, limit: 1_001 }],
    ['a fractional limit', { cursor: null, limit: 1.5 }],
    ['__proto__ beside the fields', withPollution({ cursor: null, limit: 10 })],
  ],
  // The check may name an address (that is its point) but nothing else: the path, method and
  // headers stay the host's, the address obeys the settings' rule, the token the token's.
  'erp:check': [
    ['plain http to a remote ERP', { baseUrl: 'http://erp.example/', token: null }],
    ['credentials in the address', { baseUrl: 'https://u:p@erp.example/', token: null }],
    ['a javascript: address', { baseUrl: 'javascript:alert(1)', token: null }],
    ['a file: address', { baseUrl: 'file:///etc/passwd', token: null }],
    ['a missing token key', { baseUrl: 'https://erp.example/' }],
    [
      'a Redmine check without a mapping',
      { baseUrl: 'https://r.example/', token: null, kind: 'redmine' },
    ],
    ['an unknown kind', { baseUrl: 'https://r.example/', token: null, kind: 'gitlab' }],
    [
      'a mapping with a negative id',
      {
        baseUrl: 'https://r.example/',
        token: null,
        kind: 'redmine',
        redmineMapping: { ...DEFAULT_REDMINE_MAPPING, priorities: { 1: -5, 2: 4, 3: 3, 4: 2 } },
      },
    ],
    ['a token with a space', { baseUrl: 'https://erp.example/', token: 'a b' }],
    ['a 10 MB token', { baseUrl: 'https://erp.example/', token: HUGE }],
    ['a path beside the address', { baseUrl: 'https://erp.example/', token: null, path: '/x' }],
    [
      'headers smuggled in',
      { baseUrl: 'https://erp.example/', token: null, headers: { Cookie: 'a=b' } },
    ],
    [
      '__proto__ beside the fields',
      withPollution({ baseUrl: 'https://erp.example/', token: null }),
    ],
  ],
  'erp:blob-parts': [
    ['an uppercase hash', { sha256: BLOB_SHA256.toUpperCase() }],
    ['a path instead of a hash', { sha256: '../../sync/v1/push' }],
    ['a hash with a query', { sha256: `${BLOB_SHA256}?part=0` }],
    ['a missing hash', {}],
    ['__proto__ beside the hash', withPollution({ sha256: BLOB_SHA256 })],
  ],
  'erp:blob-put': [
    ['bytes as a string', { ...blobPart, bytes: 'AAAA' }],
    ['bytes as an array of numbers', { ...blobPart, bytes: [1, 2, 3] }],
    ['bytes as 16-bit numbers', { ...blobPart, bytes: new Uint16Array(5) }],
    ['more than one part of bytes', { ...blobPart, bytes: new Uint8Array(1024 * 1024 + 1) }],
    ['a part index past the last', { ...blobPart, part: 3 }],
    ['a negative part', { ...blobPart, part: -1 }],
    ['parts not matching the size', { ...blobPart, parts: 4 }],
    ['a fractional size', { ...blobPart, size: 2.5 }],
    ['an empty blob', { ...blobPart, size: 0, parts: 1, part: 0 }],
    ['a path instead of a hash', { ...blobPart, sha256: '../push' }],
    ['a method', { ...blobPart, method: 'DELETE' }],
    ['__proto__ beside the part', withPollution(blobPart)],
  ],
  'erp:blob-get': [
    ['an end before the start', { sha256: BLOB_SHA256, start: 10, end: 5 }],
    ['an end without a start', { sha256: BLOB_SHA256, end: 5 }],
    ['a negative start', { sha256: BLOB_SHA256, start: -1 }],
    ['a range as text', { sha256: BLOB_SHA256, range: 'bytes=0-' }],
    ['a URL', { sha256: BLOB_SHA256, url: 'https://evil.example/' }],
    ['__proto__ beside the hash', withPollution({ sha256: BLOB_SHA256 })],
  ],
  'alerts:update': [
    ['tickets as a string', { ...fullFeed, tickets: 'x' }],
    ['missing tickets', { kind: 'full', version: 1, locale: 'ru' }],
    ['no kind', { tickets: [] }],
    ['an unknown kind', { ...fullFeed, kind: 'patch' }],
    ['a version of 0', { ...fullFeed, version: 0 }],
    ['a fractional version', { ...fullFeed, version: 1.5 }],
    ['a version beyond 2^53', { ...fullFeed, version: 2 ** 60 }],
    ['an unknown locale', { ...fullFeed, locale: 'de', tickets: [] }],
    [
      'a clock offset of two centuries',
      { ...fullFeed, clockOffsetMs: 2 * 100 * 365 * 86_400_000, tickets: [] },
    ],
    ['a clock offset as a string', { ...fullFeed, clockOffsetMs: '7200000', tickets: [] }],
    [
      'a clock offset of Infinity',
      { ...fullFeed, clockOffsetMs: Number.POSITIVE_INFINITY, tickets: [] },
    ],
    ['a made-up time zone', { ...fullFeed, timeZone: 'Mars/Olympus_Mons', tickets: [] }],
    ['a sparse feed of 2^32-1 tickets', { ...fullFeed, tickets: new Array(2 ** 32 - 1) }],
    ['a ticket without fields', { ...fullFeed, tickets: [{ ticketId: 'x' }] }],
    ['one ticket twice in a full feed', { ...fullFeed, tickets: [feedTicket, feedTicket] }],
    ['a 10 MB organization', { ...fullFeed, tickets: [{ ...feedTicket, organization: HUGE }] }],
    [
      "a made-up zone for a ticket's organization",
      { ...fullFeed, tickets: [{ ...feedTicket, timeZone: 'Mars/Olympus_Mons' }] },
    ],
    ['__proto__ in a ticket', { ...fullFeed, tickets: [withPollution(feedTicket)] }],
    ['__proto__ beside the feed', withPollution(fullFeed)],
    ['a delta without a base version', { ...delta, baseVersion: undefined }],
    ['a delta that does not move the version forward', { ...delta, version: 1 }],
    ['a delta going back', { ...delta, baseVersion: 5, version: 4 }],
    ['a delta carrying a whole feed', { ...delta, tickets: [feedTicket] }],
    ['a delta with upsert as a string', { ...delta, upsert: 'T1' }],
    ['a delta upserting a ticket without fields', { ...delta, upsert: [{ ticketId: 'T1' }] }],
    ['a delta removing an empty id', { ...delta, remove: [''] }],
    ['a delta removing a number', { ...delta, remove: [7] }],
    ['a delta removing a 10 MB id', { ...delta, remove: [HUGE] }],
    ['a delta removing 100,001 tickets', { ...delta, remove: manyIds(100_001) }],
    ['a delta upserting and removing one ticket', { ...delta, remove: [feedTicket.ticketId] }],
    ['a delta upserting one ticket twice', { ...delta, upsert: [feedTicket, feedTicket] }],
    ['a sparse upsert of 2^32-1 tickets', { ...delta, upsert: new Array(2 ** 32 - 1) }],
    ['__proto__ in an upserted ticket', { ...delta, upsert: [withPollution(feedTicket)] }],
    ['__proto__ beside the delta', withPollution(delta)],
  ],
  'alerts:mute': [
    ['a string', { minutes: '5' }],
    ['missing minutes', {}],
    ['NaN', { minutes: Number.NaN }],
    ['a year', { minutes: 525_600 }],
    ['__proto__ beside minutes', withPollution({ minutes: 5 })],
  ],
  'diagnostics:host': [['an object', { lines: 1_000_000 }]],
  'diagnostics:log': [
    ['a missing message', { level: 'error', scope: 'render' }],
    ['an unknown level', { level: 'fatal', scope: 'render', message: 'x' }],
    ['a scope with a path in it', { level: 'error', scope: '../../main', message: 'x' }],
    ['a 10 MB message', { level: 'error', scope: 'render', message: HUGE }],
    ['a 10 MB detail', { level: 'error', scope: 'render', message: 'x', detail: HUGE }],
    ['__proto__ beside the fields', withPollution({ level: 'warn', scope: 'boot', message: 'x' })],
  ],
} satisfies Record<RequestChannel, readonly HostileCase[]>;

afterEach(() => {
  // Whatever a case did, the process must be left unpolluted.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe.each(REQUEST_CHANNELS.map((channel) => [channel]))('%s', (channel) => {
  it('accepts its valid input (the control for the cases below)', async () => {
    const { route, handlers } = await setupHost();
    expect(await route(channel, APP_PAGE, validInputs[channel])).toMatchObject({ ok: true });
    // The spies below are what the router calls: without this, "not called" could not fail.
    expect(handlers[channel]).toHaveBeenCalledTimes(1);
  });

  it.each([...anyChannel, ...hostile[channel]])(
    'refuses %s with invalid_input, calling nothing and changing nothing',
    async (_label, input) => {
      const { route, handlers, services, fileState } = await setupHost();
      const before = fileState();
      const result = await route(channel, APP_PAGE, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
      for (const spy of Object.values(services)) expect(spy).not.toHaveBeenCalled();
      expect(fileState()).toEqual(before);
    },
  );

  it.each([
    ['a subframe of the app page', { ...APP_PAGE, isMainFrame: false }],
    ['a foreign page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a destroyed frame', { url: null, isMainFrame: true }],
  ])('refuses a valid input from %s as forbidden_sender', async (_label, sender) => {
    const { route, handlers, services, fileState } = await setupHost();
    const before = fileState();
    const result = await route(channel, sender, validInputs[channel]);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    for (const spy of Object.values(services)) expect(spy).not.toHaveBeenCalled();
    expect(fileState()).toEqual(before);
  });
});
