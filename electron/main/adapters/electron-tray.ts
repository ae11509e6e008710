import { app, Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { trayIconPng } from '../services/tray-icon';
import type { TrayCondition, TrayView } from '../services/tray-state';

/** Menu callbacks, handed to Electron detached from this object: plain functions, no `this`. */
export interface TrayActions {
  open: () => void;
  /** Opens the window on the Settings page. */
  openSettings: () => void;
  syncNow: () => void;
  toggleMute: () => void;
  quit: () => void;
}

export interface DeskTray {
  render(view: TrayView): void;
  destroy(): void;
}

function iconFor(condition: TrayCondition): NativeImage {
  // 16 px with a 2× representation: sharp on both ordinary and HiDPI panels.
  const image = nativeImage.createFromBuffer(Buffer.from(trayIconPng(condition, 16)), {
    scaleFactor: 1,
  });
  image.addRepresentation({ scaleFactor: 2, buffer: Buffer.from(trayIconPng(condition, 32)) });
  return image;
}

/**
 * The only file that touches Electron's Tray: it copies a TrayView (decided in tray-state.ts)
 * into the icon, tooltip, menu and the badge where the platform has one (macOS dock, Unity).
 */
export function createElectronTray(actions: TrayActions): DeskTray {
  const icons = new Map<TrayCondition, NativeImage>();
  const icon = (condition: TrayCondition) => {
    let image = icons.get(condition);
    if (!image) {
      image = iconFor(condition);
      icons.set(condition, image);
    }
    return image;
  };
  const tray = new Tray(icon('normal'));
  // A left click opens the window on Windows and Linux; macOS shows the menu on any click.
  tray.on('click', actions.open);
  let shownCondition: TrayCondition = 'normal';
  let shownMenu = '';

  return {
    render(view) {
      if (view.condition !== shownCondition) {
        tray.setImage(icon(view.condition));
        shownCondition = view.condition;
      }
      tray.setToolTip(view.tooltip);
      // Rebuilt only when a label changes: some Linux trays flicker on every new menu.
      const menuKey = JSON.stringify(view.labels);
      if (menuKey !== shownMenu) {
        tray.setContextMenu(
          Menu.buildFromTemplate([
            { label: view.labels.open, click: actions.open },
            { label: view.labels.settings, click: actions.openSettings },
            { label: view.labels.syncNow, click: actions.syncNow },
            { label: view.labels.mute, click: actions.toggleMute },
            { type: 'separator' },
            { label: view.labels.quit, click: actions.quit },
          ]),
        );
        shownMenu = menuKey;
      }
      app.setBadgeCount(view.badgeCount);
    },
    destroy() {
      tray.destroy();
    },
  };
}
