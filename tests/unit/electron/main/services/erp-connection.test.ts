import { describe, expect, it, vi } from 'vitest';
import {
  createErpConnection,
  type ErpConnectionPorts,
} from '../../../../../electron/main/services/erp-connection';

function ports(configured: string | null, patch: Partial<ErpConnectionPorts> = {}) {
  const close = vi.fn(async () => undefined);
  const startDemo = vi.fn(async () => ({
    url: 'http://127.0.0.1:40123',
    token: 'demo-token',
    close,
  }));
  const state = { configured };
  const all: ErpConnectionPorts = {
    configuredUrl: () => state.configured,
    storedToken: async () => 'stored-token',
    startDemo,
    onDemoFailed: vi.fn(),
    ...patch,
  };
  return { all, startDemo, close, state };
}

describe('ERP connection', () => {
  it('uses the configured ERP and its stored token, never starting the demo', async () => {
    const { all, startDemo } = ports('https://erp.example.ru');
    const connection = createErpConnection(all);
    expect(await connection.baseUrl()).toBe('https://erp.example.ru');
    expect(await connection.token()).toBe('stored-token');
    expect(startDemo).not.toHaveBeenCalled();
  });

  it('starts the embedded demo ERP once when none is configured, and closes it', async () => {
    const { all, startDemo, close } = ports(null);
    const connection = createErpConnection(all);
    const [url, token] = await Promise.all([connection.baseUrl(), connection.token()]);
    expect([url, token]).toEqual(['http://127.0.0.1:40123', 'demo-token']);
    await connection.baseUrl();
    expect(startDemo).toHaveBeenCalledTimes(1);
    await connection.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('switches to a configured ERP as soon as the setting changes', async () => {
    const { all, state } = ports(null);
    const connection = createErpConnection(all);
    expect(await connection.token()).toBe('demo-token');
    state.configured = 'https://erp.example.ru';
    expect(await connection.baseUrl()).toBe('https://erp.example.ru');
    expect(await connection.token()).toBe('stored-token');
  });

  it('reports a demo that cannot start and answers "no ERP" without retrying', async () => {
    const failure = new Error('data folder locked');
    const startDemo = vi.fn(async () => Promise.reject(failure));
    const { all } = ports(null, { startDemo });
    const connection = createErpConnection(all);
    expect(await connection.baseUrl()).toBeNull();
    expect(await connection.token()).toBeNull();
    expect(startDemo).toHaveBeenCalledTimes(1);
    expect(all.onDemoFailed).toHaveBeenCalledWith(failure);
  });
});
