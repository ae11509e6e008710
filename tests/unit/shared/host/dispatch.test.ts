import { describe, expect, it, vi } from 'vitest';
import { createRequestDispatcher } from '../../../../shared/host/dispatch';
import { spyHandlers } from './spy-handlers';

describe('createRequestDispatcher', () => {
  it('passes validated, normalised input to the handler', async () => {
    const handlers = spyHandlers('browser');
    const dispatch = createRequestDispatcher(handlers);
    const result = await dispatch('secrets:set-erp-token', { token: '  abc  ' });
    expect(result).toMatchObject({ ok: true, value: { present: true } });
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
    const result = await createRequestDispatcher(handlers)('erp:changes', {
      cursor: null,
      limit: 5_000,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/^erp:changes: limit: /);
    }
    expect(handlers['erp:changes']).not.toHaveBeenCalled();
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
