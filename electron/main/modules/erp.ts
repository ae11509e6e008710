import { join } from 'node:path';
import type { MainPorts } from '../main-ports';
import type { HandlerServices } from '../ipc/handlers';
import { chooseErpBackend, kindInUse, redmineEndpoint } from '../services/erp-backend';
import { createErpChecker } from '../services/erp-check';
import { createErpConnection, type ErpConnection } from '../services/erp-connection';
import { createErpGateway, type ErpGateway } from '../services/erp-gateway';
import { createRedmineBackend } from '../services/redmine/redmine-backend';
import { createSecretStore, type SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';

export interface ErpModule {
  /** The token, encrypted with the origin it was entered for (erp-token.bin). */
  secrets: SecretStore;
  /** The configured ERP, or the embedded demo ERP when none is configured. */
  connection: ErpConnection;
  /** Contract 2 (spoken by the ERP, or translated for Redmine): the only way main talks to one. */
  gateway: ErpGateway;
  /** "Проверить подключение": an address and token not saved yet, asked who they belong to. */
  check: HandlerServices['checkErp'];
}

/** Which ERP main talks to, with which token, and how. */
export function createErpModule(
  ports: Pick<
    MainPorts,
    'files' | 'cipher' | 'fetch' | 'clock' | 'log' | 'userData' | 'startDemoErp'
  >,
  settings: SettingsStore,
): ErpModule {
  const secrets = createSecretStore({
    files: ports.files,
    cipher: ports.cipher,
    path: join(ports.userData, 'erp-token.bin'),
    now: () => new Date(ports.clock.now()),
  });
  const connection = createErpConnection({
    configuredUrl: () => settings.current().erp.baseUrl,
    demoChosen: () => settings.current().erp.mode === 'demo',
    tokenFor: (origin) => secrets.tokenFor(origin),
    startDemo: () => ports.startDemoErp(join(ports.userData, 'demo-erp')),
    onDemoFailed: (error) => ports.log.error('erp', 'the embedded demo ERP did not start', error),
  });
  const erp = () => settings.current().erp;
  const gateway = chooseErpBackend(() => kindInUse(erp()), {
    prokontakt: createErpGateway({
      fetch: ports.fetch,
      endpoint: () => connection.endpoint(),
      now: ports.clock.now,
    }),
    redmine: createRedmineBackend({
      fetch: ports.fetch,
      endpoint: () => redmineEndpoint(erp(), (origin) => secrets.tokenFor(origin)),
      now: ports.clock.now,
      // An issue the pull cannot show must leave a trace the user can send us (diagnostics).
      log: (message) => ports.log.warn('redmine', message),
    }),
  });
  const check = createErpChecker({
    fetch: ports.fetch,
    storedOrigin: async () => (await secrets.status(null)).origin,
    storedTokenFor: (origin) => secrets.tokenFor(origin),
    storedKind: () => erp().kind,
    now: ports.clock.now,
  });
  return { secrets, connection, gateway, check };
}
