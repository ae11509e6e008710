import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrustedLocations } from '../../../../electron/main/trusted-url';

type Listener = (...args: unknown[]) => unknown;

// Electron cannot run here: app and session stand-ins record the handlers the guards install.
const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const handlers: Record<string, Listener> = {};
  const record = (name: string) => (handler: Listener) => {
    handlers[name] = handler;
  };
  return {
    appListeners,
    handlers,
    app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('request'),
        setPermissionCheckHandler: record('check'),
        setDevicePermissionHandler: record('device'),
      },
    },
  };
});
vi.mock('electron', () => electron);

const { installSecurityGuards } = await import('../../../../electron/main/security');

const trusted: TrustedLocations = {
  devServerOrigin: null,
  rendererDirUrl: 'file:///opt/prokontakt/out/renderer/',
};
const APP_PAGE = 'file:///opt/prokontakt/out/renderer/index.html';

const REFUSED = [
  'media',
  'geolocation',
  'midi',
  'midiSysex',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'fullscreen',
  'pointerLock',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'local-fonts',
  'window-management',
  'storage-access',
  'unknown',
];

beforeAll(() => installSecurityGuards(trusted));

function request(permission: string, requestingUrl = APP_PAGE): boolean {
  let granted: boolean | undefined;
  electron.handlers['request']!(
    {},
    permission,
    (answer: boolean) => {
      granted = answer;
    },
    { requestingUrl, isMainFrame: true },
  );
  expect(granted).toBeDefined();
  return granted!;
}

function check(permission: string, requestingUrl = APP_PAGE): boolean {
  return electron.handlers['check']!({}, permission, 'file:///', {
    requestingUrl,
    isMainFrame: true,
  }) as boolean;
}

describe('permission requests and checks', () => {
  it.each(REFUSED)('refuses %s to the app page itself', (permission) => {
    expect(request(permission)).toBe(false);
    expect(check(permission)).toBe(false);
  });

  // clipboard-sanitized-write: "copy diagnostics" on the error screens (writeText, after a click).
  it.each(['notifications', 'clipboard-sanitized-write'])(
    'grants %s to the app page',
    (permission) => {
      expect(request(permission)).toBe(true);
      expect(check(permission)).toBe(true);
    },
  );

  it.each([
    ['notifications', 'https://evil.example/'],
    ['notifications', 'file:///tmp/evil.html'],
    ['notifications', 'data:text/html,hi'],
    ['clipboard-sanitized-write', 'https://evil.example/'],
    ['clipboard-sanitized-write', 'file:///tmp/evil.html'],
  ])('refuses %s to %s', (permission, url) => {
    expect(request(permission, url)).toBe(false);
    expect(check(permission, url)).toBe(false);
  });

  it('refuses notifications when the requesting page is unknown', () => {
    const details = { isMainFrame: true };
    expect(electron.handlers['check']!({}, 'notifications', 'file:///', details)).toBe(false);
  });

  it('refuses every HID, serial and USB device', () => {
    expect(electron.handlers['device']!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });
});

describe('guards on every web contents', () => {
  function created() {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => {
        openHandler = handler;
      },
    };
    electron.appListeners.get('web-contents-created')!({}, contents);
    return { listeners, openWindow: (url: string) => openHandler?.({ url }) };
  }

  it('prevents attaching a webview', () => {
    const preventDefault = vi.fn();
    created().listeners.get('will-attach-webview')!({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it.each([APP_PAGE, 'https://erp.smart-consulting.ru/', 'about:blank'])(
    'denies any new window, even for %s',
    (url) => {
      expect(created().openWindow(url)).toEqual({ action: 'deny' });
    },
  );
});
