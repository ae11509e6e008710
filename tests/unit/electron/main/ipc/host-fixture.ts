import { vi } from 'vitest';
import { createDeskAlerts } from '../../../../../shared/alerts/desk-alerts';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../../../shared/host/contract';
import type { HostHandlers } from '../../../../../shared/host/request-schemas';
import { defaultSettings } from '../../../../../shared/host/schemas';
import { encodeSettings } from '../../../../../shared/host/settings-codec';
import { createMainHandlers } from '../../../../../electron/main/ipc/handlers';
import { createIpcRouter, type SenderInfo } from '../../../../../electron/main/ipc/router';
import { createErpChecker } from '../../../../../electron/main/services/erp-check';
import { createErpConnection } from '../../../../../electron/main/services/erp-connection';
import {
  createErpGateway,
  type FetchPort,
} from '../../../../../electron/main/services/erp-gateway';
import { collectMainDiagnostics } from '../../../../../electron/main/services/host-diagnostics';
import { createLogFile } from '../../../../../electron/main/services/log-file';
import {
  createSecretStore,
  type CipherPort,
} from '../../../../../electron/main/services/secret-store';
import { createSettingsStore } from '../../../../../electron/main/services/settings-store';
import { isTrustedUrl, type TrustedLocations } from '../../../../../electron/main/trusted-url';
import { createMemoryFiles } from '../services/memory-files';

/*
 * The main process's IPC stack as index.ts composes it — router, real handlers, real settings and
 * secret stores over in-memory files, the real ERP gateway over a fake fetch, real desk alerts —
 * so hostile-payload and secrecy tests exercise exactly what the renderer can reach.
 */

export const SETTINGS_PATH = '/userData/settings.json';
export const TOKEN_PATH = '/userData/erp-token.bin';
export const LOG_PATH = '/userData/logs/main.log';
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
  'alerts:update': {
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
  };
}

export async function setupHost(options: { fetch?: FetchPort; token?: string } = {}) {
  const { files, store } = createMemoryFiles({
    [SETTINGS_PATH]: encodeSettings({
      ...defaultSettings(),
      erp: { mode: 'configured', baseUrl: ERP_URL },
    }),
  });
  const settings = createSettingsStore({ files, path: SETTINGS_PATH, now: () => new Date(now) });
  await settings.load();
  const secrets = createSecretStore({ files, cipher, path: TOKEN_PATH, now: () => new Date(now) });
  await secrets.setErpToken(options.token ?? 'stored-token-0123456789', new URL(ERP_URL).origin);
  const fetch = vi.fn<FetchPort>(options.fetch ?? (async () => answer(200, '{"changes":[]}')));
  // As index.ts composes it: the address from the settings, the token stored for its origin.
  const connection = createErpConnection({
    configuredUrl: () => settings.current().erp.baseUrl,
    demoChosen: () => settings.current().erp.mode === 'demo',
    tokenFor: (origin) => secrets.tokenFor(origin),
    startDemo: () => Promise.reject(new Error('no demo ERP in this fixture')),
    onDemoFailed: () => undefined,
  });
  const erp = createErpGateway({ fetch, endpoint: () => connection.endpoint(), now: () => now });
  // As index.ts composes it: the gateway for an address not saved yet, the same fetch.
  const checkErp = vi.fn(
    createErpChecker({
      fetch,
      storedOrigin: async () => (await secrets.status(null)).origin,
      storedTokenFor: (origin) => secrets.tokenFor(origin),
    }),
  );
  const alerts = createDeskAlerts(
    {
      now: () => now,
      monotonicNow: () => 0,
      setTimeout: () => () => undefined,
      setInterval: () => () => undefined,
      timeZone: () => 'Europe/Moscow',
      storedMemory: null,
      writeMemory: vi.fn(),
      show: vi.fn(),
      onStatus: vi.fn(),
      onProblem: vi.fn(),
    },
    settings.current().alerts,
  );
  const services = {
    settingsUpdate: vi.spyOn(settings, 'update'),
    setErpToken: vi.spyOn(secrets, 'setErpToken'),
    erpSession: vi.spyOn(erp, 'session'),
    erpPush: vi.spyOn(erp, 'push'),
    erpChanges: vi.spyOn(erp, 'changes'),
    checkErp,
    alertsUpdate: vi.spyOn(alerts, 'update'),
    alertsMute: vi.spyOn(alerts, 'mute'),
    fetch,
  };
  const logs: unknown[][] = [];
  const log = createLogFile({ files, path: LOG_PATH, now: () => new Date(now), console: null });
  const appInfo = {
    name: 'PROконтакт',
    version: '0.1.0',
    host: 'electron',
    platform: 'linux',
  } as const;
  const real = createMainHandlers({
    appInfo,
    settings,
    secrets,
    erp,
    checkErp,
    alerts,
    diagnostics: () =>
      collectMainDiagnostics({
        appInfo,
        versions: { electron: '45.5.0', chrome: '140.0.0.0', node: process.versions.node },
        os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
        erp: () => settings.current().erp,
        baseUrl: async () => settings.current().erp.baseUrl,
        tokenPresent: async () => (await secrets.status(new URL(ERP_URL).origin)).present,
        log,
      }),
    onErpProblem: (line) => {
      logs.push([line]);
      log.warn('erp', line);
    },
    onPageProblem: ({ level, scope, message }) => log[level](`page:${scope}`, message),
  });
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, vi.fn(real[channel])]),
  ) as unknown as { [C in RequestChannel]: HostHandlers[C] & ReturnType<typeof vi.fn> };
  const route = createIpcRouter({
    handlers,
    isTrustedSender: (sender) => sender.url !== null && isTrustedUrl(sender.url, trusted),
    onHandlerError: (...args) => logs.push(args),
    onForbiddenSender: (...args) => logs.push(args),
  });
  const fileState = () => new Map([...store].map(([path, bytes]) => [path, [...bytes].join()]));
  return { route, handlers, services, store, fileState, secrets, settings, logs, log };
}
