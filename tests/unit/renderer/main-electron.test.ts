// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '@shared/host/contract';

/*
 * The desktop entry takes its host from the preload and from nowhere else. The browser host and
 * the app itself are stand-ins that record whether they were ever loaded.
 */

const loaded = vi.hoisted(() => ({ browserHost: false }));
vi.mock('../../../renderer/lib/browser-host', () => {
  loaded.browserHost = true;
  return { createBrowserHost: () => ({}) };
});
const renderApp = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../../renderer/app/render-app', () => ({ renderApp }));

beforeEach(() => {
  vi.resetModules();
  loaded.browserHost = false;
  renderApp.mockClear();
  delete window.prokontakt;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  document.body.innerHTML = '<div id="root"></div>';
});

const failureScreen = () => document.querySelector('[data-testid="failure-static"]');

describe('main.electron.ts', () => {
  it('refuses to start without the preload bridge: an error screen, and no browser host', async () => {
    await import('../../../renderer/main.electron');
    await vi.waitFor(() => expect(failureScreen()).not.toBeNull());

    expect(failureScreen()?.textContent).toContain('Приложение запущено без связи с системой');
    expect(failureScreen()?.textContent).toContain(
      'The app started without its link to the system',
    );
    expect(renderApp).not.toHaveBeenCalled();
    expect(loaded.browserHost).toBe(false);
    expect(window.prokontakt).toBeUndefined();
    const { findHost } = await import('../../../renderer/lib/host');
    expect(findHost()).toBeNull();
  });

  it('starts the app on the preload bridge, as the Electron host', async () => {
    const bridge = { request: vi.fn(), on: vi.fn() } as unknown as HostBridge;
    window.prokontakt = bridge;
    await import('../../../renderer/main.electron');
    await vi.waitFor(() => expect(renderApp).toHaveBeenCalledOnce());

    const { getHost, getHostKind } = await import('../../../renderer/lib/host');
    expect(getHost()).toBe(bridge);
    expect(getHostKind()).toBe('electron');
    expect(loaded.browserHost).toBe(false);
    expect(failureScreen()).toBeNull();
  });
});
