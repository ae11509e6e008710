import { describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  isEventChannel,
  isRequestChannel,
  REQUEST_CHANNELS,
} from '../../../../shared/host/contract';
import { requestInputSchemas } from '../../../../shared/host/request-schemas';

describe('host API allowlist', () => {
  it('lists the request channels of the contract, each with an input schema', () => {
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(requestInputSchemas).sort());
    expect(REQUEST_CHANNELS).toEqual(
      expect.arrayContaining([
        'app:info',
        'settings:get',
        'settings:set',
        'secrets:set-erp-token',
        'erp:session',
        'erp:push',
        'erp:changes',
        'alerts:update',
      ]),
    );
  });

  it('has no general ERP channel: the renderer names an operation, never a method or path', () => {
    // erp:check is GET /sync/v1/session at an address not saved yet: the same fixed operation;
    // the blob channels are the three blob endpoints, each with its method and path fixed.
    expect(REQUEST_CHANNELS.filter((channel) => channel.startsWith('erp:')).sort()).toEqual([
      'erp:blob-get',
      'erp:blob-parts',
      'erp:blob-put',
      'erp:changes',
      'erp:check',
      'erp:push',
      'erp:session',
    ]);
  });

  it('lists the event channels', () => {
    expect(EVENT_CHANNELS).toEqual(expect.arrayContaining(['sync:trigger', 'alerts:open-ticket']));
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(REQUEST_CHANNELS)).toBe(true);
    expect(Object.isFrozen(EVENT_CHANNELS)).toBe(true);
  });

  it.each(REQUEST_CHANNELS)('accepts the request channel %s', (channel) => {
    expect(isRequestChannel(channel)).toBe(true);
    expect(isEventChannel(channel)).toBe(false);
  });

  it.each(EVENT_CHANNELS)('accepts the event channel %s', (channel) => {
    expect(isEventChannel(channel)).toBe(true);
    expect(isRequestChannel(channel)).toBe(false);
  });

  it.each([
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'erp:request',
    'ERP:PUSH',
    'erp:push ',
    ' erp:push',
    'erp:*',
    'erp',
    'shell:open-external',
    'ipcRenderer',
    '',
    null,
    undefined,
    42,
    {},
    ['erp:push'],
  ])('refuses %j', (channel) => {
    expect(isRequestChannel(channel)).toBe(false);
    expect(isEventChannel(channel)).toBe(false);
  });
});
