import { vi } from 'vitest';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../../../shared/host/contract';
import type { HostHandlers } from '../../../../../shared/host/request-schemas';
import { defaultSettings } from '../../../../../shared/host/schemas';
import { encodeSettings } from '../../../../../shared/host/settings-codec';
import { composeMain } from '../../../../../electron/main/compose-main';
import type { SenderInfo } from '../../../../../electron/main/ipc/router';
import type { MainClock } from '../../../../../electron/main/main-ports';
import type { FetchPort } from '../../../../../electron/main/services/erp-gateway';
import { createLogFile, type LogFile } from '../../../../../electron/main/services/log-file';
import type { CipherPort } from '../../../../../electron/main/services/secret-store';
import type { TrustedLocations } from '../../../../../electron/main/trusted-url';
import { createMemoryFiles } from '../services/memory-files';

/*
 * The main process's services exactly as index.ts composes them (composeMain): router, real
 * handlers, real settings and secret stores over in-memory files, the real ERP gateway over a
 * fake fetch, real desk alerts on a stopped clock; only the ports differ. So hostile-payload and
 * secrecy tests exercise exactly what the renderer can reach.
 */

const USER_DATA = '/userData';
export const SETTINGS_PATH = `${USER_DATA}/settings.json`;
export const TOKEN_PATH = `${USER_DATA}/erp-token.bin`;
const LOG_DIR = `${USER_DATA}/logs/`;
export const LOG_PATH = `${LOG_DIR}main.log`;
export const ERP_URL = 'https://erp.digit.example/api/';

const trusted: TrustedLocations = {
  devServerOrigin: null,
  rendererDirUrl: 'file:///opt/prokontakt/out/renderer/',
};
export const APP_PAGE: SenderInfo = {
  url: 'file:///opt/prokontakt/out/renderer/index.html',
  isMainFrame: true,
};

// Reversible stand-in for safeStorage that visibly changes the bytes.
const cipher: CipherPort = {
  isAvailable: () => true,
  encrypt: (plain) => new TextEncoder().encode(`enc:${[...plain].reverse().join('')}`),
  decrypt: (data) => [...new TextDecoder().decode(data).slice(4)].reverse().join(''),
};

const HOUR = 3_600_000;
const now = Date.parse('2026-11-25T10:00:00Z');

/** One well-formed input per channel: a new channel cannot be added without one. */
/** A SHA-256 as the blob channels name one (of nothing in particular). */
export const BLOB_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const validInputs = {
  'app:info': undefined,
  'settings:get': undefined,
  'settings:set': { sync: { intervalMinutes: 15 }, erp: { baseUrl: ERP_URL } },
  'secrets:set-erp-token': { token: 'another-token-0123456789' },
  'secrets:erp-token-status': undefined,
  'erp:session': undefined,
  'erp:push': {
    protocolVersion: 1,
    deviceId: '0193e3a0-0000-7000-8000-000000000001',
    commands: [
      {
        commandId: '0193e3a0-0000-7000-8000-0000000000c1',
        seq: 1,
        type: 'comment',
        ticketId: 'T1',
        baseVersion: 3,
        payload: { text: 'Перезагрузили сервер приложений' },
        clientCreatedAt: '2026-11-25T09:55:00Z',
      },
    ],
  },
  'erp:changes': { cursor: 'c1', limit: 100 },
  'erp:check': { baseUrl: 'https://erp.other.example/api/', token: 'typed-token-0123456789' },
  'erp:blob-parts': { sha256: BLOB_SHA256 },
  // The last of three parts of a file of 2 MiB + 5 bytes.
  'erp:blob-put': {
    sha256: BLOB_SHA256,
    part: 2,
    parts: 3,
    size: 2 * 1024 * 1024 + 5,
    bytes: new Uint8Array(5),
  },
  'erp:blob-get': { sha256: BLOB_SHA256, start: 0, end: 1023 },
  'alerts:update': {
    kind: 'full',
    version: 1,
    locale: 'ru',
    tickets: [
      {
        ticketId: 'T1',
        number: 1,
        organization: 'ООО «Ромашка»',
        priority: 2,
        clocks: [
          {
            clock: 'reaction',
            targetMs: 4 * HOUR,
            dueAtMs: now + 4 * HOUR,
            workingHours: true,
            marks: [{ level: 0.75, atMs: now + 3 * HOUR }],
          },
        ],
      },
    ],
  },
  'alerts:mute': { minutes: 30 },
  'diagnostics:host': undefined,
  'diagnostics:log': {
    level: 'error',
    scope: 'render',
    message: 'TicketPage failed',
    detail: 'at TicketPage',
  },
} as const satisfies Record<RequestChannel, unknown>;

export function answer(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => body,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer,
  };
}

// Time stands still: no alert, write batch or sync timer ever fires during a test.
const stoppedClock: MainClock = {
  now: () => now,
  monotonicNow: () => 0,
  setTimeout: () => () => undefined,
  setInterval: () => () => undefined,
  timeZone: () => 'Europe/Moscow',
};

/** The log as composed, plus every call's arguments kept in `calls` (to look for leaks). */
function recordingLog(log: LogFile, calls: unknown[][]): LogFile {
  const record =
    (level: 'info' | 'warn' | 'error') =>
    (...args: Parameters<LogFile['info']>) => {
      calls.push(args);
      log[level](...args);
    };
  return {
    ...log,
    path: log.path,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

export async function setupHost(options: { fetch?: FetchPort; token?: string } = {}) {
  const { files, store } = createMemoryFiles({
    [SETTINGS_PATH]: encodeSettings({
      ...defaultSettings(),
      erp: { ...defaultSettings().erp, mode: 'configured', baseUrl: ERP_URL },
    }),
  });
  const fetch = vi.fn<FetchPort>(options.fetch ?? (async () => answer(200, '{"changes":[]}')));
  const logs: unknown[][] = [];
  const log = recordingLog(
    createLogFile({ files, path: LOG_PATH, now: () => new Date(now), console: null }),
    logs,
  );
  const main = await composeMain({
    userData: USER_DATA,
    appInfo: { name: 'PROконтакт', version: '0.1.0', host: 'electron', platform: 'linux' },
    environment: {
      versions: { electron: '45.5.0', chrome: '140.0.0.0', node: process.versions.node },
      os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    },
    files,
    cipher,
    fetch,
    clock: stoppedClock,
    log,
    startDemoErp: () => Promise.reject(new Error('no demo ERP in this fixture')),
    trusted,
    window: { send: vi.fn(), show: vi.fn() },
    desktop: {
      createTray: () => ({ render: vi.fn(), destroy: vi.fn() }),
      createNotifier: () => vi.fn(),
      applyLaunchAtLogin: vi.fn(),
      quit: vi.fn(),
    },
  });
  await main.erp.secrets.setErpToken(
    options.token ?? 'stored-token-0123456789',
    new URL(ERP_URL).origin,
  );
  // Everything composed so far is on the "disk" before a test takes its snapshot.
  await log.flush();
  const services = {
    settingsUpdate: vi.spyOn(main.settings, 'update'),
    setErpToken: vi.spyOn(main.erp.secrets, 'setErpToken'),
    erpSession: vi.spyOn(main.erp.gateway, 'session'),
    erpPush: vi.spyOn(main.erp.gateway, 'push'),
    erpChanges: vi.spyOn(main.erp.gateway, 'changes'),
    checkErp: vi.spyOn(main.erp, 'check'),
    alertsUpdate: vi.spyOn(main.alerts, 'update'),
    alertsMute: vi.spyOn(main.alerts, 'mute'),
    fetch,
  };
  // The router looks each handler up when a request arrives, so these spies are what it calls.
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, vi.spyOn(main.handlers, channel)]),
  ) as unknown as { [C in RequestChannel]: HostHandlers[C] & ReturnType<typeof vi.fn> };
  // The log is left out: a refused request is logged on purpose (the refusal tests need that).
  const fileState = () =>
    new Map(
      [...store]
        .filter(([path]) => !path.startsWith(LOG_DIR))
        .map(([path, bytes]) => [path, [...bytes].join()]),
    );
  return {
    route: main.route,
    handlers,
    services,
    store,
    fileState,
    secrets: main.erp.secrets,
    settings: main.settings,
    logs,
    log,
  };
}
