import { describeErpProblem, type HostDiagnostics } from '@shared/host/diagnostics';
import type { HostHandlers } from '@shared/host/request-schemas';
import { ok } from '@shared/host/result';
import type { AppInfo } from '@shared/host/schemas';
import type { DeskAlerts } from '@shared/alerts/desk-alerts';
import type { ErpGateway } from '../services/erp-gateway';
import type { SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';

export interface HandlerServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  secrets: SecretStore;
  erp: ErpGateway;
  alerts: DeskAlerts;
  /** Called after settings change, e.g. to re-arm the sync timer. */
  onSettingsChanged?: () => void;
  diagnostics: () => Promise<HostDiagnostics>;
  /** Receives ERP requests that failed in a way support should see (for main.log). */
  onErpProblem?: (line: string) => void;
}

/** Maps each channel of the contract to a service call. Inputs arrive already validated. */
export function createMainHandlers(services: HandlerServices): HostHandlers {
  return {
    'app:info': async () => ok(services.appInfo),
    'settings:get': async () => ok(services.settings.snapshot()),
    'settings:set': async (patch) => {
      const result = await services.settings.update(patch);
      if (result.ok) services.onSettingsChanged?.();
      return result;
    },
    'secrets:set-erp-token': async ({ token }) => services.secrets.setErpToken(token),
    'secrets:erp-token-status': async () => ok({ present: await services.secrets.hasErpToken() }),
    'erp:request': async (request) => {
      const result = await services.erp.request(request);
      const problem = describeErpProblem(request, result);
      if (problem !== null) services.onErpProblem?.(problem);
      return result;
    },
    'alerts:update': async (feed) => ok(services.alerts.update(feed)),
    'alerts:mute': async ({ minutes }) => ok(services.alerts.mute(minutes)),
    'diagnostics:host': async () => ok(await services.diagnostics()),
  };
}
