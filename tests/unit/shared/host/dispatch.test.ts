import { describe, expect, it, vi } from 'vitest';
import { createRequestDispatcher } from '../../../../shared/host/dispatch';
import type { HostHandlers } from '../../../../shared/host/request-schemas';
import { ok } from '../../../../shared/host/result';
import { sampleHostDiagnostics } from './diagnostics-fixture';
import { defaultSettings } from '../../../../shared/host/schemas';

function spyHandlers() {
  const snapshot = { settings: defaultSettings(), problem: null };
  return {
    'app:info': vi.fn(async () =>
      ok({ name: 'x', version: '0', host: 'browser' as const, platform: 'test' }),
    ),
    'settings:get': vi.fn(async () => ok(snapshot)),
    'settings:set': vi.fn(async () => ok(snapshot)),
    'secrets:set-erp-token': vi.fn(async () => ok({ present: true })),
    'secrets:erp-token-status': vi.fn(async () => ok({ present: false })),
    'erp:request': vi.fn(async () => ok({ status: 200, body: null, retryAfterSeconds: null })),
    'alerts:update': vi.fn(async () => ok({ scheduled: 0 })),
    'alerts:mute': vi.fn(async () =>
      ok({
        open: 0,
        warning: 0,
        breached: 0,
        mutedUntil: null,
        quietUntil: null,
        locale: 'ru' as const,
      }),
    ),
    'diagnostics:host': vi.fn(async () => ok(sampleHostDiagnostics())),
  } satisfies HostHandlers;
}

describe('createRequestDispatcher', () => {
  it('passes validated, normalised input to the handler', async () => {
    const handlers = spyHandlers();
    const dispatch = createRequestDispatcher(handlers);
    const result = await dispatch('secrets:set-erp-token', { token: '  abc  ' });
    expect(result).toEqual({ ok: true, value: { present: true } });
    expect(handlers['secrets:set-erp-token']).toHaveBeenCalledWith({ token: 'abc' });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const handlers = spyHandlers();
    const result = await createRequestDispatcher(handlers)('shell:exec', { cmd: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('names the offending field of a malformed payload', async () => {
    const handlers = spyHandlers();
    const result = await createRequestDispatcher(handlers)('erp:request', {
      method: 'GET',
      path: '//evil.example',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('path');
    }
    expect(handlers['erp:request']).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error value with a generic message', async () => {
    const handlers = spyHandlers();
    handlers['settings:get'].mockRejectedValueOnce(new Error('EACCES /home/user/secret/path'));
    const onHandlerError = vi.fn();
    const result = await createRequestDispatcher(handlers, { onHandlerError })(
      'settings:get',
      undefined,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'settings:get failed inside the host' },
    });
    expect(onHandlerError).toHaveBeenCalledWith('settings:get', expect.any(Error));
  });
});
