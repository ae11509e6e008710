import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrustedLocations } from '../../../../electron/main/trusted-url';

type Listener = (...args: unknown[]) => unknown;

// Electron cannot run here: a BrowserWindow stand-in records what the window module asks of it.
const electron = vi.hoisted(() => {
  const windows: Array<{
    options: Record<string, unknown>;
    listeners: Map<string, Listener>;
    openHandler: Listener;
    on: ReturnType<typeof vi.fn<(event: string, listener: Listener) => void>>;
    hide: ReturnType<typeof vi.fn>;
  }> = [];
  class BrowserWindow {
    listeners = new Map<string, Listener>();
    openHandler: Listener = () => undefined;
    webContents = {
      setWindowOpenHandler: (handler: Listener) => {
        this.openHandler = handler;
      },
      on: (event: string, listener: Listener) => this.listeners.set(event, listener),
    };
    once = vi.fn();
    on = vi.fn<(event: string, listener: Listener) => void>();
    hide = vi.fn();
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
  }
  return {
    windows,
    BrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showMessageBoxSync: vi.fn(() => 1) },
  };
});
vi.mock('electron', () => electron);

const { createMainWindow } = await import('../../../../electron/main/window');
const { leavePromptFor } = await import('../../../../electron/main/services/leave-prompt');

const trusted: TrustedLocations = {
  devServerOrigin: null,
  rendererDirUrl: 'file:///opt/prokontakt/out/renderer/',
};
const PRELOAD = '/opt/prokontakt/out/preload/index.cjs';

function setup(hideOnClose = () => true) {
  createMainWindow({
    preloadPath: PRELOAD,
    entry: { kind: 'file', path: '/opt/prokontakt/out/renderer/index.html' },
    trusted,
    showWhenReady: true,
    hideOnClose,
    leavePrompt: () => leavePromptFor('en'),
  });
  const window = electron.windows.at(-1)!;
  const navigation = (event: string, url: string, isMainFrame = true) => {
    const preventDefault = vi.fn();
    window.listeners.get(event)!({ url, isMainFrame, preventDefault });
    return preventDefault;
  };
  const openWindow = (url: string) => window.openHandler({ url });
  return { window, navigation, openWindow };
}

const APP_PAGE = 'file:///opt/prokontakt/out/renderer/index.html';
const UNTRUSTED = [
  'https://erp.smart-consulting.ru/',
  'https://evil.example/',
  'file:///etc/passwd',
  'file:///opt/prokontakt/out/renderer/../../../tmp/evil.html',
  'data:text/html,hi',
  'javascript:alert(1)',
];

describe('main window: webPreferences', () => {
  beforeEach(() => vi.clearAllMocks());

  it('isolates and sandboxes the page, with no Node, webviews or remote module', () => {
    const prefs = setup().window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Options that would weaken any of the above must not be present at all.
    for (const key of [
      'enableRemoteModule',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'additionalArguments',
      'preloadURL',
    ]) {
      expect(prefs).not.toHaveProperty(key);
    }
  });
});

describe('main window: new windows', () => {
  beforeEach(() => vi.clearAllMocks());

  it.each(['https://erp.smart-consulting.ru/tickets/1', 'mailto:support_info@smart-consulting.ru'])(
    'denies a window for %s and opens it in the system instead',
    (url) => {
      expect(setup().openWindow(url)).toEqual({ action: 'deny' });
      expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
    },
  );

  it.each([
    'https://evil.example/',
    // The configured ERP's own pages too: the page can change that setting, so it widens nothing.
    'https://erp.digit.example/x',
    'https://erp.smart-consulting.ru@evil.example/',
    'http://erp.smart-consulting.ru/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    APP_PAGE,
  ])('denies a window for %s and opens nothing', (url) => {
    expect(setup().openWindow(url)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('main window: navigation', () => {
  beforeEach(() => vi.clearAllMocks());

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s to the app page is allowed',
    (event) => {
      expect(
        setup().navigation(event, APP_PAGE, event !== 'will-frame-navigate'),
      ).not.toHaveBeenCalled();
    },
  );

  it.each(UNTRUSTED)('will-navigate to %s is prevented', (url) => {
    expect(setup().navigation('will-navigate', url)).toHaveBeenCalled();
  });

  it('a prevented navigation to an allowed link goes to the system browser instead', () => {
    const { navigation } = setup();
    navigation('will-navigate', 'https://erp.smart-consulting.ru/');
    navigation('will-navigate', 'https://evil.example/');
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://erp.smart-consulting.ru/',
    );
  });

  it.each(UNTRUSTED)('will-redirect to %s is prevented', (url) => {
    expect(setup().navigation('will-redirect', url)).toHaveBeenCalled();
  });

  it.each(UNTRUSTED)('a subframe navigating to %s is prevented', (url) => {
    expect(setup().navigation('will-frame-navigate', url, false)).toHaveBeenCalled();
  });

  it('never opens a redirect or subframe target outside the app', () => {
    const { navigation } = setup();
    navigation('will-redirect', 'https://erp.smart-consulting.ru/');
    navigation('will-frame-navigate', 'https://erp.smart-consulting.ru/', false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('main window: closing', () => {
  beforeEach(() => vi.clearAllMocks());

  it('hides to the tray while close-to-tray is on, and closes once it is turned off', () => {
    const setting = { closeToTray: true };
    const { window } = setup(() => setting.closeToTray);
    const onClose = window.on.mock.calls.find(([event]) => event === 'close')![1];
    const hidden = { preventDefault: vi.fn() };
    onClose(hidden);
    expect(hidden.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalledTimes(1);

    // Read at each close: the setting applies without a restart.
    setting.closeToTray = false;
    const closed = { preventDefault: vi.fn() };
    onClose(closed);
    expect(closed.preventDefault).not.toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['leaving', 0, true],
    ['staying', 1, false],
  ])('asks before a page with unsaved edits unloads; %s is honoured', (_label, button, unloads) => {
    const { window } = setup();
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(button);
    const event = { preventDefault: vi.fn() };
    window.listeners.get('will-prevent-unload')!(event);
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        message: 'Some settings are not saved',
        buttons: ['Close without saving', 'Stay'],
        cancelId: 1,
      }),
    );
    // preventDefault on will-prevent-unload overrides the page's beforeunload: it unloads.
    expect(event.preventDefault).toHaveBeenCalledTimes(unloads ? 1 : 0);
  });
});
