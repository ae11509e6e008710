import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertNotice } from '../../../shared/alerts/schemas';

// Electron cannot run here: this file mocks its Notification class for the notifier adapter.
const electron = vi.hoisted(() => {
  const created: Array<{
    options: Record<string, unknown>;
    handlers: Map<string, () => void>;
    show: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
  }> = [];
  class Notification {
    static isSupported = vi.fn(() => true);
    handlers = new Map<string, () => void>();
    show = vi.fn();
    close = vi.fn(() => this.handlers.get('close')?.());
    constructor(public options: Record<string, unknown>) {
      created.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
  }
  return { created, Notification };
});
vi.mock('electron', () => electron);

const { createElectronNotifier } =
  await import('../../../electron/main/adapters/electron-notifier');

const notice = (overrides: Partial<AlertNotice> = {}): AlertNotice => ({
  id: 'n1',
  kind: 'ticket',
  ticketId: 'T-1',
  tag: 'alert:T-1:reaction',
  clock: 'reaction',
  level: 0.75,
  severity: 'warning',
  title: 'П1 · №101 · 75 % срока реакции',
  body: 'Организация\nОсталось 15 минут — срок в 13:00.',
  shownAt: '2026-11-25T09:45:00.000Z',
  ...overrides,
});

describe('Electron notifier adapter', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.Notification.isSupported.mockReturnValue(true);
  });

  it('shows the notice and hands it back on a click', () => {
    const onClick = vi.fn();
    createElectronNotifier(onClick)(notice());
    const [shown] = electron.created;
    expect(shown!.options).toMatchObject({
      title: 'П1 · №101 · 75 % срока реакции',
      body: 'Организация\nОсталось 15 минут — срок в 13:00.',
      urgency: 'normal',
    });
    expect(shown!.show).toHaveBeenCalled();
    shown!.handlers.get('click')!();
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ ticketId: 'T-1' }));
  });

  it('keeps a breach on screen and replaces the earlier notice of the same clock', () => {
    const show = createElectronNotifier(vi.fn());
    show(notice());
    show(
      notice({ id: 'n2', level: 1, severity: 'breach', title: 'П1 · №101 · срок реакции истёк' }),
    );
    const [first, second] = electron.created;
    expect(first!.close).toHaveBeenCalled();
    expect(second!.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' });
    expect(second!.close).not.toHaveBeenCalled();
  });

  it('stays silent where the system has no notifications', () => {
    electron.Notification.isSupported.mockReturnValue(false);
    createElectronNotifier(vi.fn())(notice());
    expect(electron.created).toEqual([]);
  });
});
