// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '@shared/host/contract';

/*
 * The static screen: what the window shows when the app cannot start or an error escapes every
 * React boundary. render-app (i18n, React, the app) is replaced per test by what fails.
 */

const RENDER_APP = '../../../../renderer/app/render-app';
type RenderApp = (
  onUncaughtError: (error: unknown, info: { componentStack?: string }) => void,
) => Promise<void>;

const writeText = vi.fn<(text: string) => Promise<void>>();

function fakeHost() {
  const request = vi.fn(async () => ({ ok: true as const, value: { logged: true } }));
  return { host: { request, on: vi.fn(() => () => undefined) } as unknown as HostBridge, request };
}

async function start(
  renderApp: RenderApp | (() => never),
  connect: () => Promise<HostBridge | null>,
): Promise<void> {
  vi.doMock(RENDER_APP, () => ({ renderApp }));
  const { startRenderer } = await import('../../../../renderer/app/start-renderer');
  await startRenderer('browser', connect);
}

const screen = () => document.querySelector('[data-testid="failure-static"]');
const buttons = () => [...document.querySelectorAll('button')];

beforeEach(() => {
  vi.resetModules();
  vi.doUnmock(RENDER_APP);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  document.body.innerHTML = '<div id="root"></div>';
});

describe('startRenderer', () => {
  it('shows a static screen in Russian and English when the start fails, and logs it', async () => {
    const { host, request } = fakeHost();
    await start(
      async () => {
        throw new Error('i18next failed to initialise');
      },
      async () => host,
    );

    expect(screen()?.querySelector('[lang="ru"]')?.textContent).toContain(
      'Приложение не запустилось',
    );
    expect(screen()?.querySelector('[lang="en"]')?.textContent).toContain('The app did not start');
    expect(screen()?.textContent).toContain('Error: i18next failed to initialise');
    expect(buttons().map((button) => button.textContent)).toEqual([
      'Перезагрузить окно · Reload window',
      'Скопировать диагностику · Copy diagnostics',
    ]);
    expect(document.getElementById('root')).toBeNull();
    // The CSP allows no inline style: the screen is styled by classes only.
    expect(document.body.querySelectorAll('[style]')).toHaveLength(0);
    expect(request).toHaveBeenCalledWith('diagnostics:log', {
      level: 'error',
      scope: 'boot',
      message: 'the app did not start: Error: i18next failed to initialise',
      detail: expect.stringContaining('stack:'),
    });
  });

  it('catches a module that throws while the app loads', async () => {
    const { host, request } = fakeHost();
    vi.doMock(RENDER_APP, () => {
      throw new Error('a module threw at load');
    });
    const { startRenderer } = await import('../../../../renderer/app/start-renderer');
    await startRenderer('browser', async () => host);

    // (vitest reports the factory's error in its own words, so only the outcome is checked)
    expect(screen()?.textContent).toContain('Приложение не запустилось');
    expect(request).toHaveBeenCalledWith(
      'diagnostics:log',
      expect.objectContaining({ scope: 'boot' }),
    );
  });

  it('shows the same screen when the host cannot be created', async () => {
    await start(vi.fn(), async () => {
      throw new DOMException('localStorage is disabled', 'SecurityError');
    });
    expect(screen()?.textContent).toContain('Приложение не запустилось');
    expect(screen()?.textContent).toContain('SecurityError: localStorage is disabled');
  });

  it('says the desktop bridge is missing when there is no host', async () => {
    const renderApp = vi.fn();
    await start(renderApp, async () => null);
    expect(screen()?.textContent).toContain('Приложение запущено без связи с системой');
    expect(screen()?.textContent).toContain('The app started without its link to the system');
    expect(renderApp).not.toHaveBeenCalled();
  });

  it('shows the window screen for an error that escaped every boundary', async () => {
    const { host, request } = fakeHost();
    await start(
      async (onUncaughtError) => {
        onUncaughtError(new Error('the fallback itself broke'), { componentStack: '\n    at App' });
      },
      async () => host,
    );

    expect(screen()?.textContent).toContain('Окно приложения не удалось показать');
    expect(request).toHaveBeenCalledWith(
      'diagnostics:log',
      expect.objectContaining({
        scope: 'render',
        message: 'the window failed to render: Error: the fallback itself broke',
      }),
    );
  });

  it('copies the diagnostics and says so in both languages', async () => {
    writeText.mockResolvedValue(undefined);
    await start(vi.fn(), async () => null);
    buttons()[1]!.click();

    await vi.waitFor(() =>
      expect(document.querySelector<HTMLElement>('[role="status"]')?.hidden).toBe(false),
    );
    expect(writeText.mock.calls[0]![0]).toMatch(/the app did not start[\s\S]*Host: none/);
    expect(document.querySelector('[role="status"]')?.textContent).toContain(
      'Диагностика скопирована',
    );
    expect(document.querySelector('[role="status"]')?.textContent).toContain('Diagnostics copied');
  });

  it('offers the text by hand when the clipboard is refused', async () => {
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await start(vi.fn(), async () => null);
    buttons()[1]!.click();

    await vi.waitFor(() => expect(document.querySelector('textarea')).not.toBeNull());
    expect(document.querySelector('[role="status"]')?.textContent).toContain(
      'Скопировать не удалось',
    );
    expect(document.querySelector('textarea')?.value).toContain('window.prokontakt is missing');
  });
});
