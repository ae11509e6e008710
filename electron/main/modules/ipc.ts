import type { DeskAlerts } from '@shared/alerts/desk-alerts';
import { erpOriginOf } from '@shared/host/schemas';
import type { HostHandlers } from '@shared/host/request-schemas';
import { createMainHandlers } from '../ipc/handlers';
import { createIpcRouter, type IpcRoute } from '../ipc/router';
import type { MainPorts } from '../main-ports';
import { collectMainDiagnostics } from '../services/host-diagnostics';
import type { SettingsStore } from '../services/settings-store';
import { isTrustedUrl } from '../trusted-url';
import type { ErpModule } from './erp';

export interface IpcModule {
  /** One handler per channel of contract 3; the router looks each up when a request comes. */
  handlers: HostHandlers;
  /** Sender check → allowlist → schema → handler: what `ipcMain.handle` hands every request. */
  route: IpcRoute;
}

/** The host API (contract 3) over main's services, behind the sender and schema checks. */
export function createIpcModule(
  ports: Pick<MainPorts, 'appInfo' | 'environment' | 'log' | 'trusted'>,
  services: {
    settings: SettingsStore;
    erp: ErpModule;
    alerts: DeskAlerts;
    onSettingsChanged: () => void;
  },
): IpcModule {
  const { appInfo, log } = ports;
  const { settings, erp } = services;
  const handlers = createMainHandlers({
    appInfo,
    settings,
    secrets: erp.secrets,
    erp: erp.gateway,
    // Looked up at each call, so the ERP module stays the one place that says how a check runs.
    checkErp: (candidate) => erp.check(candidate),
    alerts: services.alerts,
    onSettingsChanged: services.onSettingsChanged,
    diagnostics: () =>
      collectMainDiagnostics({
        appInfo,
        ...ports.environment,
        erp: () => settings.current().erp,
        baseUrl: () => erp.connection.baseUrl(),
        tokenPresent: async () => {
          const url = settings.current().erp.baseUrl;
          return (await erp.secrets.status(url === null ? null : erpOriginOf(url))).present;
        },
        log,
      }),
    onErpProblem: (line) => log.warn('erp', line),
    onPageProblem: ({ level, scope, message, detail }) =>
      log[level](`page:${scope}`, detail === undefined ? message : `${message}\n${detail}`),
  });
  const route = createIpcRouter({
    handlers,
    isTrustedSender: (sender) => sender.url !== null && isTrustedUrl(sender.url, ports.trusted),
    onHandlerError: (channel, error) => log.error('ipc', `${channel} failed`, error),
    onForbiddenSender: (channel, sender) =>
      log.warn('ipc', `refused ${channel} from ${sender.url ?? 'a destroyed frame'}`),
  });
  return { handlers, route };
}
