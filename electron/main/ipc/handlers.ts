import { describeErpProblem, type HostDiagnostics } from '@shared/host/diagnostics';
import type { HostHandlers, ParsedRequestInput } from '@shared/host/request-schemas';
import { fail, ok, type HostResult } from '@shared/host/result';
import {
  credentialStillFits,
  erpOriginOf,
  type AppInfo,
  type ErpResponse,
} from '@shared/host/schemas';
import type { DeskAlerts } from '@shared/alerts/desk-alerts';
import { answerAlertsUpdate } from '@shared/host/alerts-update-answer';
import type { ErpGateway } from '../services/erp-gateway';
import type { SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';

export interface HandlerServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  secrets: SecretStore;
  erp: ErpGateway;
  /** GET /sync/v1/session at an address not saved yet (services/erp-check.ts). */
  checkErp: (candidate: ParsedRequestInput<'erp:check'>) => Promise<HostResult<ErpResponse>>;
  alerts: DeskAlerts;
  /** Called after settings change, e.g. to re-arm the sync timer. */
  onSettingsChanged?: () => void;
  diagnostics: () => Promise<HostDiagnostics>;
  /** Receives ERP requests that failed in a way support should see (for main.log). */
  onErpProblem?: (line: string) => void;
  /** A problem the page reported (`diagnostics:log`), for main.log. */
  onPageProblem?: (entry: ParsedRequestInput<'diagnostics:log'>) => void;
}

type ErpChannels =
  'erp:session' | 'erp:push' | 'erp:changes' | 'erp:blob-parts' | 'erp:blob-put' | 'erp:blob-get';

/**
 * The contract-2 channels over the gateway. Exported on its own so the sync fault suite drives
 * exactly these handlers (behind the same dispatcher and schemas) over a real network.
 */
export function createErpHandlers(
  erp: ErpGateway,
  onErpProblem?: (line: string) => void,
): Pick<HostHandlers, ErpChannels> {
  const noted = <T extends { status: number }>(
    what: Parameters<typeof describeErpProblem>[0],
    result: HostResult<T>,
  ) => {
    const problem = describeErpProblem(what, result);
    if (problem !== null) onErpProblem?.(problem);
    return result;
  };
  return {
    'erp:session': async () => noted('session', await erp.session()),
    'erp:push': async (request) => noted('push', await erp.push(request)),
    'erp:changes': async (query) => noted('changes', await erp.changes(query)),
    'erp:blob-parts': async ({ sha256 }) => noted('blob-parts', await erp.blobParts(sha256)),
    'erp:blob-put': async (part) => noted('blob-put', await erp.putBlobPart(part)),
    'erp:blob-get': async (range) => noted('blob-get', await erp.getBlob(range)),
  };
}

/** Maps each channel of the contract to a service call. Inputs arrive already validated. */
export function createMainHandlers(services: HandlerServices): HostHandlers {
  const { settings, secrets } = services;
  const configuredOrigin = () => {
    const url = settings.current().erp.baseUrl;
    return url === null ? null : erpOriginOf(url);
  };
  return {
    'app:info': async () => ok(services.appInfo),
    'settings:get': async () => ok(settings.snapshot()),
    'settings:set': async (patch) => {
      const before = settings.current().erp;
      const result = await settings.update(patch);
      if (!result.ok) return result;
      // The token belongs to the address and the kind it was entered for: a new address needs its
      // own, and a contract-2 token is not a Redmine API key (nor the other way round).
      if (!credentialStillFits(before, settings.current().erp)) await secrets.clearErpToken();
      services.onSettingsChanged?.();
      return result;
    },
    'secrets:set-erp-token': async ({ token }) => {
      const origin = configuredOrigin();
      if (token === null) {
        await secrets.clearErpToken();
        return ok(await secrets.status(origin));
      }
      if (origin === null) {
        return fail(
          'erp_not_configured',
          'Set the ERP address first: a token is stored for one ERP address and sent only there',
        );
      }
      return secrets.setErpToken(token, origin);
    },
    'secrets:erp-token-status': async () => ok(await secrets.status(configuredOrigin())),
    ...createErpHandlers(services.erp, services.onErpProblem),
    // Not logged: a person is trying addresses and sees every answer on the page.
    'erp:check': (candidate) => services.checkErp(candidate),
    'alerts:update': async (update) => answerAlertsUpdate(services.alerts, update),
    'alerts:mute': async ({ minutes }) => ok(services.alerts.mute(minutes)),
    'diagnostics:host': async () => ok(await services.diagnostics()),
    'diagnostics:log': async (entry) => {
      services.onPageProblem?.(entry);
      return ok({ logged: services.onPageProblem !== undefined });
    },
  };
}
