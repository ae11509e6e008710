import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, type SenderInfo } from '../../../../../electron/main/ipc/router';
import { isTrustedUrl, type TrustedLocations } from '../../../../../electron/main/trusted-url';
import { spyHandlers } from '../../../shared/host/spy-handlers';

const trusted: TrustedLocations = {
  devServerOrigin: null,
  rendererDirUrl: 'file:///opt/prokontakt/out/renderer/',
};
const appPage: SenderInfo = {
  url: 'file:///opt/prokontakt/out/renderer/index.html',
  isMainFrame: true,
};

function setup() {
  const handlers = spyHandlers();
  const onForbiddenSender = vi.fn();
  const route = createIpcRouter({
    handlers,
    isTrustedSender: (sender) => sender.url !== null && isTrustedUrl(sender.url, trusted),
    onForbiddenSender,
  });
  const noHandlerCalled = () => {
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  };
  return { handlers, route, onForbiddenSender, noHandlerCalled };
}

describe('IPC router: validation', () => {
  it('runs the handler for a valid request from the app page', async () => {
    const { route, handlers } = setup();
    const result = await route('erp:changes', appPage, { cursor: 'c7', limit: 200 });
    expect(result.ok).toBe(true);
    expect(handlers['erp:changes']).toHaveBeenCalledWith({ cursor: 'c7', limit: 200 });
  });

  it.each([
    ['settings:set', { sync: { intervalMinutes: '5' } }],
    ['settings:set', { erp: { baseUrl: 'http://erp.example' } }],
    ['settings:set', 'sync=5'],
    ['secrets:set-erp-token', { token: 'a b' }],
    ['secrets:set-erp-token', undefined],
    ['erp:changes', { cursor: null, limit: 10, path: 'https://evil.example/' }],
    ['erp:push', { method: 'POST', path: '/x', body: () => 1 }],
    ['erp:push', null],
    ['erp:session', { method: 'DELETE' }],
    ['alerts:update', { alerts: [{ id: 'x' }] }],
    ['app:info', { anything: true }],
    ['settings:get', 0],
  ])('refuses malformed %s payload %#, without calling a handler', async (channel, input) => {
    const { route, noHandlerCalled } = setup();
    const result = await route(channel, appPage, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    noHandlerCalled();
  });

  it('refuses a channel outside the allowlist', async () => {
    const { route, noHandlerCalled } = setup();
    expect(await route('__proto__', appPage, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    noHandlerCalled();
  });

  it('never rejects: a throwing handler becomes an error value', async () => {
    const { route, handlers } = setup();
    handlers['app:info'].mockImplementationOnce(() => {
      throw new TypeError('boom');
    });
    await expect(route('app:info', appPage, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('IPC router: sender frame', () => {
  it.each<[string, SenderInfo]>([
    ['a subframe of the app page', { ...appPage, isMainFrame: false }],
    ['a destroyed frame', { url: null, isMainFrame: true }],
    ['a remote page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file outside the bundle', { url: 'file:///tmp/evil.html', isMainFrame: true }],
    [
      'a path that climbs out of the bundle',
      { url: 'file:///opt/prokontakt/out/renderer/../../../tmp/evil.html', isMainFrame: true },
    ],
    ['a data: page', { url: 'data:text/html,hi', isMainFrame: true }],
  ])('refuses %s, valid payload or not', async (_label, sender) => {
    const { route, noHandlerCalled, onForbiddenSender } = setup();
    const result = await route('settings:get', sender, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    noHandlerCalled();
    expect(onForbiddenSender).toHaveBeenCalledWith('settings:get', sender);
  });

  it('checks the sender before the payload, so a stranger learns nothing about the schema', async () => {
    const { route } = setup();
    const result = await route(
      'erp:push',
      { url: 'https://evil.example/', isMainFrame: true },
      'junk',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('treats a throwing sender predicate as untrusted', async () => {
    const handlers = setup().handlers;
    const route = createIpcRouter({
      handlers,
      isTrustedSender: () => {
        throw new Error('frame gone');
      },
    });
    expect(await route('settings:get', appPage, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });
});
