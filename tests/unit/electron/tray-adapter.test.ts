import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayView } from '../../../electron/main/services/tray-state';

// Electron cannot run here: this file mocks the few parts the tray adapter uses.
const electron = vi.hoisted(() => {
  const trays: Array<Record<string, ReturnType<typeof vi.fn>>> = [];
  class Tray {
    setImage = vi.fn();
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    destroy = vi.fn();
    on = vi.fn();
    constructor(public image: unknown) {
      trays.push(this as unknown as Record<string, ReturnType<typeof vi.fn>>);
    }
  }
  const image = (png: Buffer) => ({ png, addRepresentation: vi.fn() });
  return {
    trays,
    Tray,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
    nativeImage: { createFromBuffer: vi.fn(image) },
    app: { setBadgeCount: vi.fn(() => true) },
  };
});
vi.mock('electron', () => electron);

const { createElectronTray } = await import('../../../electron/main/adapters/electron-tray');

const view = (overrides: Partial<TrayView> = {}): TrayView => ({
  condition: 'normal',
  tooltip: 'PROконтакт: сроки в порядке · открыто: 3',
  badgeCount: 0,
  muted: false,
  labels: {
    open: 'Открыть',
    settings: 'Настройки',
    syncNow: 'Синхронизировать сейчас',
    mute: 'Без уведомлений на час',
    quit: 'Выйти',
  },
  ...overrides,
});

function setup() {
  const actions = {
    open: vi.fn(),
    openSettings: vi.fn(),
    syncNow: vi.fn(),
    toggleMute: vi.fn(),
    quit: vi.fn(),
  };
  const tray = createElectronTray(actions);
  const native = electron.trays.at(-1)!;
  const menu = () =>
    (
      native.setContextMenu!.mock.calls.at(-1)![0] as {
        template: Array<{ label?: string; click?: () => void }>;
      }
    ).template;
  return { actions, tray, native, menu };
}

describe('Electron tray adapter', () => {
  beforeEach(() => vi.clearAllMocks());

  it('puts the view on the tray: tooltip, menu, badge', () => {
    const { tray, native, menu } = setup();
    tray.render(view({ badgeCount: 2 }));
    expect(native.setToolTip).toHaveBeenCalledWith('PROконтакт: сроки в порядке · открыто: 3');
    expect(menu().map((item) => item.label ?? '—')).toEqual([
      'Открыть',
      'Настройки',
      'Синхронизировать сейчас',
      'Без уведомлений на час',
      '—',
      'Выйти',
    ]);
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(2);
  });

  it('wires each menu item and a click on the icon to its action', () => {
    const { actions, tray, native, menu } = setup();
    tray.render(view());
    const [open, settings, sync, mute, , quit] = menu();
    open!.click!();
    settings!.click!();
    sync!.click!();
    mute!.click!();
    quit!.click!();
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.openSettings).toHaveBeenCalledTimes(1);
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
    expect(actions.toggleMute).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
    expect(native.on).toHaveBeenCalledWith('click', actions.open);
  });

  it('changes the icon only when the condition changes, and the menu only when a label does', () => {
    const { tray, native } = setup();
    tray.render(view());
    tray.render(view({ tooltip: 'other counts' }));
    expect(native.setImage).not.toHaveBeenCalled();
    expect(native.setContextMenu).toHaveBeenCalledTimes(1);

    tray.render(
      view({ condition: 'breach', labels: { ...view().labels, mute: 'Включить уведомления' } }),
    );
    tray.render(
      view({ condition: 'breach', labels: { ...view().labels, mute: 'Включить уведомления' } }),
    );
    expect(native.setImage).toHaveBeenCalledTimes(1);
    expect(native.setContextMenu).toHaveBeenCalledTimes(2);
  });

  it('draws each condition once, at 1× and 2×', () => {
    const { tray } = setup();
    tray.render(view({ condition: 'warning' }));
    tray.render(view({ condition: 'normal' }));
    tray.render(view({ condition: 'warning' }));
    // normal (at creation) and warning: two images, each a 16 px PNG with a 32 px representation.
    expect(electron.nativeImage.createFromBuffer).toHaveBeenCalledTimes(2);
  });

  it('removes the icon on destroy', () => {
    const { tray, native } = setup();
    tray.destroy();
    expect(native.destroy).toHaveBeenCalled();
  });
});
