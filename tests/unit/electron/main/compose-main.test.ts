import { describe, expect, it, vi } from 'vitest';
import type { AlertNotice } from '../../../../shared/alerts/schemas';
import type { TrayActions } from '../../../../electron/main/adapters/electron-tray';
import { composeMain } from '../../../../electron/main/compose-main';
import type { MainPorts } from '../../../../electron/main/main-ports';
import { createLogFile } from '../../../../electron/main/services/log-file';
import type { TrayView } from '../../../../electron/main/services/tray-state';
import { createMemoryFiles } from './services/memory-files';

// How composeMain wires the modules to each other and to the desktop: what the tray's items do,
// what a notification click does, what a settings change and a resume set off, what quitting
// stops. (The services themselves have their own tests; the real Electron run is tests/e2e-main.)

const NOW = Date.parse('2026-11-25T10:00:00Z');

async function compose() {
  const { files } = createMemoryFiles();
  const demoClosed = vi.fn(async () => undefined);
  const trayDestroyed = vi.fn();
  const intervals: Array<{ ms: number; cancelled: boolean }> = [];
  let trayActions: TrayActions | null = null;
  const trayViews: TrayView[] = [];
  let onNotificationClick: ((notice: AlertNotice) => void) | null = null;
  const ports: MainPorts = {
    userData: '/userData',
    appInfo: { name: 'PROконтакт', version: '0.1.0', host: 'electron', platform: 'linux' },
    environment: {
      versions: { electron: '45.5.0' },
      os: { platform: 'linux', release: '6', arch: 'x64' },
    },
    files,
    cipher: {
      isAvailable: () => true,
      encrypt: (text) => new TextEncoder().encode(text),
      decrypt: (data) => new TextDecoder().decode(data),
    },
    fetch: vi.fn(),
    clock: {
      now: () => NOW,
      monotonicNow: () => 0,
      setTimeout: () => () => undefined,
      setInterval: (_callback, ms) => {
        const entry = { ms, cancelled: false };
        intervals.push(entry);
        return () => {
          entry.cancelled = true;
        };
      },
      timeZone: () => 'Europe/Moscow',
    },
    log: createLogFile({
      files,
      path: '/userData/logs/main.log',
      now: () => new Date(NOW),
      console: null,
    }),
    startDemoErp: vi.fn(async () => ({
      url: 'http://127.0.0.1:1',
      token: 'demo',
      close: demoClosed,
    })),
    trusted: { devServerOrigin: null, rendererDirUrl: 'file:///opt/prokontakt/out/renderer/' },
    window: { send: vi.fn(), show: vi.fn() },
    desktop: {
      createTray: (actions) => {
        trayActions = actions;
        return { render: (view) => trayViews.push(view), destroy: trayDestroyed };
      },
      createNotifier: (onClick) => {
        onNotificationClick = onClick;
        return vi.fn();
      },
      applyLaunchAtLogin: vi.fn(),
      quit: vi.fn(),
    },
  };
  const main = await composeMain(ports);
  return {
    main,
    ports,
    intervals,
    trayViews,
    tray: () => trayActions!,
    clickNotification: (notice: AlertNotice) => onNotificationClick!(notice),
    demoClosed,
    trayDestroyed,
    // The wall-clock watch of the alerts checks every minute; the rest is the sync timer.
    syncIntervals: () => intervals.filter((interval) => interval.ms !== 60_000),
  };
}

const syncTriggers = (ports: MainPorts) =>
  vi
    .mocked(ports.window.send)
    .mock.calls.filter(([event]) => event === 'sync:trigger')
    .map(([, payload]) => payload);

describe('composeMain', () => {
  it('gives the tray its icon, tooltip and menu before the window sends anything', async () => {
    const { trayViews } = await compose();
    expect(trayViews.at(-1)).toMatchObject({
      condition: 'normal',
      tooltip: 'PROконтакт: сроки в порядке · открыто: 0',
      labels: {
        open: 'Открыть',
        syncNow: 'Синхронизировать сейчас',
        mute: 'Без уведомлений на час',
        quit: 'Выйти',
      },
    });
  });

  it('wires the tray menu: open shows the window, sync now tells it to sync, quit quits', async () => {
    const { ports, tray } = await compose();
    tray().open();
    expect(ports.window.show).toHaveBeenCalledTimes(1);
    tray().syncNow();
    expect(syncTriggers(ports)).toEqual([{ reason: 'manual', at: '2026-11-25T10:00:00.000Z' }]);
    tray().quit();
    expect(ports.desktop.quit).toHaveBeenCalledTimes(1);
  });

  it('mutes for an hour from the tray, and unmutes with the same item', async () => {
    const { main, tray, trayViews } = await compose();
    tray().toggleMute();
    expect(main.alerts.status().mutedUntil).toBe('2026-11-25T11:00:00.000Z');
    expect(trayViews.at(-1)?.labels.mute).toBe('Включить уведомления (выключены до 14:00)');
    tray().toggleMute();
    expect(main.alerts.status().mutedUntil).toBeNull();
  });

  it('brings the window up on the ticket whose notification was clicked', async () => {
    const { ports, clickNotification } = await compose();
    clickNotification({ ticketId: 'T-7' } as AlertNotice);
    expect(ports.window.show).toHaveBeenCalledTimes(1);
    expect(ports.window.send).toHaveBeenCalledWith('alerts:open-ticket', { ticketId: 'T-7' });
    clickNotification({ ticketId: null } as AlertNotice);
    expect(ports.window.show).toHaveBeenCalledTimes(2);
    expect(ports.window.send).toHaveBeenCalledTimes(1);
  });

  it('re-arms the sync timer and the login item when the settings change', async () => {
    const { main, ports, syncIntervals } = await compose();
    expect(syncIntervals()).toEqual([{ ms: 5 * 60_000, cancelled: false }]);
    await main.route(
      'settings:set',
      { url: 'file:///opt/prokontakt/out/renderer/index.html', isMainFrame: true },
      {
        sync: { intervalMinutes: 15 },
        tray: { launchAtLogin: true },
      },
    );
    expect(syncIntervals()).toEqual([
      { ms: 5 * 60_000, cancelled: true },
      { ms: 15 * 60_000, cancelled: false },
    ]);
    expect(
      vi.mocked(ports.desktop.applyLaunchAtLogin).mock.calls.map(([tray]) => tray.launchAtLogin),
    ).toEqual([false, true]);
  });

  it('syncs after the system resumes', async () => {
    const { main, ports } = await compose();
    main.resume();
    expect(syncTriggers(ports)).toEqual([{ reason: 'resume', at: '2026-11-25T10:00:00.000Z' }]);
  });

  it('stops every timer, removes the tray and closes the demo ERP when disposed', async () => {
    const { main, intervals, demoClosed, trayDestroyed } = await compose();
    // The first-run choice "try the demo": the demo ERP starts on the first request.
    await main.route(
      'settings:set',
      { url: 'file:///opt/prokontakt/out/renderer/index.html', isMainFrame: true },
      { erp: { mode: 'demo' } },
    );
    await main.erp.connection.endpoint();
    await main.dispose();
    expect(intervals.length).toBeGreaterThan(1);
    expect(intervals.every((interval) => interval.cancelled)).toBe(true);
    expect(trayDestroyed).toHaveBeenCalledTimes(1);
    expect(demoClosed).toHaveBeenCalledTimes(1);
  });
});
