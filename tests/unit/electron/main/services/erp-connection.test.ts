import { describe, expect, it, vi } from 'vitest';
import {
  createErpConnection,
  type ErpConnectionPorts,
} from '../../../../../electron/main/services/erp-connection';

function ports(
  configured: string | null,
  patch: Partial<ErpConnectionPorts> = {},
  demoChosen = configured === null,
) {
  const close = vi.fn(async () => undefined);
  const startDemo = vi.fn(async () => ({
    url: 'http://127.0.0.1:40123',
    token: 'demo-token',
    close,
  }));
  const state = { configured, demoChosen };
  // The store holds one token, entered for https://erp.example.ru.
  const tokenFor = vi.fn(async (origin: string) =>
    origin === 'https://erp.example.ru' ? 'stored-token' : null,
  );
  const all: ErpConnectionPorts = {
    configuredUrl: () => state.configured,
    demoChosen: () => state.demoChosen,
    tokenFor,
    startDemo,
    onDemoFailed: vi.fn(),
    ...patch,
  };
  return { all, startDemo, close, state, tokenFor };
}

describe('ERP connection', () => {
  it('uses the configured ERP and the token stored for its origin, never starting the demo', async () => {
    const { all, startDemo, tokenFor } = ports('https://erp.example.ru/api/');
    const connection = createErpConnection(all);
    expect(await connection.endpoint()).toEqual({
      baseUrl: 'https://erp.example.ru/api/',
      token: 'stored-token',
    });
    expect(tokenFor).toHaveBeenCalledWith('https://erp.example.ru');
    expect(startDemo).not.toHaveBeenCalled();
  });

  it.each([
    ['another host', 'https://evil.example/'],
    ['a look-alike host', 'https://erp.example.ru.evil.example/'],
    ['another port', 'https://erp.example.ru:8443/'],
    ['plain http on this computer', 'http://localhost/'],
  ])('sends no token to %s', async (_label, url) => {
    const connection = createErpConnection(ports(url).all);
    expect(await connection.endpoint()).toEqual({ baseUrl: url, token: null });
  });

  it('starts the embedded demo ERP once when the demo was chosen, and closes it', async () => {
    const { all, startDemo, close, tokenFor } = ports(null);
    const connection = createErpConnection(all);
    const [endpoint, url] = await Promise.all([connection.endpoint(), connection.baseUrl()]);
    expect(endpoint).toEqual({ baseUrl: 'http://127.0.0.1:40123', token: 'demo-token' });
    expect(url).toBe('http://127.0.0.1:40123');
    expect(startDemo).toHaveBeenCalledTimes(1);
    expect(tokenFor).not.toHaveBeenCalled();
    await connection.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('switches to a configured ERP as soon as the setting changes', async () => {
    const { all, state } = ports(null);
    const connection = createErpConnection(all);
    expect((await connection.endpoint())?.token).toBe('demo-token');
    state.configured = 'https://erp.example.ru';
    state.demoChosen = false;
    expect(await connection.endpoint()).toEqual({
      baseUrl: 'https://erp.example.ru',
      token: 'stored-token',
    });
  });

  it('has no ERP before the first-run choice: nothing syncs, the demo does not start', async () => {
    const { all, startDemo, state, close } = ports(null, {}, false);
    const connection = createErpConnection(all);
    expect(await connection.endpoint()).toBeNull();
    expect(await connection.baseUrl()).toBeNull();
    expect(startDemo).not.toHaveBeenCalled();
    // Choosing the demo then starts it.
    state.demoChosen = true;
    expect((await connection.endpoint())?.baseUrl).toBe('http://127.0.0.1:40123');
    // Switching back to it after an address was in use finds it still running.
    state.configured = 'https://erp.example.ru';
    state.demoChosen = false;
    await connection.endpoint();
    state.configured = null;
    state.demoChosen = true;
    expect((await connection.endpoint())?.token).toBe('demo-token');
    expect(startDemo).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
  });

  it('reports a demo that cannot start and answers "no ERP" without retrying', async () => {
    const failure = new Error('data folder locked');
    const startDemo = vi.fn(async () => Promise.reject(failure));
    const { all } = ports(null, { startDemo });
    const connection = createErpConnection(all);
    expect(await connection.endpoint()).toBeNull();
    expect(await connection.baseUrl()).toBeNull();
    expect(startDemo).toHaveBeenCalledTimes(1);
    expect(all.onDemoFailed).toHaveBeenCalledWith(failure);
  });
});
