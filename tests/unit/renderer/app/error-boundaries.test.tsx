// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '@shared/host/contract';
import { AppErrorBoundary } from '../../../../renderer/app/AppErrorBoundary';
import { PageErrorBoundary } from '../../../../renderer/app/PageErrorBoundary';
import type { Route } from '../../../../renderer/app/route';
import { installHost } from '../../../../renderer/lib/host';
import { initI18n } from '../../../../renderer/lib/i18n';

// React warns unless it knows updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const request = vi.fn(async () => ({ ok: true as const, value: { logged: true } }));
const host = { request, on: vi.fn(() => () => undefined) } as unknown as HostBridge;
const writeText = vi.fn<(text: string) => Promise<void>>();

let container: HTMLElement;
let root: Root;

beforeAll(async () => {
  installHost(host, 'browser');
  await initI18n();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

beforeEach(async () => {
  request.mockClear();
  writeText.mockReset();
  // React reports every caught error on the console as well; the tests look at the screen instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await i18next.changeLanguage('ru');
  document.documentElement.lang = 'ru';
  window.location.hash = '#/ticket/7';
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

function render(node: ReactNode): void {
  act(() => root.render(node));
}

function Thrower({ message }: { message: string }): ReactNode {
  throw new Error(message);
}

const buttons = () => [...container.querySelectorAll('button')].map((button) => button.textContent);
const loggedEntries = () =>
  (request.mock.calls as unknown[][])
    .filter(([channel]) => channel === 'diagnostics:log')
    .map(([, entry]) => entry);

async function click(label: string): Promise<void> {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button "${label}"`);
  await act(async () => button.click());
}

describe('AppErrorBoundary', () => {
  it('fills the window with a Russian message, reload and copy, and logs the error', () => {
    render(
      <AppErrorBoundary>
        <Thrower message="the header broke" />
      </AppErrorBoundary>,
    );

    const screen = container.querySelector('[data-testid="failure-window"]');
    expect(screen?.textContent).toContain('Окно приложения не удалось показать');
    expect(screen?.textContent).toContain('Error: the header broke');
    expect(buttons()).toEqual(['Перезагрузить окно', 'Скопировать диагностику']);
    expect(loggedEntries()).toEqual([
      expect.objectContaining({
        level: 'error',
        scope: 'render',
        message: 'the window failed to render: Error: the header broke',
        detail: expect.stringMatching(/route: #\/ticket\/7[\s\S]*components:[\s\S]*Thrower/),
      }),
    ]);
  });

  it('speaks the window language without i18next, which may be what failed', () => {
    document.documentElement.lang = 'en';
    vi.spyOn(i18next, 't').mockImplementation(() => {
      throw new Error('i18next is broken');
    });
    render(
      <AppErrorBoundary>
        <Thrower message="boom" />
      </AppErrorBoundary>,
    );
    expect(container.textContent).toContain('The app window could not be shown');
    expect(buttons()).toEqual(['Reload window', 'Copy diagnostics']);
  });

  it('copies a short redacted report and says so', async () => {
    writeText.mockResolvedValue(undefined);
    render(
      <AppErrorBoundary>
        <Thrower message="ERP answered 401 for Bearer s3cr3t" />
      </AppErrorBoundary>,
    );
    await click('Скопировать диагностику');

    expect(writeText).toHaveBeenCalledOnce();
    const report = writeText.mock.calls[0]![0];
    expect(report).toMatch(/^PROконтакт Support Desk: the window failed to render\n/);
    expect(report).toMatch(/^Version: \d+\.\d+\.\d+$/m);
    expect(report).toContain('Host: browser');
    expect(report).toContain('Route: #/ticket/7');
    expect(report).toContain('Error: Error: ERP answered 401 for Bearer [redacted]');
    expect(report).toMatch(/Components:\n {2}at Thrower/);
    expect(report).not.toContain('s3cr3t');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Диагностика скопирована: вставьте её в письмо в службу поддержки.',
    );
  });

  it('says when the clipboard is refused and offers the text to copy by hand', async () => {
    writeText.mockRejectedValue(new DOMException('Write permission denied', 'NotAllowedError'));
    render(
      <AppErrorBoundary>
        <Thrower message="boom" />
      </AppErrorBoundary>,
    );
    await click('Скопировать диагностику');

    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'Скопировать не удалось',
    );
    const text = container.querySelector('textarea');
    expect(text?.readOnly).toBe(true);
    expect(text?.value).toContain('Error: Error: boom');
  });
});

describe('PageErrorBoundary', () => {
  function TicketStub({ id }: { id: string }) {
    if (id === 'broken') throw new Error(`ticket ${id} cannot be drawn`);
    return <p>ticket {id}</p>;
  }

  // The shell around the page, as App.tsx has it: header and status bar outside the boundary.
  function Shell({ route }: { route: Route }) {
    return (
      <>
        <header>шапка</header>
        <main>
          <PageErrorBoundary route={route}>
            {route.name === 'ticket' ? <TicketStub id={route.ticketId} /> : <p>очередь</p>}
          </PageErrorBoundary>
        </main>
        <footer>строка состояния</footer>
      </>
    );
  }

  it('shows the error in place of the page and leaves the shell working', () => {
    render(<Shell route={{ name: 'ticket', ticketId: 'broken' }} />);

    expect(container.querySelector('header')?.textContent).toBe('шапка');
    expect(container.querySelector('footer')?.textContent).toBe('строка состояния');
    const failure = container.querySelector('main [data-testid="failure-page"]');
    expect(failure?.textContent).toContain('Эту страницу не удалось показать');
    expect(buttons()).toEqual(['Перезагрузить окно', 'Скопировать диагностику']);
    expect(failure?.querySelector('a')?.getAttribute('href')).toBe('#/');
    expect(loggedEntries()).toEqual([
      expect.objectContaining({
        scope: 'render',
        message: 'a page failed to render: Error: ticket broken cannot be drawn',
      }),
    ]);
  });

  it('gives the page a fresh try when the route changes', () => {
    render(<Shell route={{ name: 'ticket', ticketId: 'broken' }} />);
    render(<Shell route={{ name: 'ticket', ticketId: '8' }} />);
    expect(container.querySelector('[data-testid="failure-page"]')).toBeNull();
    expect(container.querySelector('main')?.textContent).toBe('ticket 8');

    render(<Shell route={{ name: 'ticket', ticketId: 'broken' }} />);
    expect(container.querySelector('[data-testid="failure-page"]')).not.toBeNull();
    render(<Shell route={{ name: 'queue' }} />);
    expect(container.querySelector('main')?.textContent).toBe('очередь');
    expect(loggedEntries()).toHaveLength(2);
  });

  it('follows the language switch', async () => {
    render(<Shell route={{ name: 'ticket', ticketId: 'broken' }} />);
    await act(async () => {
      await i18next.changeLanguage('en');
    });
    expect(container.textContent).toContain('This page could not be shown');
    expect(container.querySelector('main a')?.textContent).toBe('To the ticket queue');
  });
});
